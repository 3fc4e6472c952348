// The shell: who is signed in, the sidebar and header, the language switch, and hash routes to the pages.

import { h, replace } from './dom.js';
import { api, ApiError, refreshCsrf, whenSignedOut } from './api.js';
import { loadLanguages, setLanguage, language, t } from './i18n.js';
import { errorView, disposeCharts, isManager } from './ui.js';
import * as login from './pages/login.js';
import * as dashboard from './pages/dashboard.js';
import * as customers from './pages/customers.js';
import * as customer from './pages/customer.js';
import * as classification from './pages/classification.js';
import * as allocation from './pages/allocation.js';
import * as reps from './pages/reps.js';
import * as imports from './pages/imports.js';
import * as pool from './pages/pool.js';

const app = document.getElementById('app');
let user = null;

// Route patterns: the first that matches the hash's path is shown. `manager` pages are left out of a rep's menu.
const routes = [
  { path: /^\/$/, page: dashboard, nav: 'dashboard' },
  { path: /^\/customers$/, page: customers, nav: 'customers' },
  { path: /^\/customers\/(.+)$/, page: customer, nav: 'customers' },
  { path: /^\/classification$/, page: classification, nav: 'classification' },
  { path: /^\/classification\/compare$/, page: classification, nav: 'classification', view: 'compare' },
  { path: /^\/classification\/(\d+)$/, page: classification, nav: 'classification', view: 'run' },
  { path: /^\/allocation$/, page: allocation, nav: 'allocation', manager: true },
  { path: /^\/allocation\/(\d+)$/, page: allocation, nav: 'allocation', manager: true, view: 'run' },
  { path: /^\/reps$/, page: reps, nav: 'reps' },
  { path: /^\/reps\/(.+)$/, page: reps, nav: 'reps', view: 'rep' },
  { path: /^\/imports$/, page: imports, nav: 'imports', manager: true },
  { path: /^\/pool$/, page: pool, nav: 'pool' },
];

const menu = [
  { nav: 'dashboard', route: '/', icon: '▦' },
  { nav: 'customers', route: '/customers', icon: '☰' },
  { nav: 'classification', route: '/classification', icon: '◈' },
  { nav: 'allocation', route: '/allocation', icon: '⇄', manager: true },
  { nav: 'reps', route: '/reps', icon: '◉' },
  { nav: 'pool', route: '/pool', icon: '◌' },
  { nav: 'imports', route: '/imports', icon: '⇪', manager: true },
];

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search] = raw.split('?');
  return { path: decodeURI(path) || '/', query: new URLSearchParams(search || '') };
}

/** Goes to a route (a hash path with an optional query object). */
export function navigate(path, params) {
  const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString() : '';
  const target = '#' + encodeURI(path) + (q ? '?' + q : '');
  if (location.hash === target) render();
  else location.hash = target;
}

function languageSwitch() {
  const other = language() === 'zh' ? 'en' : 'zh';
  return h('button', {
    type: 'button', class: 'lang-switch', id: 'lang-switch', title: t('lang.switch_title'),
    lang: other === 'zh' ? 'zh-CN' : 'en',
    on: { click: () => { setLanguage(other); render(); } },
  }, other === 'zh' ? '中文' : 'English');
}

async function logout() {
  try { await api.post('/api/auth/logout'); } catch { /* signed out anyway */ }
  user = null;
  await refreshCsrf().catch(() => {});
  navigate('/login');
}

function shell(active, content) {
  const nav = h('nav', { class: 'nav', 'aria-label': t('nav.label') },
    menu.filter(m => !m.manager || isManager(user)).map(m =>
      h('a', { href: '#' + m.route, class: ['nav-item', m.nav === active && 'active'], dataset: { nav: m.nav } },
        h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, m.icon), t('nav.' + m.nav))));
  const sidebar = h('aside', { class: 'sidebar' },
    h('a', { class: 'brand', href: '#/' }, h('span', { class: 'brand-mark' }, 'A'), h('span', null, t('app.name'))),
    nav,
    h('div', { class: 'sidebar-foot' }, t('app.tagline')));
  const header = h('header', { class: 'topbar' },
    h('div', { class: 'topbar-title' }, t('nav.' + active)),
    h('div', { class: 'topbar-tools' },
      languageSwitch(),
      h('span', { class: 'who', id: 'who' },
        h('span', { class: 'who-name' }, user.name),
        h('span', { class: 'who-role' }, t('role.' + user.role) + (user.rep ? ' · ' + user.rep : '') + (user.team ? ' · ' + user.team : ''))),
      h('button', { type: 'button', class: 'btn ghost', id: 'logout', on: { click: logout } }, t('auth.logout'))));
  return h('div', { class: 'layout' }, sidebar, h('div', { class: 'content' }, header, h('main', { class: 'main', id: 'main' }, content)));
}

let renderCount = 0;

async function render() {
  disposeCharts();
  const { path, query } = parseHash();
  const mine = ++renderCount;
  if (path === '/login' || !user) {
    if (!user && path !== '/login') {
      try { user = await api.get('/api/auth/me'); } catch { user = null; }
      if (mine !== renderCount) return;
    }
    if (!user) {
      replace(app, login.render({ navigate, languageSwitch, onLogin: u => { user = u; navigate(query.get('next') || '/'); } }));
      return;
    }
    if (path === '/login') { navigate('/'); return; }
  }
  let match = null, route = null;
  for (const r of routes) {
    const m = r.path.exec(path);
    if (m) { match = m; route = r; break; }
  }
  const main = h('div', { class: 'page' });
  replace(app, shell(route ? route.nav : 'dashboard', main));
  // For the browser tests (and anyone watching): which route is shown and whether its data has arrived.
  const frame = document.getElementById('main');
  frame.dataset.route = location.hash || '#/';
  frame.dataset.state = 'loading';
  const done = () => { if (mine === renderCount) frame.dataset.state = 'ready'; };
  if (!route) { replace(main, errorView(new ApiError(404, '', t('error.no_page')))); done(); return; }
  if (route.manager && !isManager(user)) {
    replace(main, errorView(new ApiError(403)));
    done();
    return;
  }
  try {
    await route.page.render(main, { user, params: match.slice(1), query, view: route.view, navigate, stale: () => mine !== renderCount });
  } catch (err) {
    if (mine === renderCount) replace(main, errorView(err));
  }
  done();
}

whenSignedOut(() => {
  if (user) { user = null; navigate('/login', { next: parseHash().path }); }
});

window.addEventListener('hashchange', render);

(async () => {
  await loadLanguages();
  await refreshCsrf().catch(() => {});
  await render();
})();
