// The language switch: Chinese first when the browser prefers it, English after a click, and the choice kept
// across reloads and sign-in.

import { baseUrl, signIn, go, shot, check } from '../lib.mjs';

const text = (page, sel) => page.locator(sel).first().textContent();

export default {
  name: 'language',
  title: 'the language switch changes visible texts and persists',
  options: { locale: 'zh-CN' },
  steps: [
    ['Chinese by default for a zh browser', async page => {
      await page.goto(baseUrl + '/');
      await page.locator('#login-submit').waitFor();
      check((await text(page, '#login-submit')).trim() === '登录', 'the sign-in button is in Chinese');
      check(await page.evaluate(() => document.documentElement.lang) === 'zh-CN', 'html lang is zh-CN');
      await shot(page, '20-login-zh');
    }],
    ['switches to English and keeps it after a reload', async page => {
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.querySelector('#login-submit')?.textContent === 'Sign in');
      await page.reload();
      await page.locator('#login-submit').waitFor();
      check((await text(page, '#login-submit')).trim() === 'Sign in', 'English is remembered');
    }],
    ['signed in, switches back to Chinese; kept after a reload', async page => {
      await signIn(page, process.env.E2E_MANAGER || 'manager');
      check((await text(page, '.nav-item[data-nav="customers"]')).includes('Customers'), 'menu in English');
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.querySelector('.nav-item[data-nav="customers"]')?.textContent.includes('客户'));
      await page.reload();
      await page.locator('#who').waitFor();
      check((await text(page, '.nav-item[data-nav="customers"]')).includes('客户'), 'Chinese is remembered');
      await go(page, '/customers');
      check((await text(page, '#filter-apply')).trim() === '查询', 'the customers page is in Chinese');
      await shot(page, '21-customers-zh');
      await go(page, '/');
      await shot(page, '22-dashboard-zh');
    }],
  ],
};
