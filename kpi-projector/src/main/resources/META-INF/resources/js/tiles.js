// The headline numbers above the charts.

import {
  count, label, percent,
} from './format.js';

function setTile(id, value, detail) {
  const tile = document.getElementById(id);
  tile.querySelector('.value').textContent = value;
  tile.querySelector('.detail').textContent = detail;
}

function sum(values) {
  return values.reduce((total, n) => total + n, 0);
}

export function renderTiles(summary, outcomes, stages) {
  const touchpoints = sum(Object.values(summary.touchpointsBySource));
  setTile('tile-accounts', count(summary.accountsTracked),
    `${count(touchpoints)} touchpoint${touchpoints === 1 ? '' : 's'} recorded`);

  const open = Object.entries(summary.accountsByStage)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => stages.order(a) - stages.order(b));
  const openCount = sum(open.map(([, n]) => n));
  setTile('tile-open', count(openCount), open.length
    ? open.map(([stage, n]) => `${count(n)} in ${label(stage)}`).join(' · ')
    : 'No open deal in any stage');

  setTile('tile-stalled', count(summary.stalledAccounts), openCount
    ? `of ${count(openCount)} open deal${openCount === 1 ? '' : 's'}, gone quiet`
    : 'No open deal to stall');

  const closed = outcomes.closed;
  const closedCount = sum(Object.values(closed));
  setTile('tile-win-rate', percent(outcomes.winRate), closedCount
    ? `${count(closed.won)} won of ${count(closedCount)} closed`
    : 'No deal closed yet');
  setTile('tile-no-decision', percent(outcomes.noDecisionRate), closedCount
    ? `${count(closed.no_decision)} of ${count(closedCount)} closed without a decision`
    : 'No deal closed yet');

  setTile('tile-momentum', summary.averageMomentum == null ? '—' : String(Math.round(summary.averageMomentum)),
    summary.averageMomentum == null ? 'No account has momentum yet'
      : 'out of 100: how much, and how broadly, buying committees engage');
}
