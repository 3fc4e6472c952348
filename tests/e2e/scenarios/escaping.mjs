// User data is text: a customer named <script>alert(1)</script> shows those characters and runs nothing.

import { signIn, go, shot, check } from '../lib.mjs';

const NAME = '<script>alert(1)</script>';

export default {
  name: 'escaping',
  title: 'a script-tag customer name shows as text',
  options: { locale: 'en-US' },
  steps: [
    ['the name shows as text in the list and on the customer page', async page => {
      const key = process.env.E2E_XSS_CUSTOMER;
      check(key, 'E2E_XSS_CUSTOMER names the customer called ' + NAME);
      await signIn(page, process.env.E2E_ADMIN || 'admin');
      await go(page, '/customers?q=' + encodeURIComponent(key));
      const cell = page.locator('#main table.grid tbody tr td:nth-child(2) .customer-name').first();
      check((await cell.textContent()).startsWith(NAME), 'the list shows the name as text: ' + await cell.textContent());
      await go(page, '/customers/' + encodeURIComponent(key));
      check((await page.locator('#customer-name').textContent()) === NAME, 'the heading is the name as text');
      check(await page.locator('#main script').count() === 0, 'no script element in the page body');
      await page.waitForTimeout(300);
      check(page.dialogs.length === 0, 'no alert ran: ' + page.dialogs.join(', '));
      await shot(page, '30-script-name-as-text');
    }],
  ],
};
