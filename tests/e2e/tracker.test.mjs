// The progress page: the tracker widget shows the improvement plan with statuses worked out
// for today, filters kept in the address, charts with table alternatives, in English and
// Bengali, by keyboard, at 320 px and in print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { BASE_URL, launch, openPage, axeViolations } from './support.mjs';

const WIDGET = '[data-send-widget="tracker"]';
const SHOTS = new URL('../output/', import.meta.url);
let browser;
let feed;

before(async () => {
  browser = await launch();
  feed = JSON.parse(await readFile(new URL('../../www/feed/tower-hamlets.json', import.meta.url)));
  await mkdir(SHOTS, { recursive: true });
});
after(() => browser?.close());

// The plan the tracker opens on: the sample's first, the WSoA (no plan is marked current, and
// the first is neither closed nor followed by another).
const plan = () => feed.plans[0];
const measures = () => plan().workstreams.flatMap((w) => w.actions.flatMap((a) => a.measures));

async function mounted(path = '/progress.html', viewport, lang) {
  const opened = await openPage(browser, path, viewport, { lang });
  await opened.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  return opened;
}

const count = (page) => page.locator(`${WIDGET} [data-sp-count]`).innerText();

test('the plan, its freshness and a status in words for every measure', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  assert.equal(await w.locator('.sp-caption').innerText(), plan().label);
  assert.equal(await w.locator('.sp-title').innerText(), plan().title);
  assert.match(await w.locator('.sp-updated').innerText(), /Information last checked: \d+ \w+ \d{4}/);
  const shown = w.locator('.sp-results .sp-measure');
  assert.equal(await shown.count(), measures().length);
  // Every measure says its status in words, with a decorative shape beside it.
  const words = await w.locator('.sp-results .sp-measure .sp-status__word').allInnerTexts();
  assert.equal(words.length, measures().length);
  assert.ok(words.every((word) => word.trim().length > 0));
  assert.equal(await w.locator('.sp-results .sp-measure svg:not([aria-hidden="true"])').count(), 0);
  // The sample records no statuses: a passed deadline says no update was published, never
  // that the work is overdue.
  assert.ok(words.includes('No update since the deadline'));
  assert.ok(!words.includes('Overdue'));
  assert.equal(await w.locator('.sp-results .sp-measure--overdue').count(), 0);
  // The key defines all nine words once.
  assert.equal(await w.locator('.sp-key dt').count(), 9);
  // The headline agrees with the measures on the page.
  const complete = await w.locator('.sp-results .sp-measure--complete').count();
  const headline = await w.locator('.sp-glance .sp-summary__headline').innerText();
  assert.ok(headline.startsWith(`${complete} of ${measures().length} measures complete`), headline);
  assert.match(await count(page), new RegExp(`Showing ${measures().length} of ${measures().length} measures`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('filters narrow the plan, are announced, and live in the address', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  await w.locator('select[name="status"]').selectOption('no-update');
  await page.waitForFunction(() => location.hash.includes('status=no-update'));
  const unreported = await w.locator('.sp-results .sp-measure').count();
  assert.equal(await w.locator('.sp-results .sp-measure:not(.sp-measure--no-update)').count(), 0);
  assert.match(await count(page), new RegExp(`Showing ${unreported} of `));
  assert.equal(await w.locator('[data-sp-count]').getAttribute('role'), 'status');
  await w.locator('input[name="q"]').fill('annual review');
  await page.waitForFunction(() => location.hash.includes('q=annual%20review'));
  const both = await w.locator('.sp-results .sp-measure').count();
  assert.ok(both > 0 && both < unreported, `${both} of ${unreported}`);
  assert.deepEqual(await axeViolations(page), [], 'filtered');
  await page.screenshot({ path: new URL('tracker-filtered-1280.png', SHOTS).pathname });
  // A shared link opens with the same filters, in the form and in the results.
  const link = page.url();
  const second = await context.newPage();
  await second.goto(link);
  await second.waitForSelector(`${WIDGET}[data-sp-state="ready"]`);
  assert.equal(await second.locator('select[name="status"]').inputValue(), 'no-update');
  assert.equal(await second.locator('input[name="q"]').inputValue(), 'annual review');
  assert.equal(await second.locator(`${WIDGET} .sp-results .sp-measure`).count(), both);
  // Clearing puts everything back and empties the address.
  await w.locator('[data-sp-action="clear-filters"]').click();
  await page.waitForFunction(() => location.hash === '');
  assert.equal(await w.locator('.sp-results .sp-measure').count(), measures().length);
  // Nothing has a status date in the sample, so nothing changed since a date; updates can.
  // "Changed since" is three fields (GOV.UK's date input): a half-typed date filters nothing.
  const since = w.getByRole('group', { name: 'Changed since' });
  await since.getByLabel('Day').fill('1');
  await since.getByLabel('Month').fill('1');
  assert.equal(await w.locator('.sp-results .sp-measure').count(), measures().length);
  await since.getByLabel('Year').fill('2024');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.hash.includes('since=2024-01-01'));
  assert.match(await since.getAttribute('aria-describedby'), /filter-since-hint/);
  assert.equal(await w.locator('.sp-results .sp-measure').count(), 0);
  const dates = await w.locator('.sp-update__date').allInnerTexts();
  assert.ok(dates.length > 0 && dates.every((d) => /2024/.test(d)), dates.join());
  assert.deepEqual(problems, []);
  await context.close();
});

test('workstreams start closed under their tallies; a button, Show all, a filter or find in page opens them', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  const toggles = w.locator('.sp-workstream__toggle');
  const panels = w.locator('.sp-workstream__panel');
  const n = plan().workstreams.length;
  assert.equal(await toggles.count(), n);
  // Closed: each heading is a button that says so, and its tally is still shown.
  for (let i = 0; i < n; i += 1) {
    assert.equal(await toggles.nth(i).getAttribute('aria-expanded'), 'false');
    assert.equal(await panels.nth(i).isVisible(), false);
  }
  assert.equal(await w.locator('.sp-workstream .sp-summary').count() >= n, true);
  const first = plan().workstreams[0];
  assert.match(await toggles.first().innerText(), new RegExp(`Workstream ${first.id}: `));
  // One opens by keyboard, and its first action is shown.
  await toggles.first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggles.first().getAttribute('aria-expanded'), 'true');
  assert.equal(await panels.first().isVisible(), true);
  assert.equal(await w.locator('.sp-action__ref').first().isVisible(), true);
  // Show all opens the rest and then offers to hide them.
  const all = w.locator('[data-sp-action="toggle-all"]');
  assert.equal(await all.innerText(), 'Show all workstreams');
  await all.click();
  assert.equal(await all.innerText(), 'Hide all workstreams');
  assert.equal(await all.getAttribute('aria-expanded'), 'true');
  for (let i = 0; i < n; i += 1) assert.equal(await panels.nth(i).isVisible(), true);
  await all.click();
  assert.equal(await panels.last().isVisible(), false);
  // Find in page: the browser opens the panel and fires beforematch; the button follows.
  await panels.last().evaluate((panel) => {
    panel.removeAttribute('hidden');
    panel.dispatchEvent(new Event('beforematch', { bubbles: true }));
  });
  assert.equal(await toggles.last().getAttribute('aria-expanded'), 'true');
  // A filter shows what it matched open.
  await w.locator('input[name="q"]').fill('annual review');
  await page.waitForFunction(() => location.hash.includes('q=annual'));
  const open = await w.locator('.sp-workstream__toggle').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')));
  assert.ok(open.length > 0 && open.every((v) => v === 'true'), open.join());
  assert.equal(await w.locator('.sp-results .sp-measure').first().isVisible(), true);
  assert.deepEqual(await axeViolations(page, WIDGET), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"You said, we did" is newest first, the newest five shown until asked', async () => {
  const { page, context } = await mounted();
  assert.equal(await page.locator(`${WIDGET} .sp-update:visible`).count(), 5);
  const earlier = page.locator(`${WIDGET} [data-sp-action="disclose"][aria-controls$="updates-earlier"]`);
  assert.equal(await earlier.innerText(), `Show ${feed.updates.length - 5} earlier updates`);
  assert.equal(await earlier.getAttribute('aria-expanded'), 'false');
  await earlier.focus();
  await page.keyboard.press('Enter');
  assert.equal(await earlier.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator(`${WIDGET} .sp-update:visible`).count(), feed.updates.length);
  // "Show all workstreams" is about workstreams only.
  await page.locator(`${WIDGET} [data-sp-action="toggle-all"]`).click();
  assert.equal(await earlier.getAttribute('aria-expanded'), 'true');
  const dates = await page.locator(`${WIDGET} .sp-update__date`).allInnerTexts();
  assert.equal(dates.length, feed.updates.length);
  const years = dates.map((d) => Number(d.match(/\d{4}/)[0]));
  assert.deepEqual(years, [...years].sort((a, b) => b - a));
  await context.close();
});

test('charts have labelled axes, and their table below them for everyone, scrollable by keyboard', async () => {
  const { page, context, problems } = await mounted();
  const chart = page.locator(`${WIDGET} .sp-chart`).first();
  const svg = chart.locator('svg.sp-chart__svg');
  // The drawing is for sighted readers; its figures are in the table screen readers get.
  assert.equal(await svg.getAttribute('aria-hidden'), 'true');
  assert.ok((await svg.locator('text').allTextContents()).includes('Number'));
  // No inline styles anywhere in the widget: a strict CSP forbids them.
  assert.equal(await page.locator(`${WIDGET} [style]`).count(), 0);
  // No switch: it changed nothing for a screen reader, so the table is simply shown, below.
  assert.equal(await page.locator(`${WIDGET} .sp-chart button`).count(), 0);
  const order = await chart.evaluate((c) => [...c.children].map((e) => e.className));
  assert.deepEqual(order, ['sp-chart__graphic', 'sp-chart__data'], order.join());
  const caption = await chart.locator('caption').innerText();
  const region = chart.getByRole('region', { name: caption });
  assert.equal(await region.isVisible(), true);
  await region.focus();
  assert.equal(await region.evaluate((r) => r === document.activeElement), true);
  const box = await chart.locator('table').boundingBox();
  assert.ok(box.width > 100, `table is visible (${box.width}px)`);
  assert.deepEqual(await axeViolations(page), []);
  await chart.screenshot({ path: new URL('tracker-table-1280.png', SHOTS).pathname });
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: Tab reaches every filter in order, typing filters', async () => {
  const { page, context } = await mounted();
  await page.locator(`${WIDGET} select[name="workstream"]`).focus();
  const names = [];
  for (let i = 0; i < 6; i += 1) {
    names.push(await page.evaluate(() => document.activeElement.getAttribute('name')));
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(names, ['workstream', 'priority', 'status', 'lead', 'q', 'since-day']);
  await page.locator(`${WIDGET} input[name="q"]`).focus();
  await page.keyboard.type('golden thread');
  await page.waitForFunction(() => location.hash.includes('q=golden%20thread'));
  assert.equal(await page.locator(`${WIDGET} .sp-results .sp-measure`).count(), 1);
  // Focus stayed in the search box while the results were redrawn.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'q');
  await context.close();
});

test('Bengali: the same widget speaks the catalogue\'s Bengali, and axe passes', async () => {
  const { page, context, problems } = await openPage(browser, '/index.html');
  await page.route('**/progress.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-send-widget="tracker"', 'data-lang="bn" data-send-widget="tracker"');
    await route.fulfill({ response, body: html });
  });
  await page.goto(page.url().replace('index.html', 'progress.html'));
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  const w = page.locator(WIDGET);
  assert.equal(await w.locator('section.sp-tracker').getAttribute('lang'), 'bn');
  assert.ok((await w.locator('h3').allInnerTexts()).includes('এক নজরে অগ্রগতি'));
  // Feed text with no Bengali translation is marked as English for screen readers.
  assert.equal(await w.locator('.sp-title').getAttribute('lang'), 'en');
  assert.deepEqual(await axeViolations(page), [], 'Bengali');
  await page.screenshot({ path: new URL('tracker-bn-1280.png', SHOTS).pathname });
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 320 px, in English and Bengali: no horizontal scrolling and no axe violations', async () => {
  for (const lang of ['en', 'bn']) {
    const { page, context } = await mounted('/progress.html', { width: 320, height: 640 }, lang);
    assert.equal(await page.locator(`${WIDGET} section`).first().getAttribute('lang'), lang);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false, lang);
    assert.deepEqual(await axeViolations(page), [], `320 px, ${lang}`);
    const suffix = lang === 'en' ? '' : '-bn';
    await page.screenshot({ path: new URL(`tracker${suffix}-320.png`, SHOTS).pathname });
    await page.locator(`${WIDGET} .sp-indicator:has(.sp-chart)`).first().screenshot({ path: new URL(`tracker-chart${suffix}-320.png`, SHOTS).pathname });
    await context.close();
  }
});

test('print: filters hidden, the whole plan, every chart with its table, nothing clipped', async () => {
  const { page, context } = await mounted();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator(`${WIDGET} .sp-filters`).isVisible(), false);
  // Paper shows every workstream, though on screen they start closed.
  const measuresShown = page.locator(`${WIDGET} .sp-measure`);
  assert.equal(await measuresShown.count(), measures().length);
  const heights = await measuresShown.evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().height));
  assert.ok(heights.every((h) => h > 0), `${heights.filter((h) => h === 0).length} measures not printed`);
  const tables = page.locator(`${WIDGET} .sp-chart table`);
  const widths = await tables.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().width));
  assert.ok(widths.length > 0 && widths.every((w) => w > 100), widths.join());
  assert.equal(await page.locator(`${WIDGET} .sp-chart__graphic:visible`).count(), widths.length);
  // Every update and every key figure not published yet is on paper too, with no buttons.
  const printed = (selector) => page.locator(`${WIDGET} ${selector}`)
    .evaluateAll((items) => items.filter((i) => i.getBoundingClientRect().height > 0).length);
  assert.equal(await printed('.sp-update'), feed.updates.length);
  assert.ok(await printed('.sp-awaiting__item') > 0);
  assert.equal(await page.locator(`${WIDGET} .sp-disclose:visible`).count(), 0);
  await page.screenshot({ path: new URL('tracker-print.png', SHOTS).pathname, fullPage: false });
  await context.close();
});

test('a missing feed keeps the static fallback and says why', async () => {
  // A fresh context with the feed missing from the first request, so no copy of it exists.
  const context = await browser.newContext();
  await context.route('**/feed/tower-hamlets.json', (route) => route.fulfill({ status: 404, body: 'x' }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(new URL('/progress.html', BASE_URL).href);
  await page.waitForSelector(`${WIDGET}[data-sp-state="failed"]`, { timeout: 30000 });
  assert.match(await page.locator(`${WIDGET} .sp-notice`).first().innerText(), /could not be updated/);
  assert.equal(await page.locator(`${WIDGET} .sp-measure`).count(), measures().length);
  assert.equal(await page.locator(`${WIDGET} button, ${WIDGET} form`).count(), 0);
  assert.ok(problems.some((p) => p.includes('404')), problems.join('\n'));
  await context.close();
});
