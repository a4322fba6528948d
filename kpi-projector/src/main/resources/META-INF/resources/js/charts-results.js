// The charts of what touchpoints and content earn and how deals end: contribution under an attribution model,
// outcomes by momentum, cycle length, decision reasons, sales content.

import {
  barBase, categoryAxis, show, valueAxis,
} from './chart-kit.js';
import { closedIn, outcomesByBandOption } from './charts-pipeline.js';
import { label, percent, RESULT_COLOURS } from './format.js';

/** The most values a contribution chart lists; the rest would be unreadable slivers. */
const TOP = 10;

const NONE = '(none)';

/** Campaign and content names are the teams' own words and stay as they are; sources and channels get labels. */
function creditName(dimension, value) {
  if (value === NONE) {
    return `No ${dimension}`;
  }
  return dimension === 'campaign' || dimension === 'content' ? value : label(value);
}

function creditOption(credits, dimension) {
  const rows = credits.slice(0, TOP);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[params[0].dataIndex];
        return `${creditName(dimension, row.value)}: ${row.credit} conversions' worth of credit (${percent(row.share)} of all)`;
      },
    },
    grid: { left: 12, right: 56, top: 16, bottom: 28, containLabel: true },
    yAxis: categoryAxis(rows.map((c) => creditName(dimension, c.value)), { horizontal: true }),
    xAxis: valueAxis('Conversions credited', { horizontal: true, minInterval: 0 }),
    series: [{
      name: 'Credit',
      type: 'bar',
      data: rows.map((c) => c.credit),
      label: { show: true, position: 'right', formatter: (p) => percent(rows[p.dataIndex].share) },
    }],
  };
}

export function renderContribution(contribution, detailDimension) {
  const bySource = contribution.byDimension.source || [];
  const detail = contribution.byDimension[detailDimension] || [];
  const nothing = 'No stage advance or won deal has followed a touchpoint yet, so there is no credit to share.';
  show('chart-contribution-source', bySource.length ? creditOption(bySource, 'source') : null, nothing);
  show('chart-contribution-detail', detail.length ? creditOption(detail, detailDimension) : null, nothing);
}

export function renderOutcomesByMomentum(outcomes) {
  const bands = outcomes.byMomentum;
  if (bands.every((b) => closedIn(b) === 0)) {
    show('chart-outcomes-momentum', null, 'No deal has closed yet.');
    return;
  }
  show('chart-outcomes-momentum', outcomesByBandOption(bands, 'Closed deals'));
}

export function renderCycle(outcomes) {
  const closes = ['won', 'lost', 'no_decision'].filter((o) => outcomes.cycle[o] && outcomes.cycle[o].closed > 0);
  if (closes.length === 0) {
    show('chart-cycle', null, 'No deal has closed yet, so there is no sales cycle to measure.');
    return;
  }
  show('chart-cycle', {
    ...barBase(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? '—' : `${v} days`) },
    xAxis: categoryAxis(closes.map((o) => `${label(o)} (${outcomes.cycle[o].closed})`)),
    yAxis: valueAxis('Days'),
    series: [
      {
        name: 'Typical cycle (median)',
        type: 'bar',
        data: closes.map((o) => ({ value: outcomes.cycle[o].medianDays, itemStyle: { color: RESULT_COLOURS[o] } })),
        label: { show: true, position: 'top' },
      },
      {
        name: 'Slowest quarter took at least (75th percentile)',
        type: 'bar',
        data: closes.map((o) => outcomes.cycle[o].p75Days),
        itemStyle: { color: '#c5ccd3' },
        label: { show: true, position: 'top' },
      },
    ],
  });
}

export function renderReasons(reasons) {
  const rows = reasons.reasons.slice(0, TOP);
  if (rows.length === 0) {
    show('chart-reasons', null, 'No won or lost deal has recorded a reason yet.');
    return;
  }
  show('chart-reasons', {
    ...barBase(),
    grid: { left: 12, right: 32, top: 48, bottom: 28, containLabel: true },
    yAxis: categoryAxis(rows.map((r) => label(r.reason)), { horizontal: true }),
    xAxis: valueAxis('Times given', { horizontal: true }),
    series: [
      { name: label('buyer'), type: 'bar', data: rows.map((r) => r.buyer), itemStyle: { color: '#3f8fd2' }, label: { show: true, position: 'right', formatter: (p) => (p.value ? p.value : '') } },
      { name: label('seller'), type: 'bar', data: rows.map((r) => r.seller), itemStyle: { color: '#f2a93b' }, label: { show: true, position: 'right', formatter: (p) => (p.value ? p.value : '') } },
    ],
  });
}

export function renderEnablement(enablement) {
  const rows = enablement.slice(0, TOP);
  if (rows.length === 0) {
    show('chart-enablement', null, 'Sellers have not shared any content in their meetings or messages yet.');
    return;
  }
  const bars = (name, field, colour) => ({
    name, type: 'bar', data: rows.map((c) => c[field]), itemStyle: { color: colour },
    label: { show: true, position: 'right', formatter: (p) => (p.value ? p.value : '') },
  });
  show('chart-enablement', {
    ...barBase(),
    grid: { left: 12, right: 32, top: 48, bottom: 28, containLabel: true },
    yAxis: categoryAxis(rows.map((c) => c.content), { horizontal: true }),
    xAxis: valueAxis('Accounts, or times used', { horizontal: true }),
    series: [
      bars('Times used', 'uses', '#9aa5b1'),
      bars('Accounts', 'accounts', '#3f8fd2'),
      bars('Moved on within 30 days', 'advancedAfter', '#8e6cc8'),
      bars('Won', 'wonAfter', RESULT_COLOURS.won),
    ],
  });
}
