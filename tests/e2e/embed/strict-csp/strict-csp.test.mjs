// Both widgets work under script-src 'self' 'wasm-unsafe-eval', style-src 'self' and Trusted
// Types, with no violation reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('both widgets mount under the strict CSP with no violation', async () => {
  const { page, context, problems } = await openFixture(browser, 'strict-csp/page.csp.html');
  await page.waitForSelector('#pathway[data-sp-state="ready"]', { timeout: 15000 });
  await page.waitForSelector('#tracker[data-sp-state="ready"]', { timeout: 15000 });
  await page.locator('#pathway .sp-toggle-all').click();
  // What the widgets do in the tasks after mounting too (laying out ahead, from 200 ms on).
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
