// Whatever goes wrong with the feed, families keep the fallback and a short notice, editors get
// the cause in the console, nothing throws uncaught, and a network failure falls back to the
// last good copy saved in the browser, clearly dated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, BASE_URL } from '../../support.mjs';

const FEED = '**/feed/tower-hamlets.json';
const WIDGET = '[data-send-widget="pathway"]';
let browser;
let sample;
before(async () => {
  browser = await launch();
  sample = await readFile(new URL('../../../../www/feed/tower-hamlets.json', import.meta.url), 'utf8');
});
after(() => browser?.close());

/** Opens the demo page with the feed answered by `answer(route, attempt)`. */
async function withFeed(answer, context) {
  context ??= await browser.newContext();
  let attempts = 0;
  await context.route(FEED, (route) => answer(route, ++attempts));
  const page = await context.newPage();
  const logs = [];
  const uncaught = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(new URL('/index.html', BASE_URL).href);
  return { page, context, logs, uncaught, attempts: () => attempts };
}

async function keepsFallback(page, logs, uncaught, cause) {
  await page.waitForSelector(`${WIDGET}[data-sp-state="failed"]`, { timeout: 30000 });
  assert.match(await page.locator(`${WIDGET} .sp-notice`).innerText(), /could not be updated/);
  assert.ok((await page.locator(`${WIDGET} .sp-step`).count()) > 0, 'the fallback steps are still there');
  assert.ok(logs.some((l) => l.startsWith('error:') && cause.test(l)), `${cause} in:\n${logs.join('\n')}`);
  assert.deepEqual(uncaught, []);
}

test('404: fallback and notice, cause in the console', async () => {
  const run = await withFeed((route) => route.fulfill({ status: 404, body: 'Not found' }));
  await keepsFallback(run.page, run.logs, run.uncaught, /404/);
  await run.context.close();
});

test('500: retried once, then the fallback', async () => {
  const run = await withFeed((route) => route.fulfill({ status: 500, body: 'oops' }));
  await keepsFallback(run.page, run.logs, run.uncaught, /500/);
  assert.equal(run.attempts(), 2);
  await run.context.close();
});

test('no answer: gives up after 10 seconds, retries once, then the fallback', async () => {
  const started = Date.now();
  const run = await withFeed(() => {});
  await keepsFallback(run.page, run.logs, run.uncaught, /timed out|TimeoutError|abort/i);
  assert.equal(run.attempts(), 2);
  assert.ok(Date.now() - started >= 19000, 'two 10-second attempts');
  await run.context.close();
});

test('invalid JSON: fallback, and every problem listed in the console by the checker', async () => {
  // Two mistakes the checker reads past, so it can list both.
  const broken = sample.replace('"version": 2,', '"version": 2, // the current version').replace('"languages": ["en"]', '"languages": ["en",]');
  const run = await withFeed((route) => route.fulfill({ status: 200, contentType: 'application/json', body: broken }));
  await keepsFallback(run.page, run.logs, run.uncaught, /not valid/);
  for (let i = 0; i < 50 && !run.logs.some((l) => /:\d+:\d+: error: there is a comma/.test(l)); i += 1) {
    await run.page.waitForTimeout(100);
  }
  const listed = run.logs.filter((l) => /tower-hamlets\.json:\d+:\d+: error:/.test(l));
  assert.equal(listed.length, 2, run.logs.join('\n'));
  await run.context.close();
});

test('a newer format version: fallback, and the console says which version', async () => {
  const newer = sample.replace('"version": 2,', '"version": 3,');
  const run = await withFeed((route) => route.fulfill({ status: 200, contentType: 'application/json', body: newer }));
  await keepsFallback(run.page, run.logs, run.uncaught, /format version 3/);
  await run.context.close();
});

test('a feed with a wrong field: fallback, with its place in the console', async () => {
  const wrong = sample.replace('"updated": "2026-11-22"', '"updated": "22 November"');
  const run = await withFeed((route) => route.fulfill({ status: 200, contentType: 'application/json', body: wrong }));
  await keepsFallback(run.page, run.logs, run.uncaught, /line \d+, column \d+/);
  await run.context.close();
});

test('network down: the last good copy is shown, with the date it was saved', async () => {
  const context = await browser.newContext();
  const first = await withFeed((route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample }), context);
  await first.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`);
  await first.page.close();
  await context.unroute(FEED);
  const second = await withFeed((route) => route.abort('connectionrefused'), context);
  await second.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  const notice = await second.page.locator(`${WIDGET} .sp-notice`).innerText();
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert.equal(notice, `This information could not be updated just now. You are seeing the copy saved in this browser on ${today}.`);
  assert.ok((await second.page.locator(`${WIDGET} .sp-step__toggle`).count()) > 0, 'the full widget, from the copy');
  assert.deepEqual(second.uncaught, []);
  await context.close();
});

test('an unchanged feed is not saved again, yet the copy is dated by the last visit that fetched it', async () => {
  const context = await browser.newContext();
  const ok = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample });
  const first = await withFeed(ok, context);
  await first.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`);
  // Pretend the copy was first saved long ago.
  const copyKey = await first.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('send-pathways:feed:'));
    localStorage.setItem(key, localStorage.getItem(key).replace(/^\d{4}-\d{2}-\d{2}/, '2024-01-01'));
    return key;
  });
  await first.page.close();
  await context.unroute(FEED);
  // The same text again: the big copy is left alone (its old date shows it was not rewritten).
  const again = await withFeed(ok, context);
  await again.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`);
  assert.match(await again.page.evaluate((key) => localStorage.getItem(key).slice(0, 10), copyKey), /^2024-01-01$/);
  await again.page.close();
  await context.unroute(FEED);
  // Offline: the copy is the text this browser last fetched today, so it is dated today.
  const offline = await withFeed((route) => route.abort('connectionrefused'), context);
  await offline.page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 30000 });
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert.match(await offline.page.locator(`${WIDGET} .sp-notice`).innerText(), new RegExp(`saved in this browser on ${today}\\.$`));
  assert.deepEqual(offline.uncaught, []);
  await context.close();
});
