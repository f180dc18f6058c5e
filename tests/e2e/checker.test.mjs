// The officer's checker page: paste a broken feed, see where and why, jump to the line, fix it
// and watch the preview update. Runs the same validator as `sendfeed`, compiled to wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axeViolations } from './support.mjs';

let browser;
let broken;
before(async () => {
  browser = await launch();
  const fixture = new URL('../../crates/core/tests/fixtures/validate/unknown-service/feed.json', import.meta.url);
  broken = await readFile(fixture, 'utf8');
});
after(() => browser?.close());

async function checker() {
  const opened = await openPage(browser, '/check.html');
  await opened.page.waitForSelector('body[data-checker-ready="true"]', { timeout: 15000 });
  // The fixtures are written as of this date, as in the native tests.
  await opened.page.fill('#check-date', '2024-06-01');
  return opened;
}

test('a broken feed lists its problem; clicking it selects the line; fixing it shows the preview', async () => {
  const { page, context, problems } = await checker();
  await page.fill('#feed-text', broken);
  await page.click('#check');
  await page.waitForSelector('.diagnostic');
  assert.match(await page.locator('#summary').innerText(), /^1 error, 0 warnings: fix the errors/);
  const item = page.locator('.diagnostic').first();
  assert.match(await item.innerText(), /there is no service with the id "advise"/);
  assert.match(await item.innerText(), /Did you mean "advice"\?/);
  assert.match(await page.locator('#preview-status').innerText(), /the feed has errors/);

  await item.locator('button').click();
  const selected = await page.evaluate(() => {
    const area = document.getElementById('feed-text');
    const before = area.value.slice(0, area.selectionStart);
    return { line: before.split('\n').length, text: area.value.slice(area.selectionStart, area.selectionEnd), focused: document.activeElement === area };
  });
  assert.equal(selected.line, 34);
  assert.ok(selected.focused);
  assert.match(selected.text, /advise/);

  await page.fill('#feed-text', broken.replace('"advise"', '"advice"'));
  await page.click('#check');
  await page.waitForSelector('#preview .sp-pathway');
  assert.match(await page.locator('#summary').innerText(), /^0 errors, 0 warnings: the feed can be published/);
  const steps = await page.locator('#preview .sp-step__title').allTextContents();
  assert.deepEqual(steps, ['Ask for help', 'Wait', 'Assessment']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the checker page has no WCAG 2.2 A/AA violations with problems listed', async () => {
  const { page, context } = await checker();
  await page.fill('#feed-text', broken.replace('"version": 1,', '"version": 1,,'));
  await page.click('#check');
  await page.waitForSelector('.diagnostic');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
