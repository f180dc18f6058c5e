// "About the area" in the tracker, on a made-up feed (feed.json: the area, its four comparators
// and every figure are invented for this test, unlike the sample's Tower Hamlets figures): the
// table is read through its roles (caption, column headers for the areas, row headers for what
// is counted), each figure with its share and the source with its date; axe finds nothing; at
// 320 px the wide table scrolls inside its own named, focusable region and the page never
// scrolls sideways; without JavaScript the same table is in the fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

const WIDGET = '#tracker';
const CAPTION = 'Pupils with SEND in Made-up Valley and beside it (made-up figures)';
/** A cell with no figure: a dash for the eye, the words for a screen reader. */
const GAP = '– no figure';
const AREAS = ['Made-up Valley', 'Made-up Hills', 'Made-up Coast', 'Made-up Region', 'Made-up Country'];
let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/** page.html with the widget; fallback.html is the same page without the loader, as a reader
 * without JavaScript gets it (both fallbacks by `sendfeed render feed.json --widget tracker`). */
async function opened({ viewport = { width: 1280, height: 800 }, file = 'page.html' } = {}) {
  const ready = file === 'page.html' ? WIDGET : undefined;
  const opened = await openFixture(browser, `area/${file}`, viewport, { ready });
  return { ...opened, w: opened.page.locator(WIDGET) };
}

const clean = (texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

/** The table as a reader meets it: caption, column headers, and each row's header and cells. */
async function readTable(w) {
  const section = w.getByRole('region', { name: 'About the area' });
  const table = section.getByRole('table', { name: CAPTION });
  const columns = clean(await table.getByRole('columnheader').allInnerTexts());
  const rows = [];
  for (const row of await table.getByRole('row').all()) {
    const header = await row.getByRole('rowheader').allInnerTexts();
    if (header.length === 0) continue;
    rows.push([clean(header)[0], ...clean(await row.getByRole('cell').allInnerTexts())]);
  }
  return { section, table, columns, rows };
}

async function checkTable(w) {
  const { section, columns, rows } = await readTable(w);
  assert.deepEqual(columns, ['What is counted', ...AREAS]);
  assert.deepEqual(rows, [
    ['All pupils', '12,000', '34,567', '8,100', '420,000', '7,654,321'],
    ['Pupils with SEND', '1,800 (15.0%)', '4,321 (12.5%)', GAP, '55,000 (13.1%)', '1,001,234 (13.1%)'],
    ['Pupils with an EHC plan', '480 (4.0%)', '3.2%', '300 (3.7%)', GAP, '250,000 (3.3%)'],
  ]);
  // The gaps are said in words to a screen reader, not only drawn as a dash.
  assert.equal(await section.getByRole('table', { name: CAPTION }).getByText('no figure').count(), 2);
  const sourceLine = clean([await section.getByText('Source: Made-up school census').innerText()])[0];
  assert.equal(sourceLine, 'Source: Made-up school census (test data) (figures for January 2025).');
  // A table with no date of its own names its document, and no date is added to it.
  const other = section.getByRole('table', { name: 'Main needs of pupils with an EHC plan in Made-up Valley (made-up figures)' });
  assert.equal(await other.count(), 1);
  assert.equal(
    clean([await section.getByText('Source: Made-up Valley SEND strategy 2025, table 3').innerText()])[0],
    'Source: Made-up Valley SEND strategy 2025, table 3 (no date given; test data).',
  );
  assert.match(
    clean([await section.locator('p').filter({ hasText: 'About 1,900 children' }).innerText()])[0],
    /^About 1,900 children and young people in Made-up Valley have SEND \(made up for this test\)\. Source: Made-up Valley SEND strategy 2025 \(test data\) \(figures for 2025\)\.$/,
  );
}

test('the widget shows the area as a table read through its roles, with sources, axe clean', async () => {
  const { page, context, problems, w } = await opened();
  await checkTable(w);
  // The contents list leads to it.
  const contents = w.getByRole('navigation', { name: 'On this page' });
  await contents.getByRole('link', { name: 'About the area' }).click();
  await page.waitForFunction(() => location.hash.endsWith('-area'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 320 px the table scrolls in its own named region by keyboard, never the page', async () => {
  const { page, context, problems, w } = await opened({ viewport: { width: 320, height: 640 } });
  const region = w.getByRole('region', { name: CAPTION });
  assert.equal(await region.count(), 1);
  const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(sizes.scroll > sizes.client, `the five-area table should be wider than 320 px: ${JSON.stringify(sizes)}`);
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(page_.scroll <= page_.client, `the page scrolls sideways: ${JSON.stringify(page_)}`);
  // Tab reaches the region; the arrow keys scroll it.
  await region.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'region');
  const before = await region.evaluate((el) => el.scrollLeft);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((sel) => document.querySelector(sel).scrollLeft > 0, `${WIDGET} .sp-area__scroll`);
  assert.ok((await region.evaluate((el) => el.scrollLeft)) > before);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the fallback has the same table, and print shows it whole', async () => {
  const { page, context, w } = await opened({ file: 'fallback.html' });
  assert.equal(await w.getAttribute('data-sp-state'), null);
  await checkTable(w);
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  const region = w.getByRole('region', { name: CAPTION });
  assert.equal(await region.evaluate((el) => getComputedStyle(el).overflowX), 'visible');
  await context.close();
});
