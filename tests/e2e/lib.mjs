// Helpers for the browser tests: Debian's Chromium through playwright-core, sign-in, screenshots, checks, and
// steps that are pending while the server lacks the endpoint they need.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = process.env.E2E_ARTIFACTS || join(here, 'artifacts');
export const baseUrl = (process.env.BASE_URL || 'http://127.0.0.1:5080').replace(/\/$/, '');
export const password = process.env.E2E_PASSWORD || 'correct horse battery';
export const timeout = Number(process.env.E2E_TIMEOUT_MS || 20000);

/** Chromium with the flags this machine needs (no sandbox as root, no background networking) and a fresh profile. */
export async function launch() {
  mkdirSync(artifacts, { recursive: true });
  // playwright-core gives every launch a fresh, empty --user-data-dir of its own (and removes it on close).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

/** Thrown by a step that cannot run yet (the endpoint it needs is not on this server). */
export class Pending extends Error {}

/**
 * A page in a new context (own cookies and localStorage) that records script errors, CSP violations and any
 * dialog (an alert would mean injected script ran).
 */
export async function newPage(browser, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.problems = [];
  page.dialogs = [];
  page.on('pageerror', e => page.problems.push('script error: ' + e.message));
  page.on('console', m => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) page.problems.push('CSP: ' + m.text());
  });
  page.on('dialog', async d => {
    page.dialogs.push(d.message());
    if (d.type() === 'confirm') await d.accept(); else await d.dismiss();
  });
  return { context, page };
}

/** Signs in through the login form and waits for the app's shell. */
export async function signIn(page, user) {
  await page.goto(baseUrl + '/#/login');
  await page.locator('#login-name').fill(user);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
  await page.locator('#who').waitFor();
}

/** Goes to a hash route and waits until that route's page has its data. */
export async function go(page, route) {
  await page.goto(baseUrl + '/#' + route);
  await page.waitForFunction(expected => {
    const main = document.querySelector('#main');
    return main && main.dataset.state === 'ready' && decodeURIComponent(main.dataset.route) === decodeURIComponent(expected);
  }, '#' + route, { timeout });
  await settle(page);
}

/** Waits until the page shown has its data and no "loading" placeholder is left. */
export async function settle(page) {
  await page.locator('#main[data-state="ready"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('#main .loading'), null, { timeout });
}

/** A full-page screenshot into the artifacts folder. */
export async function shot(page, name) {
  await page.waitForTimeout(150); // charts draw on the next frame
  const path = join(artifacts, name + '.png');
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Throws Pending when the page says an endpoint is not available yet. */
export async function pendingIfNotAvailable(page, what, scope = '#main') {
  const warn = page.locator(`${scope} .notice.warn`);
  if (await warn.count() > 0) {
    const text = (await warn.first().textContent()) || '';
    if (/not available|暂不可用/i.test(text)) throw new Pending(`${what}: the server does not offer it yet`);
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The signed-in user (GET /api/auth/me from the page, with its cookie). */
export function me(page) {
  return page.evaluate(async () => (await fetch('/api/auth/me')).json());
}
