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

async function checker(viewport) {
  const opened = await openPage(browser, '/check.html', viewport);
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

const fixture = (name) => readFile(new URL(`../../crates/core/tests/fixtures/validate/${name}/feed.json`, import.meta.url), 'utf8');

async function checked(page, feed) {
  await page.fill('#feed-text', feed);
  await page.click('#check');
}

test('the preview is as of the "Check as of" date, and the last good one stays while there are errors', async () => {
  const { page, context, problems } = await checker();
  const overdue = await fixture('overdue-measure');
  await page.selectOption('#preview-widget', 'tracker');
  await checked(page, overdue);
  await page.waitForSelector('#preview .sp-tracker');
  const june = await page.locator('#preview').innerText();
  await page.fill('#check-date', '2023-12-01');
  await page.dispatchEvent('#check-date', 'change');
  const december = await page.locator('#preview').innerText();
  assert.notEqual(december, june, 'the tracker reads its statuses as of the chosen day');

  // Break it: the last good preview stays, and the page says it is the last good one.
  await checked(page, overdue.replace('"version": 1,', '"version": 1,,,'));
  await page.waitForSelector('.diagnostic');
  assert.match(await page.locator('#preview-status').innerText(), /The preview below is the last version without errors/);
  assert.equal(await page.locator('#preview').innerText(), december);
  assert.deepEqual(await axeViolations(page), [], 'errors listed with the last good preview');
  assert.deepEqual(problems, []);
  await context.close();
});

test('what was typed survives a reload', async () => {
  const { page, context, problems } = await checker();
  await checked(page, broken);
  await page.reload();
  await page.waitForSelector('body[data-checker-ready="true"]');
  assert.equal(await page.inputValue('#feed-text'), broken);
  assert.match(await page.locator('#feed-text-hint').innerText(), /the text you had here last time/);
  await page.waitForSelector('.diagnostic');
  assert.deepEqual(problems, []);
  await context.close();
});

test('future dates are flagged, and measures are counted the same in the message and the place', async () => {
  const { page, context, problems } = await checker();
  await checked(page, await fixture('future-date'));
  await page.waitForSelector('.diagnostic');
  const items = await page.locator('.diagnostic').allInnerTexts();
  assert.ok(items.some((t) => /last checked on 2024-07-01, which is after today/.test(t)), items.join('\n'));
  const status = items.find((t) => /status is dated 2024-06-15, which is after today/.test(t));
  assert.ok(status, items.join('\n'));
  // "measure 2" in the message is measure 2 in the place, not measures[2].
  assert.match(status, /action 1\.1 measure 2's status/);
  assert.match(status, /In workstream 1 › action 1 › measure 2 › status date \(plan\.workstreams\[0\]\.actions\[0\]\.measures\[1\]\.status_date, which counts from 0\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('quotes: a straight quote inside text and curly quotes around it are explained', async () => {
  const { page, context, problems } = await checker();
  const good = await fixture('overdue-measure');
  // Made-up test text: a quotation copied from minutes.
  await checked(page, good.replace('"We publish the waiting list"', '"We publish "the waiting list""'));
  await page.waitForSelector('.diagnostic');
  let item = await page.locator('.diagnostic').first().innerText();
  assert.match(item, /a straight double quote " inside the text ends it too early/);
  assert.match(item, /Inside text, use ' or curly quotes “like this”, or type \\" for a straight double quote/);
  await checked(page, good.replace('"We publish the waiting list"', '“We publish the waiting list”'));
  await page.waitForSelector('.diagnostic');
  item = await page.locator('.diagnostic').first().innerText();
  assert.match(item, /text starts with a curly quote “/);
  assert.match(item, /straight double quotes "/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('jumping to a problem far along a long line scrolls the box sideways to it', async () => {
  const { page, context, problems } = await checker({ width: 320, height: 640 });
  const good = await fixture('overdue-measure');
  // The fixture's measures sit on long lines; make the last one's far end wrong.
  await checked(page, good.replace('"status_date": "2024-05"}', '"status_date": "2024-05", "made_up": 1}'));
  await page.waitForSelector('.diagnostic');
  await page.locator('.diagnostic', { hasText: 'made_up' }).getByRole('button').click();
  const scrolled = await page.evaluate(() => document.getElementById('feed-text').scrollLeft);
  assert.ok(scrolled > 100, `scrolled ${scrolled} px sideways`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the preview's toggles open and close their steps (their listeners were dropped at once)", async () => {
  const { page, context, problems } = await checker();
  await page.fill('#feed-text', broken.replace('"advise"', '"advice"'));
  await page.click('#check');
  await page.waitForSelector('#preview .sp-pathway');
  const toggle = page.locator('#preview [data-sp-action="toggle"]').first();
  const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await panel.isVisible(), true);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Drawn again (the officer checks again): the one listener still serves the new markup.
  // The old drawing is marked so the wait is for the new one, not the old one still there.
  await page.evaluate(() => document.querySelector('#preview .sp-pathway').setAttribute('data-old', ''));
  await page.click('#check');
  await page.waitForSelector('#preview .sp-pathway:not([data-old])');
  await page.locator('#preview [data-sp-action="toggle"]').first().click();
  assert.equal(await page.locator('#preview [data-sp-action="toggle"]').first().getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
