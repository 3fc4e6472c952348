// Pieces every page uses: messages, errors, tier badges, paging, charts.

import { h } from './dom.js';
import { t, term } from './i18n.js';
import { ApiError } from './api.js';

/** A message box: kind is info, ok, warn or error. */
export function notice(kind, ...content) {
  return h('div', { class: ['notice', kind], role: kind === 'error' ? 'alert' : 'status' }, content);
}

/** What to show for a failed request: "not available yet" for a missing endpoint, "not found" for 404, … */
export function errorView(err) {
  if (err instanceof ApiError) {
    if (err.notAvailable) return notice('warn', h('strong', null, t('error.not_available')), ' ', t('error.not_available_hint'));
    if (err.status === 404) return notice('error', h('strong', { class: 'not-found' }, t('error.not_found')), ' ', err.detail || '');
    if (err.status === 403) return notice('error', h('strong', null, t('error.forbidden')));
    if (err.status === 409) return notice('error', h('strong', null, t('error.conflict')), ' ', err.detail || '');
    if (err.status === 429) return notice('error', h('strong', null, t('error.too_many')), ' ', err.detail || '');
    if (err.status === 503) return notice('error', h('strong', null, t('error.unavailable')), ' ', err.detail || '');
    return notice('error', h('strong', null, err.title || t('error.failed')), ' ', err.detail || '');
  }
  console.error(err);
  return notice('error', h('strong', null, t('error.failed')), ' ', String(err && err.message || err));
}

/** A placeholder shown while loading. */
export function loading() {
  return h('p', { class: 'loading' }, t('common.loading'));
}

const TIER_CLASSES = { A: 'tier-a', B: 'tier-b', C: 'tier-c', D: 'tier-d' };

/** The CSS class for a tier (A, B, C, D; "no sales" and others grey). */
export function tierClass(tier) {
  if (!tier) return 'tier-none';
  return TIER_CLASSES[String(tier).toUpperCase()] ?? 'tier-none';
}

/** A tier as a coloured badge. */
export function tierBadge(tier) {
  if (tier === null || tier === undefined || tier === '') return '—';
  return h('span', { class: ['badge', tierClass(tier)] }, term('tier', tier));
}

/** Colours of the tiers in charts, in step with app.css. */
export const TIER_COLOURS = { A: '#0f766e', B: '#2563eb', C: '#d97706', D: '#b91c1c' };
export function tierColour(tier) { return TIER_COLOURS[String(tier).toUpperCase()] ?? '#94a3b8'; }

/** Previous/next paging for a paged answer ({page, has_more}). */
export function pager(answer, go) {
  const page = answer.page ?? 1;
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'btn', disabled: page <= 1, on: { click: () => go(page - 1) } }, t('common.previous')),
    h('span', { class: 'page-no' }, t('common.page', { page })),
    h('button', { type: 'button', class: 'btn', disabled: !answer.has_more, on: { click: () => go(page + 1) } }, t('common.next')));
}

/** A link inside the app (hash route). */
export function link(route, ...content) {
  return h('a', { href: '#' + route }, content);
}

const charts = new Set();

/** An ECharts chart in a new element; disposed when the page changes. Null (with a message) if ECharts failed to load. */
export function chart(option, { height = 300, label } = {}) {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': label || '' });
  el.style.height = height + 'px';
  if (!window.echarts) return h('div', null, notice('warn', t('error.no_charts')));
  // Drawn once the element is in the page (it needs a size).
  requestAnimationFrame(() => {
    if (!el.isConnected) return;
    const c = window.echarts.init(el, null, { renderer: 'svg' });
    c.setOption({ textStyle: { fontFamily: getComputedStyle(document.body).fontFamily }, animation: false, ...option });
    charts.add(c);
  });
  return el;
}

/** Disposes the current page's charts. */
export function disposeCharts() {
  for (const c of charts) c.dispose();
  charts.clear();
}

window.addEventListener('resize', () => { for (const c of charts) c.resize(); });

/** A labelled form field. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('span', { class: 'field-hint' }, hint) : null);
}

/** A definition list of [label, value] pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v === null || v === undefined || v === '' ? '—' : v)]));
}

/** Whether the user may do manager things (managers and admins). */
export function isManager(user) { return user && (user.role === 'manager' || user.role === 'admin'); }
