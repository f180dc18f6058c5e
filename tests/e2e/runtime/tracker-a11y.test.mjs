// The tracker's charts for screen readers, forced colours and narrow screens (issue 20, must-show
// 6), on the sample feed. "Show as a table" is gone: the table was in the accessibility tree in
// both views, so the switch changed nothing for a screen reader; now the drawing (hidden from
// screen readers) is followed by its table for everyone. Each table is a region named by its
// own caption; Chromium's accessibility tree holds the table and never the drawing; axe is
// clean, also with forced colours, where the chart takes the system colours; at 320 px each
// table sits in its own focusable region that scrolls, and the page never scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, axeViolations } from '../support.mjs';

const WIDGET = '[data-send-widget="tracker"]';
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

async function mounted(viewport) {
  const opened = await openPage(browser, '/progress.html', viewport);
  await opened.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  return opened;
}

/** axe clean in the normal colours and with forced colours on the same state. */
async function axeBoth(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  await page.emulateMedia({ forcedColors: 'active' });
  assert.deepEqual(await axeViolations(page), [], `${what}, forced colours`);
  await page.emulateMedia({ forcedColors: 'none' });
}

/** Chromium's accessibility tree under `selector`: "role: name" of each node it exposes. */
async function axTree(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId });
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && !['generic', 'none', 'InlineTextBox', 'LineBreak'].includes(n.role?.value))
    .map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`.trim());
}

test('no chart has a switch; each table is a region with its own name, and the tree holds the table and no drawing', async () => {
  const { page, context, problems } = await mounted();
  const charts = page.locator(`${WIDGET} .sp-chart`);
  const count = await charts.count();
  assert.ok(count > 1, `${count} charts`);
  assert.equal(await page.getByRole('button', { name: /as a (table|chart)/ }).count(), 0);
  const captions = await charts.locator('caption').allTextContents();
  assert.equal(captions.length, count);
  assert.equal(new Set(captions).size, count, captions.join(' | '));
  for (const title of captions) {
    assert.equal(await page.getByRole('region', { name: title, exact: true }).count(), 1, title);
  }
  const chart = charts.first();
  const id = await chart.getAttribute('id');
  const title = captions[0];
  const tree = await axTree(page, `#${id}`);
  assert.ok(tree.includes(`region: ${title}`), tree.join('\n'));
  assert.ok(tree.includes(`table: ${title}`), tree.join('\n'));
  assert.ok(tree.includes('columnheader: Actual'), tree.join('\n'));
  // Not the drawing: no image, none of its axis words or legend.
  assert.ok(!tree.some((n) => /^(image|img|graphics-document)/.test(n)), tree.join('\n'));
  assert.ok(!tree.some((n) => n.startsWith('StaticText: Number') || n.startsWith('list')), tree.join('\n'));
  assert.ok(!tree.some((n) => n.startsWith('button')), tree.join('\n'));
  // Both are shown: the drawing, then the table.
  assert.equal(await chart.locator('.sp-chart__graphic').isVisible(), true);
  assert.equal(await chart.locator('table').isVisible(), true);
  await axeBoth(page, 'charts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('forced colours: the chart\'s axes, lines and labels take the system colours', async () => {
  const { page, context } = await mounted();
  await page.emulateMedia({ forcedColors: 'active' });
  const colours = await page.evaluate((widget) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.style.color = 'CanvasText';
    const text = getComputedStyle(probe).color;
    probe.style.color = 'Canvas';
    const canvas = getComputedStyle(probe).color;
    probe.remove();
    const style = (selector, property) => getComputedStyle(document.querySelector(`${widget} .sp-chart__svg ${selector}`))[property];
    return {
      text,
      canvas,
      axis: style('.sp-chart__axis', 'stroke'),
      actual: style('.sp-chart__actual', 'stroke'),
      tick: style('.sp-chart__tick', 'fill'),
      axisTitle: style('.sp-chart__axis-title', 'fill'),
      point: style('.sp-chart__actual-point', 'fill'),
    };
  }, WIDGET);
  for (const part of ['axis', 'actual', 'tick', 'axisTitle', 'point']) {
    assert.equal(colours[part], colours.text, `${part}: ${JSON.stringify(colours)}`);
  }
  assert.notEqual(colours.text, colours.canvas);
  await context.close();
});

test('320 px: the page never scrolls sideways; each table is in its own named region a keyboard reaches and scrolls', async () => {
  const { page, context, problems } = await mounted({ width: 320, height: 640 });
  const charts = page.locator(`${WIDGET} .sp-chart`);
  await page.getByRole('button', { name: 'Show all workstreams' }).click().catch(() => {});
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 320, `page ${await width()} px wide`);
  const regions = await charts.locator('.sp-chart__data').evaluateAll((rs) => rs.map((r) => ({
    role: r.getAttribute('role'),
    name: document.getElementById(r.getAttribute('aria-labelledby'))?.textContent,
    tabindex: r.getAttribute('tabindex'),
    overflow: getComputedStyle(r).overflowX,
    scrolls: r.scrollWidth > r.clientWidth,
    right: r.getBoundingClientRect().right,
  })));
  assert.ok(regions.length > 1);
  for (const r of regions) {
    assert.equal(r.role, 'region');
    assert.ok(r.name);
    assert.equal(r.tabindex, '0');
    assert.equal(r.overflow, 'auto');
    assert.ok(r.right <= 320, JSON.stringify(r));
  }
  // A table made wider than the screen (made-up test content) scrolls inside its region, by
  // keyboard, and the page still does not.
  const region = charts.first().locator('.sp-chart__data');
  await region.locator('caption').evaluate((c) => { c.textContent += ' (made-up test words that make the caption one very long unbreakable line: Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz)'; });
  await region.locator('th').first().evaluate((th) => { th.textContent = 'Made-up-very-wide-column-heading-for-the-test-that-cannot-wrap-anywhere'; });
  assert.equal(await region.evaluate((r) => r.scrollWidth > r.clientWidth), true);
  assert.ok(await width() <= 320, `page ${await width()} px wide with a wide table`);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
  await axeBoth(page, '320 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"changed since" is a GOV.UK date input: a half-typed date filters and says nothing, a whole one filters once, an impossible one is said at the fields', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  const since = w.getByRole('group', { name: 'Changed since' });
  const hint = await page.locator(`#${(await since.getAttribute('aria-describedby')).split(' ')[0]}`).innerText();
  assert.match(hint, /For example, 27 3 2024/);
  const count = w.locator('[data-sp-count]');
  const before = await count.innerText();
  const updates = () => w.locator('.sp-results .sp-update').count();
  const all = await updates();
  // Count how often the live region's words change.
  await count.evaluate((c) => {
    window.spCountChanges = 0;
    new MutationObserver(() => { window.spCountChanges += 1; }).observe(c, { childList: true, characterData: true, subtree: true });
  });
  await since.getByLabel('Day').fill('1');
  await since.getByLabel('Month').fill('1');
  await since.getByLabel('Year').fill('20');
  await page.waitForTimeout(1000);
  assert.equal(await updates(), all);
  assert.equal(await count.innerText(), before);
  assert.equal(await page.evaluate(() => window.spCountChanges), 0);
  // The same field element all along, and the whole date filters.
  const year = since.getByLabel('Year');
  await year.evaluate((f) => { f.dataset.mark = 'kept'; });
  await year.fill('2024');
  // Like the pathway's clock, a field applies when the reader leaves it (or presses Enter).
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.hash.includes('since=2024-01-01'));
  await page.waitForFunction((b) => document.querySelector('[data-sp-count]').textContent !== b, before);
  await page.waitForTimeout(1000);
  assert.ok(await updates() < all, 'fewer updates since 1 January 2024');
  assert.equal(await page.evaluate(() => window.spCountChanges), 1);
  assert.equal(await year.getAttribute('data-mark'), 'kept');
  assert.deepEqual(await axeViolations(page), [], 'filtered by date');
  // 31 February cannot be: said at the fields, the date filter kept.
  await since.getByLabel('Month').fill('2');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.hash.includes('since=2024-02-01'));
  await since.getByLabel('Day').fill('31');
  await page.keyboard.press('Tab');
  const error = w.locator('.sp-date .sp-error-message');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.innerText(), /real date/i);
  assert.equal(await since.getByLabel('Day').getAttribute('aria-invalid'), 'true');
  assert.match(await since.getAttribute('aria-describedby'), /filter-since-error/);
  assert.ok(page.url().includes('since=2024-02-01'), page.url());
  await axeBoth(page, 'impossible date');
  assert.deepEqual(problems, []);
  await context.close();
});
