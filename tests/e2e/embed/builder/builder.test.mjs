// The embed-code builder: choices become snippets and a live preview (iframe mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('choices update the snippets and the preview; low contrast is flagged', async () => {
  const { page, context, problems } = await openPage(browser, '/builder.html');
  await page.waitForSelector('body[data-builder-ready="true"]');
  await page.selectOption('#pathway', 'ehc-needs-assessment');
  await page.selectOption('#lang', 'bn');
  await page.selectOption('#heading', '3');
  const script = await page.locator('#script-code').inputValue();
  assert.match(script, /data-send-widget="pathway"/);
  assert.match(script, /data-pathway="ehc-needs-assessment"/);
  assert.match(script, /data-lang="bn"/);
  assert.match(script, /data-heading-level="3"/);
  assert.match(await page.locator('#iframe-code').inputValue(), /embed\.html\?widget=pathway&feed=.*&pathway=ehc-needs-assessment/);
  const frame = page.frameLocator('#preview');
  await frame.locator('[data-sp-state="ready"] h3.sp-title[lang="bn"], [data-sp-state="ready"] h3.sp-title').first().waitFor({ timeout: 15000 });
  assert.equal(await frame.locator('section.sp').getAttribute('lang'), 'bn');

  await page.locator('#colour-link').evaluate((input) => {
    input.value = '#ffff00';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.match(await page.locator('#contrast').innerText(), /link colour has contrast below 4\.5 to 1/);
  assert.match(await page.locator('#css-code').inputValue(), /--sp-link: #ffff00;/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
