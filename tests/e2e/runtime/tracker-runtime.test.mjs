// The tracker's runtime (issue 20): a filter change patches the page (the count's live region,
// the results and the field in use stay the same elements), typing announces once after a
// pause, a removed placeholder's widget ends, the saved-copy notice survives, and feed ids with
// dots, quotes and brackets work. The feed is made up (runtime/tracker/feed.json).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, launch, axeViolations } from '../support.mjs';

const FILES = new URL('./tracker/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Serves runtime/tracker/ at /__tracker_runtime__/ on the site's origin; `feedDown` fails the feed. */
async function open({ feedDown = false, context } = {}) {
  context ??= await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.unroute('**/__tracker_runtime__/**').catch(() => {});
  await context.route('**/__tracker_runtime__/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/__tracker_runtime__\//, '');
    if (feedDown && name === 'feed.json') return route.abort('failed');
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json';
    await route.fulfill({ status: 200, headers: { 'content-type': type, 'cache-control': 'no-store' }, body: await readFile(new URL(name, FILES)) });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL('/__tracker_runtime__/page.html', BASE_URL).href);
  await page.waitForSelector('#first[data-sp-state="ready"]', { timeout: 30000 });
  await page.waitForSelector('#second[data-sp-state="ready"]', { timeout: 30000 });
  return { page, context, problems };
}

/** The loader's build, imported again: the same module instance, so its exports are the page's. */
const glue = (page, call) =>
  page.evaluate(async (call) => {
    const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/send-(tracker|widgets)(\.[0-9a-f]+)?\.js$/.test(n));
    return (await import(url))[call]();
  }, call);

async function axeBothColours(page, label) {
  assert.deepEqual(await axeViolations(page), [], label);
  await page.emulateMedia({ forcedColors: 'active' });
  assert.deepEqual(await axeViolations(page), [], `${label}, forced colours`);
  await page.emulateMedia({ forcedColors: 'none' });
}

test('a filter change patches: the count region, the results and the select stay the same elements, with the new words', async () => {
  const { page, context, problems } = await open();
  const first = page.locator('#first');
  await page.evaluate(() => {
    const w = document.querySelector('#first');
    window.kept = {
      count: w.querySelector('[role="status"][data-sp-count]'),
      results: w.querySelector('[data-sp-results]'),
      status: w.querySelector('select[name="status"]'),
      section: w.querySelector('section'),
    };
  });
  const same = () => page.evaluate(() => {
    const w = document.querySelector('#first');
    return {
      count: window.kept.count === w.querySelector('[role="status"][data-sp-count]'),
      results: window.kept.results === w.querySelector('[data-sp-results]'),
      status: window.kept.status === w.querySelector('select[name="status"]'),
      section: window.kept.section === w.querySelector('section'),
    };
  });
  const all = { count: true, results: true, status: true, section: true };
  assert.equal(await page.evaluate(() => window.kept.count.textContent), 'Showing 6 of 6 measures. Showing 3 of 3 updates.');
  await axeBothColours(page, 'as loaded');
  const drawnBefore = await glue(page, 'nodesDrawn');
  const status = first.getByLabel('Status');
  await status.focus();
  await status.selectOption({ label: 'Complete' });
  await page.waitForFunction(() => window.kept.count.textContent === 'Showing 2 of 6 measures.');
  assert.deepEqual(await same(), all);
  assert.equal(await page.evaluate(() => document.activeElement === window.kept.status), true, 'focus stays on the select');
  assert.equal(await first.locator('.sp-results .sp-measure').count(), 2);
  assert.match(await page.evaluate(() => location.hash), /^#tracker:status=complete$/);
  // Only the results changed: far fewer nodes drawn than the widget has.
  const drawn = (await glue(page, 'nodesDrawn')) - drawnBefore;
  const total = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('#first section'), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let nodes = 1;
    while (walker.nextNode()) nodes += 1;
    return nodes;
  });
  assert.ok(drawn > 0 && drawn < total / 2, `${drawn} nodes drawn of ${total}`);
  await axeBothColours(page, 'filtered');
  // A workstream's button opens it in place; focus stays on it.
  const toggle = first.getByRole('button', { name: /Workstream 3'c/ });
  await first.getByLabel('Status').selectOption({ label: 'All' });
  await page.waitForFunction(() => window.kept.count.textContent === 'Showing 6 of 6 measures.');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true');
  assert.deepEqual(await same(), all);
  await axeBothColours(page, 'a workstream opened');
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing "ehcp" in the words filter announces once, after the pause, and says only what changed', async () => {
  const { page, context, problems } = await open();
  const first = page.locator('#first');
  await page.evaluate(() => {
    const count = document.querySelector('#first [data-sp-count]');
    window.said = [];
    new MutationObserver(() => {
      const text = count.textContent;
      if (window.said.at(-1) !== text) window.said.push(text);
    }).observe(count, { childList: true, characterData: true, subtree: true });
  });
  const words = first.getByLabel('Words to search for');
  await words.focus();
  await page.keyboard.type('ehcp', { delay: 60 });
  // The results follow each key at once; the count waits.
  await page.waitForFunction(() => window.said.length > 0);
  // Longer than the pause again: nothing more is said.
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.said), ['Showing 3 of 6 measures. Showing 1 of 3 updates.']);
  assert.equal(await first.locator('.sp-results .sp-measure').count(), 3);
  assert.equal(await words.inputValue(), 'ehcp');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q');
  assert.match(await page.evaluate(() => location.hash), /q=ehcp/);
  await axeBothColours(page, 'words typed');
  // Clearing empties the field the state drew, and says the count once.
  await first.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => window.said.length === 2);
  assert.equal(await words.inputValue(), '');
  assert.equal(await page.evaluate(() => window.said[1]), 'Showing 6 of 6 measures. Showing 3 of 3 updates.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a removed tracker placeholder ends its widget: it no longer reacts and holds no listeners', async () => {
  const { page, context, problems } = await open();
  const both = await glue(page, 'listenerCount');
  assert.ok(both > 0);
  await page.evaluate(() => { window.removed = document.querySelector('#second'); window.removed.remove(); });
  await page.waitForFunction(async () => true);
  await page.waitForFunction(
    async (both) => {
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/send-(tracker|widgets)(\.[0-9a-f]+)?\.js$/.test(n));
      return (await import(url)).listenerCount() === both / 2;
    },
    both,
  );
  const reacts = await page.evaluate(() => {
    const toggle = window.removed.querySelector('.sp-workstream__toggle');
    toggle.click();
    const select = window.removed.querySelector('select[name="status"]');
    select.value = 'complete';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return {
      expanded: toggle.getAttribute('aria-expanded'),
      measures: window.removed.querySelectorAll('.sp-results .sp-measure').length,
      hash: location.hash,
    };
  });
  assert.deepEqual(reacts, { expanded: 'false', measures: 6, hash: '' }, 'the removed widget does not answer');
  const toggle = page.locator('#first').getByRole('button', { name: /Workstream 1\.a/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the other widget does');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the saved-copy notice survives a filter change, by the form and by the address', async () => {
  const first = await open();
  // The first visit saved the feed in this browser; now it cannot be fetched.
  await first.page.close();
  const { page, context } = await open({ feedDown: true, context: first.context });
  const notice = page.locator('#first').getByText('You are seeing the copy saved in this browser');
  await notice.waitFor();
  await page.locator('#first').getByLabel('Status').selectOption({ label: 'Complete' });
  // Waiting on the results, not the count's words, so this checks the notice alone.
  await page.waitForFunction(() => document.querySelectorAll('#first .sp-results .sp-measure').length === 2);
  assert.equal(await notice.count(), 1);
  await page.evaluate(() => { location.hash = '#tracker:q=ehcp'; });
  await page.waitForFunction(() => document.querySelectorAll('#first .sp-results .sp-measure').length === 3);
  assert.equal(await notice.count(), 1, 'the notice is still there after the address changed');
  await axeBothColours(page, 'saved copy, filtered');
  await context.close();
});

test("feed ids with dots, quotes and brackets: workstreams open and the charts' tables are named", async () => {
  const { page, context, problems } = await open();
  const first = page.locator('#first');
  const odd = first.getByRole('button', { name: /Workstream 2"b"\[x\]/ });
  await odd.click();
  assert.equal(await odd.getAttribute('aria-expanded'), 'true');
  assert.equal(await first.getByText('Made up: leaflets in every language').isVisible(), true);
  const panel = await odd.getAttribute('aria-controls');
  // The made-up id made a valid id token: `"`, `[` and `]` as `_` and their hex.
  assert.equal(panel, 'sp1-workstream-2_22b_22_5bx_5d-panel');
  // The chart's table region is named by its caption through a valid id.
  const region = first.locator('.sp-chart__data').first();
  const caption = await region.locator('caption').innerText();
  assert.equal(await first.getByRole('region', { name: caption }).count(), 1);
  assert.equal(await first.getByRole('table').first().isVisible(), true);
  await axeBothColours(page, 'workstream opened');
  assert.deepEqual(problems, []);
  await context.close();
});
