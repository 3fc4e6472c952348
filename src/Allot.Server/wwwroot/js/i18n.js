// Two languages, one dictionary each (i18n/zh.json, i18n/en.json). Chinese when the browser prefers it, else
// English; the user's choice is remembered in localStorage.

const KEY = 'allot.lang';
export const LANGUAGES = ['zh', 'en'];
const dictionaries = {};
let current = 'en';

function preferred() {
  const saved = localStorage.getItem(KEY);
  if (LANGUAGES.includes(saved)) return saved;
  const list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of list) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Loads both dictionaries and picks the language. */
export async function loadLanguages() {
  await Promise.all(LANGUAGES.map(async l => {
    const r = await fetch(`/i18n/${l}.json`);
    dictionaries[l] = await r.json();
  }));
  setLanguage(preferred(), false);
}

export function language() { return current; }

/** Switches the language (and remembers it when asked to). */
export function setLanguage(lang, remember = true) {
  current = LANGUAGES.includes(lang) ? lang : 'en';
  if (remember) localStorage.setItem(KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
}

/** The text for a key, with {name} placeholders filled; the English text, then the key, when missing. */
export function t(key, vars) {
  let s = dictionaries[current]?.[key] ?? dictionaries.en?.[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return s;
}

/** A word from the data (tier, segment, stage, status…) in the current language when the dictionary has it. */
export function term(kind, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${kind}.${value}`;
  const s = dictionaries[current]?.[key];
  return s ?? String(value);
}

function locale() { return current === 'zh' ? 'zh-CN' : 'en-US'; }

/** A number with grouping; '—' when missing. */
export function num(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Number(v).toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Money, two decimals. */
export function money(v) { return num(v, 2); }

/** A share 0..1 as a percentage. */
export function pct(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return (Number(v) * 100).toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }) + ' %';
}

/** A date or time as given by the API, shown in the user's locale (times in local time). */
export function when(v) {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}
