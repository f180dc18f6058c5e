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

// Twenty Twenty-One's responsive-embeds.js (a copy of the real file) caps max-height from the
// width and height attributes on load and on every window resize: on a phone it cut the
// pathway to a fraction once all steps were open. The resizer sets the height and uncaps it.
for (const variant of ['recommended', 'old']) {
  test(`under Twenty Twenty-One's embed script, ${variant} iframe code shows the whole pathway on a phone`, async () => {
    const { page, context, problems } = await openFixture(browser, `iframe-resizer/themed-${variant}.html`, { width: 390, height: 844 });
    const frame = page.frameLocator('#frame');
    await frame.locator('[data-sp-state="ready"]').waitFor({ timeout: 15000 });
    await frame.locator('.sp-toggle-all').click();
    const contentHeight = () => frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().bottom));
    const shown = () => page.locator('#frame').evaluate((f) => Math.round(f.getBoundingClientRect().height));
    // The theme runs again on resize; the frame must stay uncapped.
    await page.setViewportSize({ width: 380, height: 844 });
    await page.waitForFunction(() => document.getElementById('frame').getBoundingClientRect().height > 3000);
    await page.waitForTimeout(300);
    const content = await contentHeight();
    assert.ok(Math.abs((await shown()) - content) <= 2, `frame ${await shown()} px, content ${content} px`);
    const style = await page.locator('#frame').evaluate((f) => {
      const s = getComputedStyle(f);
      return { maxHeight: s.maxHeight, border: s.borderTopWidth, width: f.getBoundingClientRect().width, parent: f.parentElement.getBoundingClientRect().width };
    });
    assert.equal(style.maxHeight, 'none');
    assert.equal(style.border, '0px');
    assert.ok(Math.abs(style.width - style.parent) <= 1, `frame ${style.width} px wide in ${style.parent} px`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
