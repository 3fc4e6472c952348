// A rep sees only its own customers, no manager actions, and another rep's customer by URL is "not found".

import { signIn, go, shot, check, me } from '../lib.mjs';

export default {
  name: 'rep',
  title: 'a rep sees only its own customers',
  options: { locale: 'en-US' },
  steps: [
    ['signs in; no manager menu', async (page, state) => {
      await signIn(page, process.env.E2E_REP || 'rep-a');
      state.me = await me(page);
      check(state.me.role === 'rep' && state.me.rep, 'signed in as a rep: ' + JSON.stringify(state.me));
      for (const nav of ['allocation', 'imports'])
        check(await page.locator(`.nav-item[data-nav="${nav}"]`).count() === 0, `a rep has no ${nav} menu`);
    }],
    ['lists only its own customers', async (page, state) => {
      await go(page, '/customers');
      const owners = await page.locator('#main table.grid tbody tr td.owner').allTextContents();
      check(owners.length > 0, 'the rep has customers');
      check(owners.every(o => o.trim() === state.me.rep), `every owner is ${state.me.rep}: ${[...new Set(owners)].join(', ')}`);
      check(await page.locator('#filter-owner').count() === 0, 'a rep has no owner filter');
      await shot(page, '10-rep-customers');
    }],
    ["another rep's customer by URL is not found", async page => {
      const other = process.env.E2E_OTHER_CUSTOMER;
      check(other, 'E2E_OTHER_CUSTOMER names a customer of another rep');
      await go(page, '/customers/' + encodeURIComponent(other));
      check(await page.locator('#main .not-found').count() === 1, 'the page says not found');
      check(await page.locator('#customer-name').count() === 0, 'nothing of the customer is shown');
      await shot(page, '11-rep-other-customer-not-found');
    }],
    ['claims a customer from the pool; its contacts show once it is its own', async (page, state) => {
      const key = process.env.E2E_POOL_CUSTOMER;
      check(key, 'E2E_POOL_CUSTOMER names a pool customer');
      await go(page, '/pool');
      const row = page.locator('#main table.grid tbody tr', { hasText: key });
      check(await row.count() === 1, `the pool lists ${key}`);
      check((await row.textContent()).includes('hidden until claimed'), 'its phone is hidden before the claim');
      await shot(page, '12-rep-pool');
      await row.locator('button').click();
      await page.locator('#pool-result .notice.ok').waitFor();
      await go(page, '/customers/' + encodeURIComponent(key));
      check(await page.locator('#main .not-found').count() === 0, 'the claimed customer opens');
      const owner = await page.locator('#main').textContent();
      check(owner.includes(state.me.rep), `the claimed customer's owner is ${state.me.rep}`);
      await shot(page, '13-rep-claimed-customer');
    }],
    ['manager pages and actions are hidden', async page => {
      await go(page, '/allocation');
      check(await page.locator('#propose').count() === 0, 'no propose button for a rep');
      check(await page.locator('#main .notice.error').count() === 1, 'the allocation page is refused');
      await go(page, '/classification');
      check(await page.locator('#run-classification').count() === 0, 'no classification run form for a rep');
      check(await page.locator('#compare-link').count() === 0, 'no compare link for a rep');
    }],
  ],
};
