// A manager's day: sign in, import a file, run a classification, open a customer's explanation, propose an
// allocation, review it and apply it.

import { signIn, go, settle, shot, check, pendingIfNotAvailable, Pending } from '../lib.mjs';

const IMPORTED = 'E2E0000001';
// Owned by a rep of the manager's team (else the manager could not see it).
const csv = owner => `customer_id,name,type,industry,region,city,created_date,phone,channel,key_account,owner_rep_id
${IMPORTED},端到端测试客户 E2E Import Co,enterprise,IT Services,East China - Shanghai,上海,2025-01-15,13900000001,direct,false,${owner}
`;

export default {
  name: 'manager',
  title: 'a manager imports, classifies, explains, proposes and applies an allocation',
  options: { locale: 'en-US' },
  steps: [
    ['signs in and sees the dashboard', async page => {
      await signIn(page, process.env.E2E_MANAGER || 'manager');
      await settle(page);
      check(await page.locator('.nav-item[data-nav="allocation"]').count() === 1, 'a manager sees the allocation menu');
      await shot(page, '01-manager-dashboard');
      await pendingIfNotAvailable(page, 'dashboard (GET /api/dashboard)');
      check(await page.locator('#main .chart').count() >= 3, 'the dashboard draws its charts');
    }],
    ['imports a customers file (POST /api/imports/customers)', async page => {
      const owner = await page.evaluate(async () =>
        (await (await fetch('/api/customers?page_size=50')).json()).items.map(c => c.owner).find(Boolean));
      check(owner, 'the manager sees customers with an owner');
      await go(page, '/imports');
      await page.locator('#import-kind').selectOption('customers');
      await page.locator('#import-file').setInputFiles({ name: 'e2e-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(owner), 'utf8') });
      await page.locator('#import-submit').click();
      await page.waitForFunction(() => {
        const r = document.querySelector('#import-result');
        return r && r.querySelector('.notice:not(.info)');
      });
      await shot(page, '02-manager-import');
      await pendingIfNotAvailable(page, 'imports (POST /api/imports/{kind})', '#import-result');
      const text = await page.locator('#import-result').textContent();
      check(text.includes('e2e-customers.csv'), 'the import result names the file: ' + text);
      await go(page, '/customers/' + IMPORTED);
      check((await page.locator('#customer-name').textContent()).includes('E2E Import Co'), 'the imported customer is there');
    }],
    ['runs a classification', async (page, state) => {
      await go(page, '/classification');
      await page.locator('#run-classification').click();
      await page.waitForFunction(() => /#\/classification\/\d+$/.test(location.hash) || document.querySelector('#main .notice.warn, #main .notice.error'));
      await settle(page);
      await pendingIfNotAvailable(page, 'classification runs (POST /api/classification/runs)');
      const error = page.locator('#main .notice.error');
      check(await error.count() === 0, 'classification failed: ' + (await error.count() ? await error.first().textContent() : ''));
      state.classificationRun = Number(/(\d+)$/.exec(new URL(page.url()).hash)[1]);
      check(await page.locator('#main table.grid').count() >= 1, 'the run shows its per-class summary');
      await shot(page, '03-manager-classification-run');
    }],
    ['compares two runs (migration matrix)', async (page, state) => {
      const b = state.classificationRun;
      await go(page, '/classification/compare' + (b && b > 1 ? `?a=${b - 1}&b=${b}` : ''));
      await pendingIfNotAvailable(page, 'runs list or compare (GET /api/classification/compare)');
      if (!(b > 1)) {
        await page.locator('#compare-submit').click();
        await settle(page);
        await pendingIfNotAvailable(page, 'compare (GET /api/classification/compare)');
      }
      check(await page.locator('#migration-matrix').count() === 1, 'the migration matrix is shown');
      await shot(page, '04-manager-compare');
    }],
    ["opens a customer's explanation", async page => {
      await go(page, '/customers');
      const first = page.locator('#main table.grid tbody tr td a').first();
      const key = (await first.textContent()).trim();
      await first.click();
      await page.waitForFunction(k => location.hash === '#/customers/' + k, key);
      await settle(page);
      const why = page.locator('#explanation .explain-reason');
      check(await why.count() >= 1, 'the customer page explains its tier');
      check(((await why.first().textContent()) || '').length > 10, 'the explanation has words');
      check(await page.locator('#indicators .number').count() > 0, "the run's indicator figures are shown");
      await page.locator('#main h2', { hasText: 'Follow-ups' }).waitFor();
      await shot(page, '05-manager-customer-explanation');
    }],
    ['proposes an allocation', async (page, state) => {
      await go(page, '/allocation');
      await page.locator('#propose').click();
      await page.waitForFunction(() => /#\/allocation\/\d+/.test(location.hash) || document.querySelector('#main .notice.warn, #main .notice.error'));
      await settle(page);
      await pendingIfNotAvailable(page, 'allocation runs (POST /api/allocation/runs)');
      const error = page.locator('#main .notice.error');
      check(await error.count() === 0, 'the proposal failed: ' + (await error.count() ? await error.first().textContent() : ''));
      state.allocationRun = Number(/\/allocation\/(\d+)/.exec(new URL(page.url()).hash)[1]);
      await page.waitForFunction(() => !document.querySelector('#changes .loading'));
      await pendingIfNotAvailable(page, 'allocation changes (GET /api/allocation/runs/{id}/changes)', '#changes');
      await shot(page, '06-manager-allocation-review');
    }],
    ['applies the allocation', async (page, state) => {
      if (!state.allocationRun) throw new Pending('no proposal to apply (the propose step is pending)');
      await page.locator('#apply').click();
      await page.locator('#apply-status .notice').waitFor();
      await pendingIfNotAvailable(page, 'apply (POST /api/allocation/runs/{id}/apply)', '#apply-status');
      const status = page.locator('#apply-status .notice');
      check(await status.evaluate(e => e.classList.contains('ok')), 'apply: ' + await status.textContent());
      await shot(page, '07-manager-allocation-applied');
    }],
    ['sees the reps', async page => {
      await go(page, '/reps');
      await shot(page, '08-manager-reps');
      await pendingIfNotAvailable(page, 'reps (GET /api/reps)');
      check(await page.locator('#main table.grid tbody tr').count() >= 1, 'the reps table has rows');
    }],
  ],
};
