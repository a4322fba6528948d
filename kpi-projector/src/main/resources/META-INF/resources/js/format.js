// Words and numbers as a sales or marketing leader reads them: the API's keys (solution_exploration,
// economic_buyer, no_decision) become labels, rates become percentages.

const LABELS = {
  // how a stall or a stage visit ended
  open: 'Still stalled',
  resumed: 'Picked up again',
  advanced: 'Moved to a later stage',
  fell_back: 'Fell back a stage',
  won: 'Won',
  lost: 'Lost',
  no_decision: 'No decision',
  // committee coverage at the close: of the roles the stage required, how many were engaged
  none: 'None engaged',
  partial: 'Some engaged',
  full: 'All engaged',
  'n/a': 'None required',
  // momentum at the close
  low: 'Low momentum',
  medium: 'Medium momentum',
  high: 'High momentum',
  // who reported a decision reason
  buyer: 'Buyers said',
  seller: 'Sellers said',
  // reasons buyers often give
  roi: 'ROI',
};

/** The label of an API key: a known word, else the key with its underscores as spaces, capitalised. */
export function label(key) {
  if (key in LABELS) {
    return LABELS[key];
  }
  const words = String(key).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A rate of 0..1 as a whole percentage, e.g. 0.5 -> "50%"; null (nothing to divide) -> "—". */
export function percent(rate) {
  return rate == null ? '—' : `${Math.round(rate * 100)}%`;
}

export function count(n) {
  return n == null ? '—' : Number(n).toLocaleString('en');
}

export function days(n) {
  return n == null ? '—' : `${n} day${n === 1 ? '' : 's'}`;
}

export function time(date) {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** One colour per result, the same in every chart: good green, bad red, neutral greys and blues. */
export const RESULT_COLOURS = {
  open: '#f2a93b',
  resumed: '#7cb5ec',
  advanced: '#3f8fd2',
  fell_back: '#b39ddb',
  won: '#2e9d5b',
  lost: '#d64545',
  no_decision: '#9aa5b1',
};

export const SERIES_COLOURS = ['#3f8fd2', '#2e9d5b', '#f2a93b', '#8e6cc8', '#d64545', '#22a6b3', '#9aa5b1'];
