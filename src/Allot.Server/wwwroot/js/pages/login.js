// Sign in. When the store has no users yet, says how to create the first one.

import { h } from '../dom.js';
import { api, refreshCsrf } from '../api.js';
import { t } from '../i18n.js';
import { notice, errorView, field } from '../ui.js';

export function render({ languageSwitch, onLogin }) {
  const status = h('div', { class: 'login-status' });
  const name = h('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn primary wide', id: 'login-submit' }, t('auth.sign_in'));

  const form = h('form', {
    class: 'login-form',
    on: {
      submit: async e => {
        e.preventDefault();
        submit.disabled = true;
        status.replaceChildren();
        try {
          await refreshCsrf();
          const me = await api.post('/api/auth/login', { name: name.value.trim(), password: password.value });
          await refreshCsrf(); // the token is bound to the user
          onLogin(me);
        } catch (err) {
          status.replaceChildren(err.status === 401 ? notice('error', t('auth.wrong')) : errorView(err));
          password.select();
        } finally {
          submit.disabled = false;
        }
      },
    },
  },
  field(t('auth.name'), name),
  field(t('auth.password'), password),
  submit);

  const health = h('div', { class: 'login-health' });
  api.get('/api/health').then(hs => {
    if (!hs.has_users) {
      health.append(notice('info',
        h('strong', null, t('auth.no_users')), ' ', t('auth.no_users_hint'),
        h('pre', { class: 'code' }, 'allot user add NAME --role admin')));
    }
  }).catch(err => health.append(errorView(err)));

  return h('div', { class: 'login-page' },
    h('div', { class: 'login-lang' }, languageSwitch()),
    h('div', { class: 'login-card' },
      h('div', { class: 'login-brand' }, h('span', { class: 'brand-mark' }, 'A'), h('span', null, t('app.name'))),
      h('p', { class: 'login-lead' }, t('auth.lead')),
      health, form, status));
}
