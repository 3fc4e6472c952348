// The public pool (公海): the pool customers this user may claim or assign. Contact details stay hidden from a
// rep until it claims; a rep claims for itself, a pool manager assigns to a rep. Every refusal says why.

import { h, replace, card, table } from '../dom.js';
import { api, query, items } from '../api.js';
import { t, num } from '../i18n.js';
import { errorView, loading, link, pager, tierBadge, notice, isManager } from '../ui.js';

const PAGE_SIZE = 50;

export async function render(main, { user, query: hashQuery, navigate, stale }) {
  const page = Math.max(1, parseInt(hashQuery.get('page') || '1', 10) || 1);
  const status = h('div', { id: 'pool-result' });
  const results = h('div', null, loading());
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.pool'))),
    card(t('pool.title'), h('p', { class: 'muted' }, t(isManager(user) ? 'pool.lead_manager' : 'pool.lead_rep')), status, results));

  const go = p => navigate('/pool' + query({ page: p }));
  let answer;
  try {
    answer = await api.get('/api/pool' + query({ page, page_size: PAGE_SIZE }));
  } catch (err) {
    if (!stale()) replace(results, errorView(err));
    return;
  }
  if (stale()) return;

  const claim = async (row, button, rep) => {
    button.disabled = true;
    try {
      const r = await api.post(`/api/pool/${encodeURIComponent(row.key)}/claim`, rep ? { rep } : {});
      status.replaceChildren(notice('ok', r.message ?? t('pool.claimed', { customer: row.key })));
      button.closest('tr')?.classList.add('done');
      button.replaceWith(h('span', { class: 'badge ok' }, t('pool.done')));
    } catch (err) {
      status.replaceChildren(errorView(err));
      button.disabled = false;
    }
  };
  const action = row => {
    if (isManager(user)) {
      const rep = h('input', { type: 'text', placeholder: t('pool.rep_placeholder'), class: 'narrow', 'aria-label': t('col.rep') });
      const button = h('button', { class: 'btn small', on: { click: () => rep.value.trim() && claim(row, button, rep.value.trim()) } }, t('pool.assign'));
      return h('span', { class: 'inline' }, rep, ' ', button);
    }
    const button = h('button', { class: 'btn small primary', on: { click: () => claim(row, button, null) } }, t('pool.claim'));
    return button;
  };

  replace(results,
    table([
      { label: t('col.key'), cell: c => c.masked ? c.key : link('/customers/' + c.key, c.key), class: 'mono' },
      { label: t('col.name'), cell: c => h('span', { class: 'customer-name' }, c.name) },
      { label: t('filter.tier'), cell: c => tierBadge(c.tier) },
      { label: t('col.region'), cell: c => c.region ?? '—' },
      { label: t('col.industry'), cell: c => c.industry ?? '—' },
      { label: t('pool.pool'), cell: c => c.pool },
      { label: t('pool.days'), num: true, cell: c => c.days == null ? '—' : num(c.days) },
      { label: t('customer.phone'), cell: c => c.masked ? h('span', { class: 'muted' }, t('pool.hidden')) : (c.phone ?? '—') },
      { label: '', cell: action },
    ], items(answer), { empty: t('pool.none') }),
    pager(answer, go));
}
