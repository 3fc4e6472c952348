// Reps in scope (a rep: itself): books, workload against capacity, tier mix; and one rep's book.

import { h, replace, card, table } from '../dom.js';
import { api, items } from '../api.js';
import { t, term, num, money, pct } from '../i18n.js';
import { errorView, loading, link, chart, tierBadge, tierColour, tierClass, facts } from '../ui.js';

const repKey = r => r.key ?? r.rep;

export async function render(main, ctx) {
  return ctx.view === 'rep' ? renderRep(main, ctx) : renderList(main, ctx);
}

// Tier mix as {tier: count}, from a map or a list of {tier, customers}.
function mix(r) {
  const m = r.tier_mix ?? r.tiers ?? {};
  if (Array.isArray(m)) return Object.fromEntries(m.map(x => [x.tier ?? x.class ?? x.name, x.customers ?? x.count ?? 0]));
  return m;
}

function mixBar(m) {
  const total = Object.values(m).reduce((s, v) => s + (v || 0), 0);
  if (!total) return h('span', { class: 'muted' }, '—');
  return h('div', { class: 'mixbar', title: Object.entries(m).map(([k, v]) => `${term('tier', k)}: ${v}`).join(' · ') },
    Object.entries(m).filter(([, v]) => v > 0).map(([k, v]) => {
      const seg = h('span', { class: ['mixbar-seg', tierClass(k)] }, v / total > 0.12 ? String(v) : '');
      seg.style.width = (100 * v / total) + '%';
      return seg;
    }));
}

// load: customers over capacity (1 = full); null without a capacity.
function loadBar(r) {
  const share = r.load ?? (r.capacity ? r.customers / r.capacity : null);
  if (share === null || share === undefined) return h('span', { class: 'muted' }, '—');
  const fill = h('span', { class: ['loadbar-fill', share > 1 ? 'over' : share > 0.9 ? 'near' : null] });
  fill.style.width = Math.min(100, share * 100) + '%';
  return h('div', { class: 'loadcell' }, h('div', { class: 'loadbar' }, fill), h('span', { class: 'loadbar-text' }, pct(share, 0)));
}

async function renderList(main, { stale }) {
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.reps'))), loading());
  let reps;
  try {
    reps = items(await api.get('/api/reps'));
  } catch (err) {
    if (!stale()) replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.reps'))), errorView(err));
    return;
  }
  if (stale()) return;
  const tiers = [...new Set(reps.flatMap(r => Object.keys(mix(r))))];
  const stacked = reps.length ? chart({
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: reps.map(repKey), axisLabel: { rotate: reps.length > 12 ? 45 : 0 } },
    yAxis: { type: 'value' },
    series: [
      ...tiers.map(tier => ({ type: 'bar', stack: 'mix', name: term('tier', tier), color: tierColour(tier), data: reps.map(r => mix(r)[tier] ?? 0) })),
      { type: 'scatter', name: t('rep.capacity'), data: reps.map(r => r.capacity), color: '#d97706', symbol: 'rect', symbolSize: [28, 3], z: 5 },
    ],
  }, { height: 280 }) : null;
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.reps'))),
    stacked ? card(t('rep.books'), stacked) : null,
    card(t('rep.list'), table([
      { label: t('col.rep'), cell: r => link('/reps/' + repKey(r), repKey(r)) },
      { label: t('col.name'), cell: r => r.name ?? '—' },
      { label: t('rep.team'), cell: r => r.team ?? '—' },
      { label: t('rep.level'), cell: r => r.level ? term('level', r.level) : '—' },
      { label: t('col.customers'), num: true, cell: r => num(r.customers) },
      { label: t('rep.capacity'), num: true, cell: r => num(r.capacity) },
      { label: t('rep.utilisation'), cell: r => loadBar(r) },
      { label: t('customer.value'), num: true, cell: r => money(r.value) },
      { label: t('rep.tier_mix'), cell: r => mixBar(mix(r)) },
    ], reps, { empty: t('common.none') })));
}

async function renderRep(main, { params, stale }) {
  const key = params[0];
  const title = h('div', { class: 'page-head' }, h('div', null, h('div', { class: 'crumbs' }, link('/reps', t('nav.reps'))), h('h1', null, key)));
  replace(main, title, loading());
  let rep;
  try {
    rep = await api.get('/api/reps/' + encodeURIComponent(key));
  } catch (err) {
    if (!stale()) replace(main, title, errorView(err));
    return;
  }
  if (stale()) return;
  const info = rep.rep && typeof rep.rep === 'object' ? rep.rep : rep;
  const book = rep.book ?? rep.tiers ?? rep.by_tier ?? [];
  const customers = rep.customers_list ?? (Array.isArray(rep.customers) ? rep.customers : []);
  const tierRows = Array.isArray(book) ? book : Object.entries(book).map(([tier, v]) => ({ tier, ...(typeof v === 'object' ? v : { customers: v }) }));
  replace(main,
    h('div', { class: 'page-head' }, h('div', null, h('div', { class: 'crumbs' }, link('/reps', t('nav.reps'))), h('h1', null, info.name ? `${info.name} (${key})` : key))),
    h('div', { class: 'cards two' },
      card(t('rep.profile'), facts([
        [t('col.rep'), key],
        [t('rep.team'), info.team],
        [t('rep.level'), info.level ? term('level', info.level) : null],
        [t('col.region'), Array.isArray(info.regions) ? info.regions.join(', ') : info.region],
        [t('rep.capacity'), num(rep.capacity ?? info.capacity)],
        [t('rep.utilisation'), rep.load != null ? pct(rep.load, 0) : '—'],
        [t('col.customers'), num(rep.customers)],
        [t('customer.value'), money(rep.value)],
      ])),
      card(t('rep.tier_mix'), table([
        { label: t('class.tier'), cell: x => tierBadge(x.tier ?? x.class) },
        { label: t('col.customers'), num: true, cell: x => num(x.customers ?? x.count) },
        { label: t('customer.value'), num: true, cell: x => money(x.value ?? x.clv) },
        { label: t('rep.tier_cap'), num: true, cell: x => x.capacity != null ? num(x.capacity) : '—' },
      ], tierRows, { empty: t('common.none') }))),
    customers.length ? card(t('rep.customers'), table([
      { label: t('col.key'), cell: c => link('/customers/' + (c.key ?? c.customer), c.key ?? c.customer), class: 'mono' },
      { label: t('col.name'), cell: c => c.name ?? '—' },
      { label: t('class.tier'), cell: c => tierBadge(c.tier) },
      { label: t('col.revenue'), num: true, cell: c => money(c.revenue) },
      { label: t('value.clv'), num: true, cell: c => money(c.clv ?? c.value) },
    ], customers)) : card(t('rep.customers'), link('/customers?' + new URLSearchParams({ owner: key }).toString(), t('rep.open_customers'))));
}
