// Statuses the council reported, read after their deadlines have passed, on a made-up feed
// (feed.json: every name, date and status in it is made up for this test). Each reported status
// shows as reported, a report that no longer fits its date shows as Overdue with what was
// reported, the measure with nothing reported shows "No update since the deadline" (its own
// word and shape, counted apart from Overdue), the summary counts agree, and axe finds nothing.
//
// The browser's own date is "today": every deadline here is in 2025, except one in 2030.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

const WIDGET = '#tracker';
let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function mounted(viewport = { width: 1280, height: 800 }) {
  return openFixture(browser, 'reported-statuses/page.html', viewport, { ready: WIDGET });
}

/** The status word and its detail for the measure whose text is `text`. */
async function statusOf(page, text) {
  const measure = page.locator(`${WIDGET} .sp-measure`).filter({ hasText: text });
  assert.equal(await measure.count(), 1, text);
  return {
    word: (await measure.locator('.sp-status__word').innerText()).trim(),
    detail: (await measure.locator('.sp-status__detail').allInnerTexts()).join(' ').trim(),
    level: (await measure.getAttribute('class')).replace(/.*sp-measure--/, ''),
  };
}

test('each reported status shows as reported after its deadline; silence has its own status', async () => {
  const { page, context, problems } = await mounted();
  const w = page.locator(WIDGET);
  await w.locator('[data-sp-action="toggle-all"]').click();

  const atRisk = await statusOf(page, 'Made up: reviews are on time');
  assert.equal(atRisk.word, 'At risk');
  assert.equal(atRisk.level, 'at-risk');
  assert.match(atRisk.detail, /Deadline passed; shown as the council reported it\./);
  // A status older than 3 months keeps its note after the deadline too.
  assert.match(atRisk.detail, /Not updated since May 2025\./);

  const offTrack = await statusOf(page, 'Made up: advice template agreed');
  assert.equal(offTrack.word, 'Off track');
  assert.match(offTrack.detail, /Deadline passed/);

  for (const [text, reported] of [
    ['Made up: training delivered', 'On track'],
    ['Made up: new panel set up', 'Not started'],
    ['Made up: progress tracked', 'Ongoing'],
  ]) {
    const overdue = await statusOf(page, text);
    assert.equal(overdue.word, 'Overdue', text);
    assert.match(overdue.detail, new RegExp(`Last reported status: ${reported}\\.`), text);
  }

  const silent = await statusOf(page, 'Made up: families surveyed');
  assert.equal(silent.word, 'No update since the deadline');
  assert.equal(silent.level, 'no-update');
  assert.doesNotMatch(silent.detail, /Overdue/);

  assert.equal((await statusOf(page, 'Made up: website updated')).word, 'Complete');
  const notDue = await statusOf(page, 'Made up: leaflets in every language');
  assert.equal(notDue.word, 'On track');
  assert.doesNotMatch(notDue.detail, /Deadline passed/);

  // Not Overdue's shape, nor its colour.
  const look = (selector) => w.locator(selector).first().evaluate((svg) => ({
    paths: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')).join(' '),
    color: getComputedStyle(svg).color,
  }));
  const overdueGlyph = await look('.sp-results .sp-glyph--overdue');
  const silentGlyph = await look('.sp-results .sp-glyph--no-update');
  assert.notEqual(silentGlyph.paths, overdueGlyph.paths);
  assert.notEqual(silentGlyph.color, overdueGlyph.color);

  // The summary counts agree with the measures, Overdue and "no update" counted apart.
  const headline = await w.locator('.sp-glance .sp-summary__headline').innerText();
  assert.equal(headline, '1 of 8 measures complete, 3 overdue, 1 with no update since the deadline');
  const levels = await w.locator('.sp-glance .sp-summary__levels li').allInnerTexts();
  assert.deepEqual(levels.map((l) => l.replace(/\s+/g, ' ').replace(/ :/, ':').trim()), [
    'Complete: 1', 'On track: 1', 'At risk: 1', 'Off track: 1', 'Overdue: 3',
    'No update since the deadline: 1',
  ]);
  for (const [level, n] of [['overdue', 3], ['no-update', 1], ['at-risk', 1], ['off-track', 1]]) {
    assert.equal(await w.locator(`.sp-results .sp-measure--${level}`).count(), n, level);
  }
  // The key explains the new word, once.
  assert.equal(await w.locator('.sp-key dt').filter({ hasText: 'No update since the deadline' }).count(), 1);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the status filter tells "no update" and "overdue" apart, and stays axe-clean', async () => {
  const { page, context, problems } = await mounted({ width: 390, height: 844 });
  const w = page.locator(WIDGET);
  await w.locator('select[name="status"]').selectOption('no-update');
  await page.waitForFunction(() => location.hash.includes('status=no-update'));
  assert.equal(await w.locator('.sp-results .sp-measure').count(), 1);
  assert.match(await w.locator('[data-sp-count]').innerText(), /Showing 1 of 8 measures/);
  await w.locator('select[name="status"]').selectOption('overdue');
  await page.waitForFunction(() => location.hash.includes('status=overdue'));
  assert.equal(await w.locator('.sp-results .sp-measure').count(), 3);
  assert.equal(await w.locator('.sp-results .sp-measure:not(.sp-measure--overdue)').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
