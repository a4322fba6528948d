// The KPI API, always with the analyst's bearer token. Paths are relative to the page, so the dashboard works
// wherever the service is mounted (behind a gateway's path prefix too).

const TOKEN_KEY = 'tandem.kpi.analystToken';

/** The token lives in sessionStorage: it is gone when the tab closes and never reaches another site. */
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  remember: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The token as pasted, without surrounding blanks or a copied "Bearer " prefix. */
export function cleanToken(text) {
  return text.trim().replace(/^Bearer\s+/i, '').replace(/\s+/g, '');
}

/** The API refused the token: 401 (not valid, expired) or 403 (valid, without the analyst role). */
export class AuthError extends Error {
  constructor(status) {
    super(`The API answered ${status}`);
    this.status = status;
  }
}

export function authHeaders(token, accept) {
  return { Authorization: `Bearer ${token}`, Accept: accept };
}

async function getJson(path, token) {
  const response = await fetch(path, { headers: authHeaders(token, 'application/json'), cache: 'no-store' });
  if (response.status === 401 || response.status === 403) {
    throw new AuthError(response.status);
  }
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

/** Answers whether the API accepts `token` (throws AuthError if not), with the cheapest report. */
export async function verify(token) {
  await getJson('v1/kpis/summary', token);
}

/** Every report the dashboard shows, read at once. */
export async function loadReports(token, model) {
  const kpis = (report) => getJson(`v1/kpis/${report}`, token);
  const [summary, funnel, velocity, stalls, coverage, contribution, outcomes, reasons, enablement] =
    await Promise.all([
      kpis('summary'), kpis('funnel'), kpis('velocity'), kpis('stalls'), kpis('coverage'),
      kpis(`contribution?model=${encodeURIComponent(model)}`), kpis('outcomes'), kpis('reasons'),
      kpis('enablement'),
    ]);
  return {
    summary, funnel, velocity, stalls, coverage, contribution, outcomes, reasons, enablement,
  };
}
