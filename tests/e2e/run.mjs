// The browser tests: node tests/e2e/run.mjs with BASE_URL pointing at a running `allot serve` on the demo book
// (users admin, manager, rep-a, rep-b; E2E_PASSWORD). Exit 0 when no step failed; pending steps (an endpoint the
// server does not offer yet) are listed but do not fail the run. Screenshots go to tests/e2e/artifacts/.

import { launch, newPage, Pending, baseUrl, artifacts } from './lib.mjs';
import manager from './scenarios/manager.mjs';
import rep from './scenarios/rep.mjs';
import language from './scenarios/language.mjs';
import escaping from './scenarios/escaping.mjs';

const scenarios = [manager, rep, language, escaping];
const only = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : null;

const results = [];
const { browser, close } = await launch();
console.log(`e2e against ${baseUrl}; screenshots in ${artifacts}`);
try {
  for (const scenario of scenarios) {
    if (only && !only.includes(scenario.name)) continue;
    const { context, page } = await newPage(browser, scenario.options);
    const state = {};
    console.log(`\n${scenario.name}: ${scenario.title}`);
    for (const [name, step] of scenario.steps) {
      const started = Date.now();
      try {
        await step(page, state, browser);
        if (page.problems.length) throw new Error(page.problems.splice(0).join('; '));
        results.push({ scenario: scenario.name, name, status: 'pass' });
        console.log(`  PASS     ${name} (${Date.now() - started} ms)`);
      } catch (err) {
        if (err instanceof Pending) {
          results.push({ scenario: scenario.name, name, status: 'pending', why: err.message });
          console.log(`  PENDING  ${name}: ${err.message}`);
          continue;
        }
        results.push({ scenario: scenario.name, name, status: 'fail', why: err.message });
        console.log(`  FAIL     ${name}: ${err.stack || err.message}`);
        try { await page.screenshot({ path: `${artifacts}/FAILED-${scenario.name}.png`, fullPage: true }); } catch { /* best effort */ }
        break; // later steps of this scenario depend on this one
      }
    }
    await context.close();
  }
} finally {
  await close();
}

const count = s => results.filter(r => r.status === s).length;
console.log(`\ne2e: ${count('pass')} passed, ${count('pending')} pending, ${count('fail')} failed`);
// E2E_STRICT=1: a pending step fails the run too (once every endpoint the UI uses is on the server).
const strict = process.env.E2E_STRICT === '1' && count('pending') > 0;
if (strict) console.log('E2E_STRICT=1: pending steps count as failures');
process.exit(count('fail') > 0 || strict || results.length === 0 ? 1 : 0);
