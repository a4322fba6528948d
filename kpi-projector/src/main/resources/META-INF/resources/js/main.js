// The dashboard: sign-in with the analyst token, the reports drawn as charts, and a reload whenever the KPI
// stream says the tenant's KPIs changed.

import {
  AuthError, cleanToken, loadReports, session, verify,
} from './api.js';
import { resizeAll } from './chart-kit.js';
import {
  renderCoverage, renderFunnel, renderStalls, renderVelocity, stagesOf,
} from './charts-pipeline.js';
import {
  renderContribution, renderCycle, renderEnablement, renderOutcomesByMomentum, renderReasons,
} from './charts-results.js';
import { time } from './format.js';
import { followKpis } from './stream.js';
import { renderTiles } from './tiles.js';

const $ = (id) => document.getElementById(id);

const REFUSED = {
  401: 'That token was not accepted: it may be incomplete, expired, or from an earlier run of ./tandem up. '
    + 'Paste the current analyst token.',
  403: 'That token is valid but does not grant the analyst role. Paste the analyst token.',
};
const UNREACHABLE = 'The KPI service could not be reached. Check that it is running, then choose Show the KPIs '
  + 'again.';

let stream = null;
let latest = null; // the reports last drawn, so that switching the detail of a chart needs no new read
let loading = null; // the read under way
let changedMeanwhile = false; // a change was announced during it: read once more when it ends

function showLogin(message) {
  $('sign-in').disabled = false;
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('live-status').hidden = true;
  $('login').hidden = false;
  const error = $('login-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('token').focus();
}

function signOut(message) {
  if (stream) {
    stream.stop();
    stream = null;
  }
  session.forget();
  showLogin(message);
}

function setLive(state) {
  const status = $('live-status');
  status.hidden = false;
  status.dataset.state = state;
  status.textContent = state === 'live' ? 'Live' : 'Reconnecting…';
  status.title = state === 'live' ? 'Updates within seconds of new events'
    : 'The live connection dropped; trying again. The figures shown may be out of date.';
}

function render(reports) {
  const stages = stagesOf(reports.funnel);
  renderTiles(reports.summary, reports.outcomes, stages);
  renderFunnel(reports.funnel, stages);
  renderVelocity(reports.velocity, stages);
  renderStalls(reports.stalls, stages);
  renderCoverage(reports.coverage);
  renderContribution(reports.contribution, $('contribution-dimension').value);
  renderOutcomesByMomentum(reports.outcomes);
  renderCycle(reports.outcomes);
  renderReasons(reports.reasons);
  renderEnablement(reports.enablement);
}

/** Reads every report and draws it; announcements during a read are folded into one more read. */
function refresh() {
  if (loading) {
    changedMeanwhile = true;
    return loading;
  }
  loading = (async () => {
    do {
      if (!session.token()) {
        return; // signed out meanwhile
      }
      changedMeanwhile = false;
      try {
        latest = await loadReports(session.token(), $('contribution-model').value);
        render(latest);
        $('last-updated').textContent = `Last updated ${time(new Date())}`;
        $('load-error').hidden = true;
      } catch (failure) {
        if (failure instanceof AuthError) {
          signOut(REFUSED[failure.status]);
          return;
        }
        $('load-error').hidden = false;
      }
    } while (changedMeanwhile);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

async function start(token) {
  $('sign-in').disabled = true; // one sign-in at a time, or two streams would follow the same KPIs
  try {
    await verify(token);
  } catch (failure) {
    if (failure instanceof AuthError) {
      signOut(REFUSED[failure.status]);
    } else {
      // keep a remembered token: the service may be restarting, and "Show the KPIs" tries it again
      showLogin(UNREACHABLE);
    }
    return;
  }
  session.remember(token);
  $('login').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  await refresh();
  if (session.token() !== token) {
    return; // the first read was refused (the token expired meanwhile): the sign-in is back
  }
  stream = followKpis(token, {
    onRevision: () => refresh(),
    onState: setLive,
    onAuthError: (failure) => signOut(REFUSED[failure.status]),
  });
}

$('login-form').addEventListener('submit', (submitted) => {
  submitted.preventDefault();
  const token = cleanToken($('token').value) || session.token();
  $('token').value = '';
  if (token) {
    start(token);
  }
});
$('sign-out').addEventListener('click', () => signOut());
$('contribution-model').addEventListener('change', () => refresh());
$('contribution-dimension').addEventListener('change', () => {
  const dimension = $('contribution-dimension');
  $('contribution-dimension-name').textContent = dimension.selectedOptions[0].textContent.toLowerCase();
  if (latest) {
    renderContribution(latest.contribution, $('contribution-dimension').value);
  }
});
window.addEventListener('resize', resizeAll);

if (session.token()) {
  start(session.token());
} else {
  showLogin();
}
