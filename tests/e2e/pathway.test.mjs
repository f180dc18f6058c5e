// The demo council page: the pathway widget fetches the sample feed and renders the autism
// pathway; these tests cover its step-by-step list view (the map: pathway-map.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axeViolations, BASE_URL } from './support.mjs';

const WIDGET = '[data-send-widget="pathway"]';
let browser;
let feed;

before(async () => {
  browser = await launch();
  feed = JSON.parse(await readFile(new URL('../../www/feed/tower-hamlets.json', import.meta.url)));
});
after(() => browser?.close());

const autism = () => feed.pathways.find((p) => p.id === 'autism');
const text = (t) => (typeof t === 'string' ? t : t.en);

/** The demo page with the widget mounted and showing its list of steps. */
async function mounted(path = '/index.html#pathway:view=list', viewport, lang) {
  const opened = await openPage(browser, path, viewport, { lang });
  await opened.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 15000 });
  await opened.page.waitForSelector(`${WIDGET} .sp-list-view:not([hidden])`);
  return opened;
}

test('the widget shows every step of the autism pathway, in order, numbered', async () => {
  const { page, context, problems } = await mounted();
  const titles = await page.locator(`${WIDGET} .sp-step__title`).allTextContents();
  // Reading order: by stage, then as the feed lists the steps.
  const { stages, steps } = autism();
  const expected = stages.flatMap((stage) =>
    steps.filter((s) => s.stage === stage.id).map((s) => text(s.title)),
  );
  assert.equal(expected.length, steps.length, 'every step belongs to a stage');
  assert.deepEqual(titles, expected);
  const first = page.locator(`${WIDGET} .sp-step__toggle`).first();
  assert.match(await first.innerText(), /1/);
  // The step number is part of the button's accessible name (a fix to GOV.UK's pattern).
  // (Its accessible name, as Chromium's tree has it; textContent would also hold the hidden
  // "Show"/"Hide" words and the drawn number.)
  const name = await first.ariaSnapshot();
  assert.match(name, /button "Step 1: \S/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a step opens with its services, and the state is announced', async () => {
  const { page, context, problems } = await mounted();
  const step = autism().steps.find((s) => s.services?.length);
  const item = page.locator(`${WIDGET} [data-step="${step.id}"]`);
  const button = item.locator('.sp-step__toggle');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await item.locator('.sp-step__panel').isVisible(), false);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = item.locator('.sp-step__panel');
  assert.equal(await panel.isVisible(), true);
  const service = feed.services.find((s) => s.id === step.services[0]);
  const names = await panel.locator('.sp-service__name').allTextContents();
  assert.ok(names.includes(text(service.name)), `${text(service.name)} in ${names}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: Tab reaches the controls, Enter and Space toggle', async () => {
  const { page, context } = await mounted();
  const showAll = page.locator(`${WIDGET} .sp-toggle-all`);
  await showAll.focus();
  await page.keyboard.press('Enter');
  assert.equal(await showAll.getAttribute('aria-expanded'), 'true');
  assert.equal(await showAll.innerText(), 'Hide all steps');
  const closed = await page.locator(`${WIDGET} .sp-step__panel[hidden]`).count();
  assert.equal(closed, 0);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.className);
  assert.equal(focused, 'sp-step__toggle');
  await page.keyboard.press('Space');
  assert.equal(await showAll.innerText(), 'Show all steps');
  await context.close();
});

test('axe finds no WCAG 2.2 A/AA violations, collapsed and expanded, desktop and phone, English and Bengali', async () => {
  for (const lang of ['en', 'bn']) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
      const at = `${lang} at ${viewport.width}px`;
      const { page, context } = await mounted(undefined, viewport, lang);
      assert.equal(await page.locator(`${WIDGET} .sp-pathway`).getAttribute('lang'), lang);
      assert.deepEqual(await axeViolations(page), [], `collapsed, ${at}`);
      await page.locator(`${WIDGET} .sp-toggle-all`).click();
      assert.deepEqual(await axeViolations(page), [], `expanded, ${at}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(overflow, false, `no horizontal scrolling, ${at}`);
      await context.close();
    }
  }
});

test('a missing feed keeps the fallback content and says why', async () => {
  // Blocked from the first request: a browser that once loaded the feed would show its saved
  // copy instead (tested in embed/failures).
  const context = await browser.newContext();
  await context.route('**/feed/tower-hamlets.json', (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(new URL('/index.html', BASE_URL).href);
  await page.waitForSelector(`${WIDGET}[data-sp-state="failed"]`, { timeout: 15000 });
  const notice = await page.locator(`${WIDGET} .sp-notice`).innerText();
  assert.match(notice, /could not be updated/);
  // The fallback (the core's static HTML) is still there, fully expanded, with no buttons: the
  // widget's controls it holds as room stay hidden, taking no space.
  const fallbackSteps = await page.locator(`${WIDGET} .sp-step__title`).count();
  assert.equal(fallbackSteps, autism().steps.length);
  assert.equal(await page.locator(WIDGET).getByRole('button').count(), 0);
  assert.equal(await page.locator(`${WIDGET} button:visible, ${WIDGET} select:visible`).count(), 0);
  assert.equal(await page.locator(`${WIDGET} .sp-step__panel:visible`).count(), fallbackSteps);
  assert.ok(problems.some((p) => p.includes('404')), problems.join('\n'));
  await context.close();
});
