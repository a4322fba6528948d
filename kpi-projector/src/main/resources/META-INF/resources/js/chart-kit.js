// One ECharts instance per chart container, created on first use, and the empty state that replaces a chart
// while it has nothing to show (a chart of zero bars reads as broken).

/* global echarts -- the UMD build from the webjar, loaded by index.html before the modules */

import { SERIES_COLOURS } from './format.js';

const charts = new Map();

function chartOf(id) {
  let chart = charts.get(id);
  if (!chart) {
    chart = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    charts.set(id, chart);
  }
  return chart;
}

/**
 * Shows `option` in the chart container `id`, or, when `option` is null, the card's empty-state text instead
 * (the container keeps its size, so the chart comes back at the right size once there is data).
 */
export function show(id, option, emptyText) {
  const container = document.getElementById(id);
  const empty = container.parentElement.querySelector(`.empty[data-for="${id}"]`);
  const chart = chartOf(id);
  if (option == null) {
    chart.clear();
    container.classList.add('is-empty');
    empty.textContent = emptyText;
    empty.hidden = false;
    return;
  }
  container.classList.remove('is-empty');
  empty.hidden = true;
  // a lone category would otherwise get one bar as wide as the chart
  const series = option.series.map((s) => (s.type === 'bar' ? { barMaxWidth: 44, ...s } : s));
  // notMerge: a report can lose a stage or a category, whose bars must go, not linger from the last option
  chart.setOption({
    color: SERIES_COLOURS, textStyle: { fontFamily: 'inherit' }, ...option, series,
  }, { notMerge: true });
}

export function resizeAll() {
  charts.forEach((chart) => chart.resize());
}

/** The common parts of a bar chart with a category axis: tooltip, legend above, room for long labels. */
export function barBase() {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 12, right: 24, top: 48, bottom: 8, containLabel: true },
  };
}

/**
 * A category axis whose long labels wrap instead of being hidden. `notes` (one per category, optional) adds a bold
 * second line under a label, e.g. a stage's conversion rate: read where the stage is named, instead of on a second
 * axis, and not joined by a line that would suggest a trend between categories.
 */
export function categoryAxis(labels, { horizontal = false, notes = null } = {}) {
  const axisLabel = notes
    ? {
      // both lines styled as rich text: ECharts lays a plain first line and a rich second one side by side
      interval: 0,
      formatter: (value, index) => `{name|${value}}${notes[index] ? `\n{note|${notes[index]}}` : ''}`,
      rich: {
        name: { align: 'center', lineHeight: 16 },
        note: { align: 'center', fontWeight: 'bold', color: '#1f2933', lineHeight: 18 },
      },
    }
    : { interval: 0, width: horizontal ? 140 : 120, overflow: 'break' };
  return {
    type: 'category',
    data: labels,
    inverse: horizontal, // the first (largest) entry on top
    axisTick: { alignWithLabel: true },
    axisLabel,
  };
}

/** A value axis; on a horizontal chart its name goes under the axis, where it has room. */
export function valueAxis(name, { horizontal = false, ...extra } = {}) {
  const placement = horizontal ? { nameLocation: 'middle', nameGap: 28 } : { nameTextStyle: { align: 'left' } };
  return { type: 'value', name, minInterval: 1, ...placement, ...extra };
}
