// Allocation (managers): propose a run, review it per rep (load and value before/after) with the list of changes
// and their reasons, and apply it.

import { h, replace, card, table } from '../dom.js';
import { api, items, query } from '../api.js';
import { t, num, money, when } from '../i18n.js';
import { errorView, loading, link, pager, chart, field, notice, facts } from '../ui.js';

const runId = r => r.id ?? r.run ?? r.run_id;

export async function render(main, ctx) {
  return ctx.view === 'run' ? renderRun(main, ctx) : renderRuns(main, ctx);
}

async function renderRuns(main, { navigate, stale }) {
  const list = h('div', null, loading());
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.allocation'))), proposeForm(navigate), card(t('alloc.runs'), list));
  try {
    const runs = items(await api.get('/api/allocation/runs'));
    if (stale()) return;
    replace(list, table([
      { label: t('col.run'), cell: r => link('/allocation/' + runId(r), '#' + runId(r)) },
      { label: t('alloc.strategy'), cell: r => t('strategy.' + String(r.strategy ?? '').replace('-', '_')) },
      { label: t('alloc.policy'), cell: r => r.policy ?? r.policy_name ?? '—' },
      { label: t('col.customers'), num: true, cell: r => num(r.customers) },
      { label: t('alloc.changes'), num: true, cell: r => num(r.changes) },
      { label: t('alloc.state'), cell: r => r.applied_at ? h('span', { class: 'badge ok' }, t('alloc.applied_at', { when: when(r.applied_at) })) : h('span', { class: 'badge soft' }, t('alloc.proposal')) },
      { label: t('col.by'), cell: r => r.by ?? '—' },
      { label: t('col.when'), cell: r => when(r.created_at) },
    ], runs, { empty: t('alloc.no_runs') }));
  } catch (err) {
    if (!stale()) replace(list, errorView(err));
  }
}

function proposeForm(navigate) {
  const strategy = h('select', { name: 'strategy', id: 'strategy' },
    ['optimal', 'greedy', 'round_robin'].map(s => h('option', { value: s }, t('strategy.' + s))));
  const newOnly = h('input', { type: 'checkbox', name: 'new_only', id: 'new-only' });
  const maxChanges = h('input', { type: 'number', min: 0, name: 'max_changes', id: 'max-changes', placeholder: t('alloc.max_changes_placeholder') });
  const policy = h('textarea', { name: 'policy_text', id: 'policy-text', rows: 6, spellcheck: 'false', placeholder: t('alloc.policy_placeholder') });
  const loadPolicy = h('button', {
    type: 'button', class: 'btn ghost', on: {
      click: async () => {
        try { const p = await api.get('/api/policies/default'); policy.value = typeof p === 'string' ? p : (p.text ?? JSON.stringify(p, null, 2)); }
        catch (err) { status.replaceChildren(errorView(err)); }
      },
    },
  }, t('alloc.load_default'));
  const status = h('div');
  const button = h('button', { type: 'submit', class: 'btn primary', id: 'propose' }, t('alloc.propose'));
  const form = h('form', {
    class: 'form-grid', on: {
      submit: async e => {
        e.preventDefault();
        button.disabled = true;
        status.replaceChildren(notice('info', t('alloc.proposing')));
        try {
          const body = { strategy: strategy.value, new_only: newOnly.checked };
          if (maxChanges.value) body.max_changes = Number(maxChanges.value);
          if (policy.value.trim()) body.policy_text = policy.value;
          const answer = await api.post('/api/allocation/runs', body);
          const id = runId(answer);
          navigate('/allocation/' + id);
        } catch (err) {
          status.replaceChildren(errorView(err));
        } finally {
          button.disabled = false;
        }
      },
    },
  },
  field(t('alloc.strategy'), strategy),
  field(t('alloc.max_changes'), maxChanges),
  h('label', { class: 'check span-2' }, newOnly, ' ', t('alloc.new_only')),
  h('div', { class: 'span-2' }, field(t('alloc.policy_text'), policy)),
  h('div', { class: 'form-actions span-2' }, button, loadPolicy));
  return card(t('alloc.new_run'), h('p', { class: 'muted' }, t('alloc.lead')), form, status);
}

async function renderRun(main, { params, query: q, navigate, stale }) {
  const id = params[0];
  const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
  const title = h('div', { class: 'page-head' }, h('div', null,
    h('div', { class: 'crumbs' }, link('/allocation', t('nav.allocation'))), h('h1', null, t('alloc.run_title', { run: id }))));
  replace(main, title, loading());
  let run;
  try {
    run = await api.get('/api/allocation/runs/' + id);
  } catch (err) {
    if (!stale()) replace(main, title, errorView(err));
    return;
  }
  if (stale()) return;
  // {run: the run's row, tiers, reps}; the summary's quality figures when the answer has them.
  const info = run.run && typeof run.run === 'object' ? run.run : run;
  const summary = run.summary ?? run;
  const reps = summary.reps ?? run.reps ?? [];
  const quality = summary.quality ?? {};
  const applied = info.applied_at;
  const moved = reps.reduce((s, r) => s + Math.abs((r.value_after ?? 0) - (r.value_before ?? 0)), 0) / 2;

  const status = h('div', { id: 'apply-status' });
  const apply = h('button', {
    type: 'button', class: 'btn primary', id: 'apply', disabled: !!applied, on: {
      click: async () => {
        if (!confirm(t('alloc.apply_confirm'))) return;
        apply.disabled = true;
        try {
          const r = await api.post(`/api/allocation/runs/${id}/apply`, {});
          status.replaceChildren(notice('ok', t('alloc.applied', { applied: num(r.applied ?? r.changed), skipped: num(r.skipped ?? r.unchanged ?? 0) })));
        } catch (err) {
          apply.disabled = false;
          status.replaceChildren(errorView(err));
        }
      },
    },
  }, applied ? t('alloc.already_applied') : t('alloc.apply'));

  const repTable = table([
    { label: t('col.rep'), cell: r => link('/reps/' + (r.rep ?? r.key), r.rep ?? r.key) },
    { label: t('rep.capacity'), num: true, cell: r => num(r.capacity) },
    { label: t('alloc.load_before'), num: true, cell: r => num(r.load_before) },
    { label: t('alloc.load_after'), num: true, cell: r => delta(r.load_before, r.load_after, 0) },
    { label: t('alloc.value_before'), num: true, cell: r => money(r.value_before) },
    { label: t('alloc.value_after'), num: true, cell: r => delta(r.value_before, r.value_after, 2) },
    { label: t('alloc.gained'), num: true, cell: r => num(r.gained ?? r.changes_in) },
    { label: t('alloc.lost'), num: true, cell: r => num(r.lost ?? r.changes_out) },
  ], reps, { empty: t('common.none') });

  const loadChart = reps.length ? chart({
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: reps.map(r => r.rep ?? r.key), axisLabel: { rotate: reps.length > 12 ? 45 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('alloc.load_before'), data: reps.map(r => r.load_before), color: '#cbd5e1' },
      { type: 'bar', name: t('alloc.load_after'), data: reps.map(r => r.load_after), color: '#0f766e' },
      { type: 'scatter', name: t('rep.capacity'), data: reps.map(r => r.capacity), color: '#d97706', symbol: 'rect', symbolSize: [28, 3], z: 5 },
    ],
  }, { height: 260 }) : null;

  const changes = h('div', { id: 'changes' }, loading());
  replace(main, title,
    h('div', { class: 'kpis' },
      kpi(t('col.customers'), num(info.customers ?? summary.customers)),
      kpi(t('alloc.changes'), num(info.changes ?? quality.owner_changes)),
      kpi(t('alloc.value_moved'), money(moved)),
      quality.unassigned != null ? kpi(t('alloc.unassigned'), num(quality.unassigned)) : null,
      quality.total_fit != null ? kpi(t('alloc.total_fit'), num(quality.total_fit, 1)) : null,
      info.applied_changes ? kpi(t('alloc.applied_changes'), num(info.applied_changes)) : null),
    card(t('alloc.review'), h('div', { class: 'apply-bar' },
      facts([[t('alloc.strategy'), t('strategy.' + String(info.strategy ?? summary.strategy ?? '').replace('-', '_'))],
        [t('alloc.policy'), info.policy ?? '—'],
        [t('alloc.classification_run'), info.classification_run ? link('/classification/' + info.classification_run, '#' + info.classification_run) : '—'],
        [t('alloc.state'), applied ? t('alloc.applied_at', { when: when(applied) }) : t('alloc.proposal')]]),
      apply), status),
    card(t('alloc.per_rep'), loadChart, repTable),
    card(t('alloc.change_list'), changes));

  try {
    const answer = await api.get(`/api/allocation/runs/${id}/changes` + query({ page, page_size: 50 }));
    if (stale()) return;
    replace(changes, table([
      { label: t('col.customer'), cell: c => link('/customers/' + (c.customer ?? c.customer_key), c.name ?? c.customer ?? c.customer_key) },
      { label: t('alloc.current'), cell: c => c.current ?? c.current_rep ?? h('span', { class: 'muted' }, t('customer.no_owner')) },
      { label: t('alloc.proposed'), cell: c => c.proposed ?? c.proposed_rep ?? h('span', { class: 'muted' }, t('alloc.unassigned')) },
      { label: t('alloc.fit'), num: true, cell: c => num(c.fit, 1) },
      { label: t('alloc.reason'), cell: c => c.reason, class: 'wrap' },
    ], items(answer), { empty: t('alloc.no_changes') }), Array.isArray(answer) ? null : pager(answer, p => navigate('/allocation/' + id, { page: p })));
  } catch (err) {
    if (!stale()) replace(changes, errorView(err));
  }
}

function delta(before, after, digits) {
  const d = (after ?? 0) - (before ?? 0);
  const fmt = digits ? v => money(v) : v => num(v);
  return h('span', null, fmt(after), d ? h('span', { class: ['delta', d > 0 ? 'up' : 'down'] }, (d > 0 ? ' +' : ' −') + fmt(Math.abs(d))) : null);
}

function kpi(label, value) {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
}
