// The charts of how accounts move through the journey: the funnel, days in stage, stalls, committee coverage.

import {
  barBase, categoryAxis, show, valueAxis,
} from './chart-kit.js';
import { label, percent, RESULT_COLOURS } from './format.js';

/**
 * Names and orders stages as the funnel does (journey order, then stage position); the journey's name is added
 * only when the tenant has several, so that a single journey's chart stays uncluttered.
 */
export function stagesOf(funnel) {
  const journeys = new Set(funnel.stages.map((s) => s.journey));
  const position = new Map();
  funnel.stages.forEach((s, i) => {
    if (!position.has(s.stage)) {
      position.set(s.stage, i);
    }
  });
  return {
    name: (journey, stage) => (journeys.size > 1 && journey ? `${label(journey)} · ${label(stage)}` : label(stage)),
    order: (stage) => (position.has(stage) ? position.get(stage) : Number.MAX_SAFE_INTEGER),
  };
}

export function renderFunnel(funnel, stages) {
  const rows = funnel.stages;
  if (rows.length === 0) {
    show('chart-funnel', null, 'No account has entered a stage yet. Stages appear here as journeys start.');
    return;
  }
  show('chart-funnel', {
    ...barBase(),
    xAxis: categoryAxis(rows.map((s) => stages.name(s.journey, s.stage)), {
      notes: rows.map((s) => (s.conversionRate == null ? '' : `${percent(s.conversionRate)} moved on`)),
    }),
    yAxis: valueAxis('Accounts'),
    series: [
      { name: 'Entered the stage', type: 'bar', data: rows.map((s) => s.entered), itemStyle: { color: '#3f8fd2' }, label: { show: true, position: 'top' } },
      { name: 'Moved on or won', type: 'bar', data: rows.map((s) => s.converted), itemStyle: { color: '#2e9d5b' }, label: { show: true, position: 'top' } },
    ],
  });
}

export function renderVelocity(velocity, stages) {
  const rows = [...velocity].sort((a, b) => stages.order(a.stage) - stages.order(b.stage));
  if (rows.length === 0) {
    show('chart-velocity', null, 'No account has left a stage yet, so there is no time in stage to show.');
    return;
  }
  show('chart-velocity', {
    ...barBase(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? '—' : `${v} days`) },
    xAxis: categoryAxis(rows.map((s) => stages.name(s.journey, s.stage))),
    yAxis: valueAxis('Days'),
    series: [
      { name: 'Typical stay (median)', type: 'bar', data: rows.map((s) => s.medianDays), itemStyle: { color: '#3f8fd2' }, label: { show: true, position: 'top' } },
      { name: 'Slowest quarter stayed at least (75th percentile)', type: 'bar', data: rows.map((s) => s.p75Days), itemStyle: { color: '#a9c8ea' }, label: { show: true, position: 'top' } },
    ],
  });
}

/** Stacked bars of stall episodes per group, one colour per result; results nobody reached are left out. */
function stallOption(groups, groupName) {
  const results = Object.keys(RESULT_COLOURS)
    .filter((result) => groups.some((g) => (g.outcomes[result] || 0) > 0));
  return {
    ...barBase(),
    xAxis: categoryAxis(groups.map(groupName)),
    yAxis: valueAxis('Stalls'),
    series: results.map((result) => ({
      name: label(result),
      type: 'bar',
      stack: 'result',
      itemStyle: { color: RESULT_COLOURS[result] },
      data: groups.map((g) => g.outcomes[result] || 0),
      label: { show: true, formatter: (p) => (p.value ? p.value : '') },
    })),
  };
}

export function renderStalls(stalls, stages) {
  const byStage = stalls.byStage.filter((g) => g.episodes > 0)
    .sort((a, b) => stages.order(a.key) - stages.order(b.key));
  if (byStage.length === 0) {
    show('chart-stalls-stage', null, 'No deal has stalled yet.');
  } else {
    show('chart-stalls-stage', stallOption(byStage, (g) => label(g.key)));
  }
  const byPersona = stalls.bySilentPersona.filter((g) => g.episodes > 0);
  if (byPersona.length === 0) {
    show('chart-stalls-persona', null, 'No deal has stalled while a required buying role was silent.');
  } else {
    show('chart-stalls-persona', stallOption(byPersona, (g) => label(g.key)));
  }
}

const OUTCOMES = ['won', 'lost', 'no_decision'];

/** Closed deals per band, stacked by outcome, with the band's win rate under its name. */
export function outcomesByBandOption(bands, axisName) {
  return {
    ...barBase(),
    xAxis: categoryAxis(bands.map((b) => label(b.band)), {
      notes: bands.map((b) => (b.winRate == null ? 'none closed' : `${percent(b.winRate)} won`)),
    }),
    yAxis: valueAxis(axisName),
    series: OUTCOMES.map((outcome) => ({
      name: label(outcome),
      type: 'bar',
      stack: 'outcome',
      itemStyle: { color: RESULT_COLOURS[outcome] },
      data: bands.map((b) => b.outcomes[outcome] || 0),
      label: { show: true, formatter: (p) => (p.value ? p.value : '') },
    })),
  };
}

/** The deals of a band that closed, whatever the outcome. */
export function closedIn(band) {
  return OUTCOMES.reduce((sum, outcome) => sum + (band.outcomes[outcome] || 0), 0);
}

export function renderCoverage(coverage) {
  // "no roles required" is shown only when some deal closed in such a stage
  const bands = coverage.outcomesByCoverage.filter((b) => b.band !== 'n/a' || closedIn(b) > 0);
  if (bands.every((b) => closedIn(b) === 0)) {
    show('chart-coverage', null, 'No deal has closed yet. Win rates by committee coverage appear after the first close.');
    return;
  }
  show('chart-coverage', outcomesByBandOption(bands, 'Closed deals'));
}
