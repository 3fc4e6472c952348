// The dashboard (GET /api/dashboard): tier distribution, Pareto curve, RFM grid, lifecycle funnel, churn warnings.

import { h, replace, card, table } from '../dom.js';
import { api } from '../api.js';
import { t, term, num, money, pct } from '../i18n.js';
import { chart, errorView, loading, link, tierColour, notice } from '../ui.js';

const STAGES = ['potential', 'new', 'growing', 'mature', 'declining', 'dormant', 'lost'];

// The dashboard's parts, read leniently: a list of objects or a map of name → number.
function list(value) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    if (Array.isArray(value.items)) return value.items;
    if (Array.isArray(value.cells)) return value.cells;
    if (Array.isArray(value.points)) return value.points;
    return Object.entries(value).map(([name, v]) => (typeof v === 'object' && v !== null ? { name, ...v } : { name, customers: v }));
  }
  return [];
}
const pick = (o, ...names) => { for (const n of names) if (o && o[n] !== undefined && o[n] !== null) return o[n]; return undefined; };

export async function render(main, { stale }) {
  replace(main, loading());
  let d;
  try {
    d = await api.get('/api/dashboard');
  } catch (err) {
    if (!stale()) replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.dashboard'))), errorView(err));
    return;
  }
  if (stale()) return;

  const tiers = list(pick(d, 'tiers', 'tier_distribution', 'tier_mix')).map(x => ({
    tier: pick(x, 'tier', 'class', 'name'), customers: pick(x, 'customers', 'count') ?? 0,
    revenue: pick(x, 'revenue'), share: pick(x, 'revenue_share'),
  }));
  const pareto = list(pick(d, 'pareto', 'pareto_curve')).map(p => Array.isArray(p) ? p : [pick(p, 'customer_share', 'x'), pick(p, 'revenue_share', 'y')]);
  const rfm = list(pick(d, 'rfm', 'rfm_grid')).map(c => ({ r: pick(c, 'r', 'recency'), f: pick(c, 'f', 'frequency'), n: pick(c, 'customers', 'count') ?? 0, m: pick(c, 'mean_m', 'mean_monetary', 'mean_amount', 'm') }));
  const funnel = list(pick(d, 'lifecycle', 'lifecycle_funnel', 'funnel')).map(s => ({ stage: pick(s, 'stage', 'class', 'name'), customers: pick(s, 'customers', 'count') ?? 0 }));
  const order = s => { const i = STAGES.indexOf(s); return i < 0 ? STAGES.length : i; };
  funnel.sort((a, b) => order(a.stage) - order(b.stage));
  const churn = list(pick(d, 'churn', 'churn_warnings', 'warnings'));
  const runRef = pick(d, 'classification_run', 'run');
  const run = runRef && typeof runRef === 'object' ? runRef.id : runRef;
  const asOf = (runRef && typeof runRef === 'object' ? runRef.as_of : null) ?? pick(d, 'as_of');

  const totalCustomers = pick(d, 'customers') ?? tiers.reduce((s, x) => s + x.customers, 0);
  const totalRevenue = pick(d, 'revenue') ?? tiers.reduce((s, x) => s + (x.revenue || 0), 0);
  const top = tiers.find(x => String(x.tier).toUpperCase() === 'A');
  const atRisk = churn.reduce((s, c) => s + (pick(c, 'value_at_risk') || 0), 0);

  const kpis = h('div', { class: 'kpis' },
    kpi(t('dash.customers'), num(totalCustomers)),
    kpi(t('dash.revenue'), money(totalRevenue)),
    kpi(t('dash.tier_a_share'), top && totalRevenue ? pct(top.revenue / totalRevenue) : '—', top ? t('dash.tier_a_count', { n: num(top.customers) }) : null),
    kpi(t('dash.at_risk'), money(atRisk), t('dash.warnings', { n: num(churn.length) })));

  const tierChart = tiers.length ? chart({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'],
      label: { formatter: '{b}\n{d}%' },
      data: tiers.map(x => ({ name: term('tier', x.tier), value: x.customers, itemStyle: { color: tierColour(x.tier) } })),
    }],
  }, { label: t('dash.tiers') }) : empty();

  const paretoChart = pareto.length ? chart({
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: v => pct(v) },
    xAxis: { type: 'value', min: 0, max: 1, name: t('dash.customer_share'), nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
    series: [
      { type: 'line', name: t('dash.revenue_share'), showSymbol: false, data: pareto, areaStyle: { opacity: 0.12 }, lineStyle: { width: 2 }, color: '#0f766e' },
      { type: 'line', name: t('dash.even'), showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { type: 'dashed', width: 1 }, color: '#94a3b8' },
    ],
  }, { label: t('dash.pareto') }) : empty();

  const rs = [1, 2, 3, 4, 5];
  const maxN = Math.max(1, ...rfm.map(c => c.n));
  const rfmChart = rfm.length ? chart({
    grid: { left: 56, right: 72, top: 16, bottom: 44 },
    tooltip: { formatter: p => `R${p.data[0] + 1} F${p.data[1] + 1}: ${num(p.data[2])} · ${t('dash.mean_m')} ${money(p.data[3])}` },
    xAxis: { type: 'category', data: rs.map(r => 'R' + r), name: t('dash.recency'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
    yAxis: { type: 'category', data: rs.map(f => 'F' + f), name: t('dash.frequency'), nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
    visualMap: { dimension: 2, min: 0, max: maxN, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 140, itemWidth: 12, inRange: { color: ['#f0fdfa', '#5eead4', '#0f766e'] } },
    series: [{ type: 'heatmap', data: rfm.map(c => [c.r - 1, c.f - 1, c.n, c.m]), label: { show: true, formatter: p => num(p.data[2]) } }],
  }, { label: t('dash.rfm') }) : empty();

  const funnelChart = funnel.length ? chart({
    tooltip: { trigger: 'item', formatter: p => `${p.name}: ${num(p.value)}` },
    grid: { left: 90, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: funnel.map(s => term('stage', s.stage)) },
    series: [{ type: 'bar', data: funnel.map(s => s.customers), barWidth: '60%', color: '#2563eb', label: { show: true, position: 'right', formatter: p => num(p.value) } }],
  }, { label: t('dash.lifecycle') }) : empty();

  const churnTable = table([
    { label: t('col.customer'), cell: c => { const k = pick(c, 'customer', 'customer_key', 'key'); return link('/customers/' + k, pick(c, 'name') ?? k); } },
    { label: t('col.p_alive'), num: true, cell: c => pct(pick(c, 'p_alive', 'probability_alive')) },
    { label: t('col.historic_value'), num: true, cell: c => money(pick(c, 'historic_value')) },
    { label: t('value.clv'), num: true, cell: c => money(pick(c, 'clv')) },
    { label: t('col.value_at_risk'), num: true, cell: c => money(pick(c, 'value_at_risk')) },
  ], churn.slice(0, 10), { empty: t('dash.no_warnings') });

  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, t('nav.dashboard')),
      run ? h('span', { class: 'muted' }, t('dash.from_run', { run }), asOf ? ' · ' + t('dash.as_of', { date: asOf }) : '') : null),
    run ? null : notice('info', t('dash.no_run')),
    kpis,
    h('div', { class: 'cards two' }, card(t('dash.tiers'), tierChart), card(t('dash.pareto'), paretoChart)),
    h('div', { class: 'cards two' }, card(t('dash.rfm'), rfmChart), card(t('dash.lifecycle'), funnelChart)),
    card(t('dash.churn'), churnTable));
}

function kpi(label, value, sub) {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
}

function empty() { return h('p', { class: 'muted empty-chart' }, t('common.no_data')); }
