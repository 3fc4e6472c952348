// One customer: profile, contacts, classification and why, value figures, orders, owner history, and the latest
// allocation's reason. A customer outside the user's scope answers 404 like one that does not exist.

import { h, replace, card, table } from '../dom.js';
import { api, items } from '../api.js';
import { t, term, num, money, pct, when } from '../i18n.js';
import { errorView, loading, link, tierBadge, facts, notice } from '../ui.js';

export async function render(main, { params, stale }) {
  const key = params[0];
  replace(main, loading());
  let d;
  try {
    d = await api.get('/api/customers/' + encodeURIComponent(key));
  } catch (err) {
    if (!stale()) replace(main, h('div', { class: 'page-head' }, h('h1', null, key)), errorView(err));
    return;
  }
  if (stale()) return;
  const c = d.customer;
  const cls = d.classification;
  const orders = d.orders ?? [];
  const revenue = orders.reduce((s, o) => s + (o.amount || 0), 0);
  const profit = orders.reduce((s, o) => s + (o.profit || 0), 0);

  const head = h('div', { class: 'page-head' },
    h('div', null,
      h('div', { class: 'crumbs' }, link('/customers', t('nav.customers')), ' / ', h('span', { class: 'mono' }, c.key)),
      h('h1', { id: 'customer-name' }, c.name)),
    h('div', { class: 'head-badges' },
      cls ? tierBadge(cls.tier) : null,
      cls?.segment ? h('span', { class: 'badge soft' }, term('segment', cls.segment)) : null,
      cls?.lifecycle_stage ? h('span', { class: 'badge soft' }, term('stage', cls.lifecycle_stage)) : null,
      c.key_account ? h('span', { class: 'badge key' }, t('customer.key_account')) : null,
      h('span', { class: ['status', 'status-' + c.status] }, term('status', c.status))));

  const profile = card(t('customer.profile'), facts([
    [t('col.key'), h('span', { class: 'mono' }, c.key)],
    [t('col.type'), term('type', c.type)],
    [t('col.industry'), c.industry],
    [t('col.region'), c.region],
    [t('col.city'), c.city],
    [t('customer.address'), c.address],
    [t('customer.phone'), c.phone],
    [t('customer.email'), c.email],
    [t('customer.channel'), c.channel],
    [t('customer.created'), when(c.created_date)],
    [t('col.owner'), c.owner_rep_key ? link('/reps/' + c.owner_rep_key, c.owner_rep_key) : t('customer.no_owner')],
    [t('col.owner_since'), when(c.owner_since)],
    (c.tags ?? []).length ? [t('customer.tags'), (c.tags).map(x => h('span', { class: 'chip' }, x))] : null,
  ]));

  const contacts = card(t('customer.contacts'), table([
    { label: t('col.name'), cell: x => x.name },
    { label: t('customer.role'), cell: x => x.role ?? '—' },
    { label: t('customer.phone'), cell: x => x.phone ?? '—' },
    { label: t('customer.email'), cell: x => x.email ?? '—' },
  ], c.contacts ?? [], { empty: t('customer.no_contacts') }));

  const v = d.value;
  const value = card(t('customer.value'), v ? facts([
    [t('value.historic'), money(v.historic_value)],
    [t('value.p_alive'), pct(v.probability_alive)],
    [t('value.expected_purchases'), num(v.expected_purchases, 2)],
    [t('value.expected_spend'), money(v.expected_spend)],
    [t('value.clv'), money(v.clv)],
    [t('value.churn'), v.churn_warning ? h('span', { class: 'badge warn' }, t('value.churn_yes')) : t('value.churn_no')],
    v.value_at_risk != null ? [t('col.value_at_risk'), money(v.value_at_risk)] : null,
    [t('value.run'), d.value_run ?? '—'],
  ]) : h('p', { class: 'muted' }, t('customer.no_value')));

  const why = card(t('customer.why'), cls ? [
    h('p', { class: 'muted' }, t('customer.why_lead', { run: d.classification_run })),
    h('div', { class: 'explain', id: 'explanation' }, (cls.classes ?? []).map(k => h('div', { class: 'explain-row' },
      h('div', { class: 'explain-head' }, h('span', { class: 'explain-classifier' }, term('classifier', k.classifier)),
        k.classifier && /abc|tier/i.test(k.classifier) ? tierBadge(k.class) : h('span', { class: 'badge soft' }, term('class', k.class))),
      h('p', { class: 'explain-reason' }, k.reason),
      numbers(k.numbers)))),
    d.indicators && Object.keys(d.indicators).length > 0
      ? h('div', { class: 'indicators', id: 'indicators' }, h('p', { class: 'muted' }, t('customer.indicators_lead', { date: d.indicators_as_of })), numbers(d.indicators))
      : null,
  ] : h('p', { class: 'muted' }, t('customer.no_classification')));

  const orderTable = card(t('customer.orders') + ` (${num(orders.length)})`,
    h('div', { class: 'summary-line' }, t('customer.orders_total', { revenue: money(revenue), profit: money(profit) })),
    table([
      { label: t('col.date'), cell: o => when(o.date) },
      { label: t('col.order'), cell: o => o.key, class: 'mono' },
      { label: t('col.category'), cell: o => o.category ?? '—' },
      { label: t('customer.channel'), cell: o => o.channel ?? '—' },
      { label: t('col.amount'), num: true, cell: o => money(o.amount) },
      { label: t('col.profit'), num: true, cell: o => money(o.profit) },
    ], [...orders].sort((a, b) => String(b.date).localeCompare(String(a.date))).slice(0, 100), { empty: t('customer.no_orders') }),
    orders.length > 100 ? h('p', { class: 'muted' }, t('customer.orders_more', { n: num(orders.length - 100) })) : null);

  const history = card(t('customer.history'), table([
    { label: t('col.when'), cell: x => when(x.at) },
    { label: t('history.from'), cell: x => x.from_rep_key ?? '—' },
    { label: t('history.to'), cell: x => x.to_rep_key ?? '—' },
    { label: t('history.by'), cell: x => x.by ?? '—' },
    { label: t('history.reason'), cell: x => x.reason ?? '—', class: 'wrap' },
    { label: t('history.run'), cell: x => x.run_id ? link('/allocation/' + x.run_id, '#' + x.run_id) : '—' },
  ], [...(d.owner_history ?? [])].reverse(), { empty: t('customer.no_history') }));

  const allocation = h('div');
  const interactions = h('div');
  replace(main, head,
    h('div', { class: 'cards two' }, profile, h('div', { class: 'stack' }, value, contacts)),
    why, allocation, orderTable, interactions, history);
  allocationReason(allocation, c.key, stale);
  interactionList(interactions, c.key, stale);
}

// The follow-up records (跟进记录), newest first: the latest 50.
async function interactionList(box, key, stale) {
  try {
    const answer = await api.get(`/api/customers/${encodeURIComponent(key)}/interactions?page_size=50`);
    if (stale()) return;
    box.replaceChildren(card(t('customer.interactions'), table([
      { label: t('col.date'), cell: x => when(x.date) },
      { label: t('customer.interaction_kind'), cell: x => term('interaction', x.kind) },
      { label: t('col.rep'), cell: x => x.rep_key ?? '—' },
      { label: t('customer.interaction_outcome'), cell: x => x.outcome ?? '—', class: 'wrap' },
      { label: t('customer.interaction_note'), cell: x => x.note ?? '—', class: 'wrap' },
    ], items(answer), { empty: t('customer.no_interactions') }), answer.has_more ? h('p', { class: 'muted' }, t('customer.interactions_more')) : null));
  } catch (err) {
    if (!stale()) box.replaceChildren(card(t('customer.interactions'), errorView(err)));
  }
}

function numbers(n) {
  if (!n || typeof n !== 'object') return null;
  const entries = Object.entries(n);
  if (!entries.length) return null;
  return h('div', { class: 'numbers' }, entries.map(([k, x]) =>
    h('span', { class: 'number' }, h('span', { class: 'number-key' }, term('number', k)), ' ',
      h('span', { class: 'number-value' }, typeof x === 'number' ? (Number.isInteger(x) ? num(x) : (Math.abs(x) < 1 ? num(x, 4) : num(x, 2))) : x ?? '—'))));
}

// The latest allocation run's reason for this customer, when there is one (and the endpoint exists).
async function allocationReason(box, key, stale) {
  try {
    const runs = items(await api.get('/api/allocation/runs'));
    if (!runs.length || stale()) return;
    const id = runs[0].id ?? runs[0].run;
    const why = await api.get(`/api/allocation/runs/${id}/customers/${encodeURIComponent(key)}`);
    if (stale()) return;
    const d = { ...why, ...(why.details ?? {}) };
    box.replaceChildren(card(t('customer.allocation', { run: id }),
      h('p', { class: 'explain-reason', id: 'allocation-reason' }, why.reason ?? '—'),
      facts([
        [t('alloc.current'), why.current ?? '—'],
        [t('alloc.proposed'), why.proposed ?? '—'],
        [t('alloc.fit'), num(why.fit, 1)],
        [t('alloc.runner_up'), d.runner_up ? `${d.runner_up} (${num(d.runner_up_fit, 1)})` : '—'],
        [t('alloc.margin'), d.margin != null ? num(d.margin, 1) : '—'],
        [t('alloc.binding'), d.binding ?? '—'],
      ]),
      d.components ? numbers(d.components) : null));
  } catch (err) {
    if (!stale() && err.notAvailable) box.replaceChildren(card(t('customer.allocation_plain'), notice('warn', t('error.not_available'))));
  }
}
