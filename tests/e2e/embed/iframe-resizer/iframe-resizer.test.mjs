// Iframe mode: embed.html renders one widget from its query string, and the resizer fits the
// iframe to it, accepting heights only from that iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('the iframe is sized to its widget, and grows when steps open', async () => {
  const { page, context, problems } = await openFixture(browser, 'iframe-resizer/page.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('[data-sp-state="ready"]').waitFor({ timeout: 15000 });
  const contentHeight = () => frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().bottom));
  const frameHeight = async () => Number(await page.locator('#frame').getAttribute('height'));
  await page.waitForFunction(() => Number(document.getElementById('frame').height) > 300);
  assert.ok(Math.abs((await frameHeight()) - (await contentHeight())) <= 2);
  const collapsed = await frameHeight();
  await frame.locator('.sp-toggle-all').click();
  await page.waitForFunction((h) => Number(document.getElementById('frame').height) > h, collapsed);
  // A message from any other window is ignored.
  await page.evaluate(() => window.postMessage({ type: 'send-pathways:height', height: 123 }, '*'));
  await page.waitForTimeout(200);
  assert.notEqual(await frameHeight(), 123);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
