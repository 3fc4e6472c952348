// Imports (managers): upload CSV/Excel files of one kind (one transaction for all of them), see each file's
// account (read, imported, updated, rejected and the first rejects), and the recorded imports.

import { h, replace, card, table } from '../dom.js';
import { api, items } from '../api.js';
import { t, num, when } from '../i18n.js';
import { errorView, loading, field, notice } from '../ui.js';

const KINDS = ['customers', 'reps', 'orders', 'invoices', 'payments', 'interactions', 'feedback'];

export async function render(main, { stale }) {
  const kind = h('select', { name: 'kind', id: 'import-kind' }, KINDS.map(k => h('option', { value: k }, t('kind.' + k))));
  const files = h('input', { type: 'file', name: 'file', id: 'import-file', multiple: true, accept: '.csv,.txt,.tsv,.xlsx,.xls', required: true });
  const encoding = h('select', { name: 'encoding', id: 'import-encoding' }, h('option', { value: '' }, t('import.detect')), ['utf-8', 'gb18030'].map(e => h('option', { value: e }, e)));
  const delimiter = h('select', { name: 'delimiter', id: 'import-delimiter' }, h('option', { value: '' }, t('import.detect')),
    [[',', t('import.comma')], [';', t('import.semicolon')], ['\t', t('import.tab')]].map(([v, l]) => h('option', { value: v }, l)));
  const createMissing = h('input', { type: 'checkbox', name: 'create_missing', id: 'import-create-missing' });
  const status = h('div', { id: 'import-result' });
  const history = h('div', null, loading());
  const button = h('button', { type: 'submit', class: 'btn primary', id: 'import-submit' }, t('import.upload'));

  const form = h('form', {
    class: 'form-grid', on: {
      submit: async e => {
        e.preventDefault();
        if (!files.files.length) return;
        const body = new FormData();
        for (const f of files.files) body.append('file', f, f.name);
        if (encoding.value) body.append('encoding', encoding.value);
        if (delimiter.value) body.append('delimiter', delimiter.value);
        if (createMissing.checked) body.append('create_missing', 'true');
        button.disabled = true;
        status.replaceChildren(notice('info', t('import.uploading')));
        try {
          const answer = await api.upload('/api/imports/' + encodeURIComponent(kind.value), body);
          status.replaceChildren(result(items(answer).length ? items(answer) : (answer.files ?? [answer])));
          loadHistory(history, stale);
        } catch (err) {
          status.replaceChildren(errorView(err));
        } finally {
          button.disabled = false;
        }
      },
    },
  },
  field(t('import.kind'), kind),
  field(t('import.files'), files, t('import.files_hint')),
  field(t('import.encoding'), encoding),
  field(t('import.delimiter'), delimiter),
  h('label', { class: 'check span-2' }, createMissing, ' ', t('import.create_missing')),
  h('div', { class: 'form-actions span-2' }, button));

  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('nav.imports'))),
    card(t('import.new'), h('p', { class: 'muted' }, t('import.lead')), form, status),
    card(t('import.history'), history));
  loadHistory(history, stale);
}

function result(files) {
  return h('div', { class: 'stack' },
    notice('ok', t('import.done')),
    table([
      { label: t('import.file'), cell: f => f.file },
      { label: t('import.kind'), cell: f => t('kind.' + f.kind) },
      { label: t('import.read'), num: true, cell: f => num(f.read) },
      { label: t('import.imported'), num: true, cell: f => num(f.imported) },
      { label: t('import.updated'), num: true, cell: f => num(f.updated) },
      { label: t('import.rejected'), num: true, cell: f => num(f.rejected) },
      { label: t('import.created_customers'), num: true, cell: f => num(f.created_customers) },
      { label: t('import.detected'), cell: f => f.detected ?? '—' },
    ], files),
    files.filter(f => (f.rejects ?? []).length).map(f => card(t('import.rejects', { file: f.file }), table([
      { label: t('import.line'), num: true, cell: r => num(r.line) },
      { label: t('import.column'), cell: r => r.column ?? '—' },
      { label: t('alloc.reason'), cell: r => r.reason, class: 'wrap' },
    ], f.rejects))));
}

async function loadHistory(box, stale) {
  try {
    const list = items(await api.get('/api/imports'));
    if (stale()) return;
    replace(box, table([
      { label: t('col.when'), cell: r => when(r.started_at) },
      { label: t('import.kind'), cell: r => t('kind.' + r.kind) },
      { label: t('import.file'), cell: r => r.file },
      { label: t('import.read'), num: true, cell: r => num(r.read) },
      { label: t('import.imported'), num: true, cell: r => num(r.imported) },
      { label: t('import.updated'), num: true, cell: r => num(r.updated) },
      { label: t('import.rejected'), num: true, cell: r => num(r.rejected) },
      { label: t('col.by'), cell: r => r.by },
    ], list, { empty: t('import.none') }));
  } catch (err) {
    if (!stale()) replace(box, errorView(err));
  }
}
