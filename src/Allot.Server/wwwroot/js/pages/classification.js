// Classification: run a scheme (bundled or pasted), list the runs, a run's per-class summary, and the migration
// matrix between two runs. Running and comparing are for managers.

import { h, replace, card, table } from '../dom.js';
import { api, items, query } from '../api.js';
import { t, term, num, money, pct, when } from '../i18n.js';
import { errorView, loading, link, tierBadge, tierColour, chart, field, notice, isManager } from '../ui.js';

const runId = r => r.id ?? r.run ?? r.run_id;

export async function render(main, ctx) {
  if (ctx.view === 'run') return renderRun(main, ctx);
  if (ctx.view === 'compare') return renderCompare(main, ctx);
  return renderRuns(main, ctx);
}

function head(title, ...extra) {
  return h('div', { class: 'page-head' }, h('div', null,
    h('div', { class: 'crumbs' }, link('/classification', t('nav.classification'))), h('h1', null, title)), extra);
}

async function renderRuns(main, { user, navigate, stale }) {
  const list = h('div', null, loading());
  const manager = isManager(user);
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, t('nav.classification')),
      manager ? h('a', { class: 'btn', href: '#/classification/compare', id: 'compare-link' }, t('class.compare')) : null),
    manager ? runForm(navigate) : null,
    card(t('class.runs'), list));
  try {
    const runs = items(await api.get('/api/classification/runs'));
    if (stale()) return;
    replace(list, table([
      { label: t('col.run'), cell: r => link('/classification/' + runId(r), '#' + runId(r)) },
      { label: t('class.scheme'), cell: r => r.scheme_name ?? r.scheme ?? '—' },
      { label: t('class.as_of'), cell: r => when(r.as_of) },
      { label: t('col.customers'), num: true, cell: r => num(r.customers) },
      { label: t('class.tiers'), cell: r => (r.tier_classes ?? []).map(x => tierBadge(x)) },
      { label: t('col.by'), cell: r => r.by ?? '—' },
      { label: t('col.when'), cell: r => when(r.created_at) },
    ], runs, { empty: t('class.no_runs') }));
  } catch (err) {
    if (!stale()) replace(list, errorView(err));
  }
}

function runForm(navigate) {
  const scheme = h('select', { name: 'scheme', id: 'scheme-select' }, h('option', { value: '' }, t('class.scheme_default')));
  const text = h('textarea', { name: 'scheme_text', id: 'scheme-text', rows: 6, spellcheck: 'false', placeholder: t('class.scheme_text_placeholder') });
  const asOf = h('input', { type: 'date', name: 'as_of', id: 'as-of' });
  const status = h('div');
  const button = h('button', { type: 'submit', class: 'btn primary', id: 'run-classification' }, t('class.run'));
  const schemes = [];
  api.get('/api/schemes').then(answer => {
    for (const s of items(answer)) {
      schemes.push(s);
      scheme.append(h('option', { value: s.name }, s.description ? `${s.name} — ${s.description}` : s.name));
    }
  }).catch(err => { if (err.notAvailable) status.replaceChildren(notice('warn', t('class.schemes_not_available'))); });
  scheme.addEventListener('change', () => {
    const s = schemes.find(x => x.name === scheme.value);
    if (s && s.text) text.value = s.text;
  });
  const form = h('form', {
    class: 'form-grid', on: {
      submit: async e => {
        e.preventDefault();
        button.disabled = true;
        status.replaceChildren(notice('info', t('class.running')));
        try {
          const body = {};
          const bundled = schemes.find(x => x.name === scheme.value);
          if (scheme.value && (!text.value.trim() || (bundled && text.value === bundled.text))) body.example = scheme.value;
          else if (text.value.trim()) body.scheme_text = text.value;
          if (asOf.value) body.as_of = asOf.value;
          const run = await api.post('/api/classification/runs', body);
          const id = runId(run);
          status.replaceChildren(notice('ok', t('class.done', { run: id, customers: num(run.customers) })));
          if (id) navigate('/classification/' + id);
        } catch (err) {
          status.replaceChildren(errorView(err));
        } finally {
          button.disabled = false;
        }
      },
    },
  },
  field(t('class.scheme'), scheme, t('class.scheme_hint')),
  field(t('class.as_of'), asOf, t('class.as_of_hint')),
  h('div', { class: 'span-2' }, field(t('class.scheme_text'), text)),
  h('div', { class: 'form-actions span-2' }, button));
  return card(t('class.new_run'), form, status);
}

async function renderRun(main, { params, stale }) {
  const id = params[0];
  replace(main, head(t('class.run_title', { run: id })), loading());
  let run;
  try {
    run = await api.get('/api/classification/runs/' + id);
  } catch (err) {
    if (!stale()) replace(main, head(t('class.run_title', { run: id })), errorView(err));
    return;
  }
  if (stale()) return;
  const classifiers = run.classifiers ?? [];
  const tierFrom = run.tier_from ?? classifiers[0]?.name;
  const sections = classifiers.map(c => {
    const isTier = c.name === tierFrom;
    const classes = c.classes ?? [];
    const meanKeys = [...new Set(classes.flatMap(k => Object.keys(k.means ?? {})))].slice(0, 2);
    const filter = isTier ? 'tier' : c.name === 'lifecycle' ? 'stage' : 'segment';
    const tbl = table([
      { label: t('class.class'), class: 'nowrap', cell: k => link('/customers?' + new URLSearchParams({ [filter]: k.class }).toString(), isTier ? tierBadge(k.class) : term('class', k.class)) },
      { label: t('col.customers'), num: true, cell: k => num(k.customers) },
      { label: t('class.customer_share'), num: true, cell: k => pct(k.customer_share) },
      { label: t('col.revenue'), num: true, cell: k => money(k.revenue) },
      { label: t('class.revenue_share'), num: true, cell: k => pct(k.revenue_share) },
      { label: t('class.profit_share'), num: true, cell: k => pct(k.profit_share) },
      ...meanKeys.map(m => ({ label: t('class.mean', { name: term('number', m) }), num: true, cell: k => k.means?.[m] == null ? '—' : num(k.means[m], Number.isInteger(k.means[m]) ? 0 : 1) })),
    ], classes);
    const bar = isTier && classes.length ? chart({
      grid: { left: 56, right: 16, top: 24, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: v => pct(v) },
      xAxis: { type: 'category', data: classes.map(k => term('tier', k.class)) },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
      series: [
        { type: 'bar', name: t('class.customer_share'), color: '#cbd5e1', data: classes.map(k => ({ value: k.customer_share, itemStyle: { color: tierColour(k.class), opacity: 0.35 } })) },
        { type: 'bar', name: t('class.revenue_share'), color: '#475569', data: classes.map(k => ({ value: k.revenue_share, itemStyle: { color: tierColour(k.class) } })) },
      ],
    }, { height: 240 }) : null;
    return card(term('classifier', c.name) + (isTier ? ' · ' + t('class.tier') : ''), bar, tbl);
  });
  replace(main,
    head(t('class.run_title', { run: id }), h('span', { class: 'muted' },
      [run.scheme ?? run.scheme_name, run.as_of ? t('dash.as_of', { date: run.as_of }) : null, run.customers != null ? t('class.n_customers', { n: num(run.customers) }) : null].filter(Boolean).join(' · '))),
    sections.length ? sections : notice('info', t('common.no_data')));
}

async function renderCompare(main, { query: q, navigate, stale }) {
  const a = q.get('a') || '', b = q.get('b') || '';
  const selA = h('select', { name: 'a', id: 'compare-a' });
  const selB = h('select', { name: 'b', id: 'compare-b' });
  const result = h('div', { class: 'stack' });
  const form = h('form', { class: 'inline-form', on: { submit: e => { e.preventDefault(); navigate('/classification/compare', { a: selA.value, b: selB.value }); } } },
    field(t('class.run_a'), selA), h('span', { class: 'arrow' }, '→'), field(t('class.run_b'), selB),
    h('button', { type: 'submit', class: 'btn primary', id: 'compare-submit' }, t('class.compare')));
  replace(main, head(t('class.compare_title')), card(null, form), result);
  try {
    const runs = items(await api.get('/api/classification/runs'));
    for (const r of runs) {
      const label = `#${runId(r)} · ${r.scheme_name ?? r.scheme ?? ''} · ${r.as_of ?? ''}`;
      selA.append(h('option', { value: runId(r), selected: String(runId(r)) === (a || String(runId(runs[1] ?? r))) }, label));
      selB.append(h('option', { value: runId(r), selected: String(runId(r)) === (b || String(runId(runs[0]))) }, label));
    }
  } catch (err) {
    if (!stale()) replace(result, errorView(err));
    return;
  }
  if (!a || !b || stale()) return;
  replace(result, loading());
  let c;
  try {
    c = await api.get('/api/classification/compare' + query({ a, b }));
  } catch (err) {
    if (!stale()) replace(result, errorView(err));
    return;
  }
  if (stale()) return;
  const cells = c.matrix ?? [];
  const froms = [...new Set(cells.map(x => x.from))];
  const tos = [...new Set(cells.map(x => x.to))];
  const order = x => { const i = ['A', 'B', 'C', 'D'].indexOf(String(x).toUpperCase()); return i < 0 ? 9 : i; };
  froms.sort((x, y) => order(x) - order(y)); tos.sort((x, y) => order(x) - order(y));
  const max = Math.max(1, ...cells.map(x => x.customers));
  const cell = (f, to) => cells.find(x => x.from === f && x.to === to);
  const matrix = h('div', { class: 'table-wrap' }, h('table', { class: 'grid matrix', id: 'migration-matrix' },
    h('thead', null, h('tr', null, h('th', null, t('class.from_to')), tos.map(x => h('th', { class: 'num' }, tierBadge(x))), h('th', { class: 'num' }, t('class.total')))),
    h('tbody', null, froms.map(f => h('tr', null, h('th', null, tierBadge(f)),
      tos.map(to => {
        const x = cell(f, to);
        const td = h('td', { class: ['num', f === to ? 'diagonal' : null] }, x ? h('div', null, h('div', { class: 'matrix-n' }, num(x.customers)), h('div', { class: 'matrix-sub' }, money(x.revenue))) : '—');
        if (x) td.style.backgroundColor = `rgba(15, 118, 110, ${0.06 + 0.5 * x.customers / max})`;
        return td;
      }),
      h('td', { class: 'num strong' }, num(cells.filter(x => x.from === f).reduce((s, x) => s + x.customers, 0))))))));
  const movers = (list, label) => card(label, table([
    { label: t('col.customer'), cell: m => { const k = m.customer_key ?? m.customer ?? m.key; return link('/customers/' + k, m.name ?? k); } },
    { label: t('class.from'), cell: m => tierBadge(m.from) },
    { label: t('class.to'), cell: m => tierBadge(m.to) },
    { label: t('class.revenue_from'), num: true, cell: m => money(m.revenue_from) },
    { label: t('class.revenue_to'), num: true, cell: m => money(m.revenue_to ?? m.revenue) },
  ], (list ?? []).slice(0, 20), { empty: t('common.none') }));
  replace(result,
    h('div', { class: 'kpis' },
      kpi(t('class.moved_up'), num(c.moved_up ?? (c.up ?? []).length), 'up'),
      kpi(t('class.moved_down'), num(c.moved_down ?? (c.down ?? []).length), 'down')),
    card(t('class.matrix', { a: c.run_a ?? a, b: c.run_b ?? b }), matrix),
    h('div', { class: 'cards two' }, movers(c.up, t('class.up')), movers(c.down, t('class.down'))));
}

function kpi(label, value, kind) {
  return h('div', { class: ['kpi', kind] }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
}
