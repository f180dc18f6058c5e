// A placeholder added after the loader has run still mounts, even when it is of a kind the
// build the loader picked for the page does not have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** The wasm files the page fetched, by name. */
const wasmLoaded = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((name) => name.endsWith('.wasm')));

/** The stylesheets and wasm the page fetched or linked, by name. */
const widgetFiles = (page) =>
  page.evaluate(() => [
    ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()),
    ...[...document.querySelectorAll('link')].map((l) => new URL(l.href).pathname.split('/').pop()),
  ].filter((name) => /\.(wasm|css)$/.test(name) || /^send-(widgets|pathway|tracker|checker)\./.test(name)));

/** The stylesheets linked in the head, by file name, in order. */
const stylesheets = (page) =>
  page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname.split('/').pop()));

/** Adds a pathway placeholder with this id to the page and waits until it is mounted. */
async function addPathway(page, id) {
  await page.evaluate((slotId) => {
    const slot = document.createElement('div');
    slot.id = slotId;
    slot.dataset.sendWidget = 'pathway';
    slot.dataset.feed = '/feed/tower-hamlets.json';
    document.querySelector('main').append(slot);
  }, id);
  await page.waitForSelector(`#${id}[data-sp-state="ready"]`, { timeout: 15000 });
}

test('a placeholder added after load mounts', async () => {
  const { page, context, problems } = await openFixture(browser, 'added-later/page.html');
  await page.waitForSelector('#late[data-sp-state="ready"]', { timeout: 15000 });
  assert.ok((await page.locator('#late .sp-step').count()) > 0);
  // With no placeholder at the start the loader waited: the build for the one that came.
  assert.deepEqual(await wasmLoaded(page), ['send-pathway_bg.wasm']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tracker added to a pathway page loads the build with both and mounts', async () => {
  const { page, context, problems } = await openFixture(browser, 'added-later/other-kind.html');
  await page.waitForSelector('#first[data-sp-state="ready"]', { timeout: 15000 });
  await page.waitForSelector('#late[data-sp-state="ready"]', { timeout: 15000 });
  assert.ok((await page.locator('#first .sp-step').count()) > 0);
  assert.ok((await page.locator('#late .sp-action').count()) > 0);
  // The pathway came from its own build; the tracker needed the other, fetched only then.
  assert.deepEqual(await wasmLoaded(page), ['send-pathway_bg.wasm', 'send-widgets_bg.wasm']);
  // Its stylesheet likewise: the pathway's, then the whole one, whose rules include the tracker's.
  assert.deepEqual(await stylesheets(page), ['send-pathway.css', 'send-pathways.css']);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#late .sp-action')).borderLeftWidth === '4px', null, { timeout: 5000 });
  // A second pathway added now mounts from a build already loaded: nothing new is fetched.
  await addPathway(page, 'again');
  assert.deepEqual(await wasmLoaded(page), ['send-pathway_bg.wasm', 'send-widgets_bg.wasm']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the build a late placeholder needs cannot load, it keeps its content and others still mount', async () => {
  const { page, context, problems } = await openFixture(browser, 'added-later/other-kind.html');
  await context.route('**/dist/send-widgets_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await page.waitForSelector('#first[data-sp-state="ready"]', { timeout: 15000 });
  const explained = () => problems.some((p) => p.includes('could not load the widget for a placeholder'));
  for (let waited = 0; !explained() && waited < 15000; waited += 100) await page.waitForTimeout(100);
  assert.ok(explained(), problems.join('\n'));
  assert.equal(await page.locator('#late').innerText(), 'Our improvement plan');
  assert.equal(await page.locator('#late').getAttribute('data-sp-state'), null);
  // Its fallback is a page's own again: the loader's mark (panels off screen skipped) is gone.
  assert.equal(await page.locator('#late').getAttribute('data-sp-starting'), null);
  // The loader goes on: a pathway added now mounts from the build already running.
  await addPathway(page, 'again');
  await context.close();
});

test('a page without a placeholder fetches no wasm and no stylesheet until one appears', async () => {
  const { page, context, problems } = await openFixture(browser, 'added-later/empty.html');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  assert.deepEqual(await widgetFiles(page), []);
  await addPathway(page, 'now');
  const files = await widgetFiles(page);
  assert.ok(files.includes('send-pathway_bg.wasm'), files.join(', '));
  assert.ok(files.includes('send-pathway.css'), files.join(', '));
  assert.ok(!files.includes('send-pathways.css'), files.join(', '));
  assert.ok((await page.locator('#now .sp-step').count()) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
