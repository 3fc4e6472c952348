// Customers: search and filters (kept in the address, so a filtered list can be bookmarked) and paging.

import { h, replace, table } from '../dom.js';
import { api, query, items } from '../api.js';
import { t, term, when } from '../i18n.js';
import { errorView, loading, link, pager, field, isManager } from '../ui.js';

const FILTERS = ['q', 'tier', 'segment', 'stage', 'region', 'industry', 'owner'];
const PAGE_SIZE = 50;

export async function render(main, { user, query: hashQuery, navigate, stale }) {
  const values = Object.fromEntries(FILTERS.map(f => [f, hashQuery.get(f) || '']));
  const page = Math.max(1, parseInt(hashQuery.get('page') || '1', 10) || 1);

  const inputs = {};
  const lists = h('div', { hidden: true });
  for (const f of FILTERS) {
    if (f === 'owner' && !isManager(user)) continue;
    inputs[f] = h('input', { name: f, id: 'filter-' + f, value: values[f], type: f === 'q' ? 'search' : 'text', list: f === 'q' ? null : 'options-' + f, placeholder: t('filter.' + f + '_placeholder') });
    if (f !== 'q') lists.append(h('datalist', { id: 'options-' + f }));
  }
  const go = p => navigate('/customers', { ...Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()])), page: p > 1 ? p : '' });
  const form = h('form', { class: 'filters', on: { submit: e => { e.preventDefault(); go(1); } } },
    h('div', { class: 'filter-search' }, field(t('filter.q'), inputs.q)),
    Object.entries(inputs).filter(([k]) => k !== 'q').map(([k, el]) => field(t('filter.' + k), el)),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn primary', id: 'filter-apply' }, t('filter.apply')),
      h('button', { type: 'button', class: 'btn ghost', on: { click: () => navigate('/customers') } }, t('filter.clear'))),
    lists);

  const results = h('div', { class: 'results' }, loading());
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.customers'))), h('section', { class: 'card' }, form), h('section', { class: 'card' }, results));
  fillOptions(lists, user);

  let answer;
  try {
    answer = await api.get('/api/customers' + query({ ...values, page, page_size: PAGE_SIZE }));
  } catch (err) {
    if (!stale()) replace(results, errorView(err));
    return;
  }
  if (stale()) return;
  const rows = items(answer);
  replace(results,
    table([
      { label: t('col.key'), cell: c => link('/customers/' + c.key, c.key), class: 'mono' },
      { label: t('col.name'), cell: c => h('span', { class: 'customer-name' }, c.name, c.key_account ? h('span', { class: 'badge key', title: t('customer.key_account') }, t('customer.ka')) : null) },
      { label: t('col.type'), cell: c => term('type', c.type) },
      { label: t('col.industry'), cell: c => c.industry ?? '—' },
      { label: t('col.region'), cell: c => c.region ?? '—' },
      { label: t('col.city'), cell: c => c.city ?? '—' },
      { label: t('col.owner'), cell: c => c.owner ? link('/reps/' + c.owner, c.owner) : h('span', { class: 'muted' }, t('customer.no_owner')) },
      { label: t('col.owner_since'), cell: c => when(c.owner_since) },
      { label: t('col.status'), cell: c => h('span', { class: ['status', 'status-' + c.status] }, term('status', c.status)) },
    ], rows, { empty: t('customers.none') }),
    pager(answer, go));
}

// Suggestions for the filters: tiers, segments and stages of the latest run; owners from the reps in scope.
async function fillOptions(lists, user) {
  const set = (id, values) => {
    const dl = lists.querySelector('#options-' + id);
    if (dl) dl.replaceChildren(...[...new Set(values)].filter(Boolean).map(v => h('option', { value: v })));
  };
  try {
    const runs = items(await api.get('/api/classification/runs'));
    if (runs.length) {
      const id = runs[0].id ?? runs[0].run;
      const summary = await api.get(`/api/classification/runs/${id}`);
      const classifiers = summary.classifiers ?? [];
      const classes = name => (classifiers.find(c => c.name === name)?.classes ?? []).map(c => c.class);
      const tierFrom = summary.tier_from ?? classifiers[0]?.name;
      set('tier', classes(tierFrom));
      set('segment', classifiers.filter(c => c.name !== tierFrom && c.name !== 'lifecycle').flatMap(c => c.classes.map(k => k.class)));
      set('stage', classes('lifecycle'));
    }
  } catch { /* suggestions only */ }
  if (isManager(user)) {
    try { set('owner', items(await api.get('/api/reps')).map(r => r.key ?? r.rep)); } catch { /* suggestions only */ }
  }
}
