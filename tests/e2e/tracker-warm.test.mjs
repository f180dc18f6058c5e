// The tracker's idle round of laying out closed workstreams ahead (`Live::warm`): after a change,
// every closed action (and every other closed panel) is laid out exactly once, each while it is
// in the page, and the round's DOM queries do not grow with the plan. The scenario is "Clear
// filters" after a filter, whose closed workstreams' contents are put in a task after the click:
// a round that picked its first element before they were in laid out a replaced one, detached,
// and never the new one; a round that queried the widget at each step made O(n²) DOM calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, BASE_URL } from './support.mjs';

const WIDGET = '[data-send-widget="tracker"]';
const PHONE = { width: 412, height: 823 };
let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

// Runs in the page before the widget: records each `offsetHeight` read (the element, and whether
// it was in the page) and counts `querySelectorAll` calls on the widget's elements.
function instrument() {
  const seen = { reads: [], queries: 0 };
  window.__warm = seen;
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    ...height,
    get() {
      seen.reads.push({ element: this, connected: this.isConnected });
      return height.get.call(this);
    },
  });
  const all = Element.prototype.querySelectorAll;
  Element.prototype.querySelectorAll = function (selector) {
    if (this.closest('[data-send-widget="tracker"]')) seen.queries += 1;
    return all.call(this, selector);
  };
}

test('after "Clear filters", the idle round lays out each closed action once, in the page, with a constant number of queries', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL('/progress.html', BASE_URL).href);
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  const w = page.locator(WIDGET);
  await w.getByLabel('Status').selectOption({ label: 'Complete' });
  await page.waitForFunction(() => location.hash.includes('status=complete'));

  // Clear, and count from straight after the click's own task.
  await page.evaluate(() => {
    document.querySelector('[data-send-widget="tracker"] [data-sp-action="clear-filters"]').click();
    window.__warm.reads = [];
    window.__warm.queries = 0;
  });
  // The round starts 200 ms later; it is over when nothing more is read for a while.
  await page.waitForFunction(() => {
    const seen = window.__warm;
    const now = seen.reads.length;
    const still = now > 0 && now === seen.last;
    seen.last = now;
    return still;
  }, null, { polling: 500, timeout: 30000 });

  const found = await page.evaluate(() => {
    const widget = document.querySelector('[data-send-widget="tracker"]');
    const { reads, queries } = window.__warm;
    // What a round is to lay out: each closed action, then the other closed panels, each by
    // its last element (see `to_lay_out` in crates/widgets/src/tracker.rs).
    const actions = [...widget.querySelectorAll('[data-workstream] > [hidden] > ol > li')];
    const others = [...widget.querySelectorAll('[hidden]')].filter((p) => !p.parentElement?.hasAttribute('data-workstream'));
    const expected = [...actions, ...others].map((t) => t.lastElementChild).filter((e) => e instanceof HTMLElement);
    // The widget's reads, and any of an element no longer in the page.
    const ours = reads.filter((r) => !r.connected || widget.contains(r.element));
    const times = new Map();
    for (const r of ours) times.set(r.element, (times.get(r.element) ?? 0) + 1);
    return {
      actions: actions.length,
      expected: expected.length,
      reads: ours.length,
      detached: ours.filter((r) => !r.connected).length,
      neverRead: expected.filter((e) => !times.has(e)).length,
      readTwice: expected.filter((e) => times.get(e) > 1).length,
      unexpected: ours.filter((r) => !expected.includes(r.element)).length,
      queries,
    };
  });
  console.log(`tracker warm round after "Clear filters": ${JSON.stringify(found)}`);
  assert.ok(found.actions > 20, `only ${found.actions} closed actions: the sample no longer tests a long round`);
  assert.equal(found.detached, 0, 'elements laid out after they left the page');
  assert.equal(found.neverRead, 0, 'closed elements the round never laid out');
  assert.equal(found.readTwice, 0, 'closed elements laid out more than once');
  assert.equal(found.unexpected, 0, 'elements laid out that are not closed actions or panels');
  assert.equal(found.reads, found.expected);
  // Two queries a round (the closed actions, the closed panels), not two a step.
  assert.ok(found.queries <= 4, `${found.queries} querySelectorAll calls on the widget during the round`);
  assert.deepEqual(problems, []);
  await context.close();
});
