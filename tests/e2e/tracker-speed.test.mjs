// The tracker's work put off for speed (issue 20, item 7) changes nothing a reader gets: closed
// workstreams laid out ahead stay closed and hidden from everyone; opened, they are whole in
// Chromium's accessibility tree (nothing on screen is skipped); after "Clear filters" the
// closed workstreams' contents come straight after the click, and before any other event is
// handled; paper shows every action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axeViolations } from './support.mjs';

const WIDGET = '[data-send-widget="tracker"]';
const PHONE = { width: 412, height: 823 };
let browser;
let total;

before(async () => {
  browser = await launch();
  const feed = JSON.parse(await readFile(new URL('../../www/feed/tower-hamlets.json', import.meta.url)));
  total = feed.plans[0].workstreams.flatMap((w) => w.actions.flatMap((a) => a.measures)).length;
});
after(() => browser?.close());

async function mounted() {
  const opened = await openPage(browser, '/progress.html', PHONE);
  await opened.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  return opened;
}

/** The names Chromium's accessibility tree gives, leaving out ignored nodes. */
async function accessibleNames(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
}

test('closed workstreams laid out ahead stay closed, and open whole in the accessibility tree', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  // Long enough for the widget to lay every closed workstream out ahead.
  await page.waitForTimeout(2000);
  const toggles = w.locator('[data-sp-action="toggle"]');
  const states = await toggles.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')));
  assert.ok(states.length > 1 && states.every((s) => s === 'false'), states.join());
  const hidden = await w.locator('[data-workstream] > [hidden]').evaluateAll((ps) => ps.map((p) => p.getAttribute('hidden')));
  assert.equal(hidden.length, states.length);
  assert.ok(hidden.every((h) => h === 'until-found'), hidden.join());
  const lastMeasure = (await w.locator('.sp-measure__text').last().textContent()).trim();
  const lastAction = (await w.locator('.sp-action__title').last().textContent()).trim();
  let names = await accessibleNames(context, page);
  assert.ok(!names.some((n) => n.includes(lastMeasure)), 'a closed workstream is hidden from screen readers too');

  await w.locator('[data-sp-action="toggle-all"]').click();
  assert.ok((await toggles.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')))).every((s) => s === 'true'));
  // The last measure is far below the phone's screen, and still in the tree, with its action.
  const below = await w.locator('.sp-measure__text').last().evaluate((m) => m.getBoundingClientRect().top - innerHeight);
  assert.ok(below > 5000, `${below}`);
  names = await accessibleNames(context, page);
  assert.ok(names.some((n) => n.includes(lastMeasure)), lastMeasure);
  assert.ok(names.some((n) => n.startsWith('heading') && n.includes(lastAction)), lastAction);
  assert.ok(await w.getByRole('heading', { name: lastAction }).isVisible());
  // Nothing in an open workstream is skipped.
  const skipped = await w.locator('[data-workstream] li').evaluateAll((items) => items.filter((i) => getComputedStyle(i).contentVisibility !== 'visible').length);
  assert.equal(skipped, 0);
  assert.deepEqual(await axeViolations(page, WIDGET), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after "Clear filters" the closed workstreams are whole straight after, and before the next event', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  await w.getByLabel('Status').selectOption({ label: 'Complete' });
  await page.waitForFunction(() => location.hash.includes('status=complete'));
  const filtered = await w.locator('.sp-results .sp-measure').count();
  assert.ok(filtered < total, `${filtered} of ${total}`);
  await w.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-send-widget="tracker"] .sp-results .sp-measure').length === n,
    total,
  );
  assert.equal(await w.locator('[data-sp-count]').innerText(), `Showing ${total} of ${total} measures.`);
  await page.waitForFunction(() => location.hash === '');

  // Filter, clear and open the first workstream in one go, with no task in between: the
  // button's click finds the page whole.
  const counts = await page.evaluate(() => {
    const widget = document.querySelector('[data-send-widget="tracker"]');
    const status = widget.querySelector('select[name="status"]');
    status.value = 'complete';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    widget.querySelector('[data-sp-action="clear-filters"]').click();
    widget.querySelector('[data-sp-action="toggle"]').click();
    const first = widget.querySelector('[data-workstream]');
    return {
      measures: widget.querySelectorAll('.sp-results .sp-measure').length,
      open: first.querySelector('[aria-expanded]').getAttribute('aria-expanded'),
      shown: first.querySelector(':scope > [id$="-panel"]').hasAttribute('hidden'),
    };
  });
  assert.deepEqual(counts, { measures: total, open: 'true', shown: false });
  // Paper shows every action, closed workstreams' too.
  await page.emulateMedia({ media: 'print' });
  const onPaper = await w.locator('.sp-action').evaluateAll((actions) => actions.filter((a) => a.checkVisibility()).length);
  assert.equal(onPaper, await w.locator('.sp-action').count());
  assert.deepEqual(problems, []);
  await context.close();
});
