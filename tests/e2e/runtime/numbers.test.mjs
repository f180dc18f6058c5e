// Numbers the core's reader does not convert itself (more than 15 significant digits, or a
// power of ten beyond ±22) are read by the browser (`fetch.rs`'s `browser_number`), which keeps
// the standard library's float parser out of the family wasm. A made-up feed (runtime/tracker/
// feed.json) is served twice: as it is, and with its figures rewritten so that some go to the
// browser and some stay with the core; the tracker must show the same words either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, launch } from '../support.mjs';

const FILES = new URL('./tracker/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** The first tracker's text, with `rewrite` applied to the feed's text. */
async function shown(rewrite) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/__tracker_runtime__/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/__tracker_runtime__\//, '');
    let body = await readFile(new URL(name, FILES), 'utf8');
    if (name === 'feed.json') body = rewrite(body);
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json';
    await route.fulfill({ status: 200, headers: { 'content-type': type, 'cache-control': 'no-store' }, body });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL('/__tracker_runtime__/page.html', BASE_URL).href);
  await page.waitForSelector('#first[data-sp-state]:not([data-sp-state="loading"])', { timeout: 30000 });
  const state = await page.locator('#first').getAttribute('data-sp-state');
  const text = await page.locator('#first').innerText();
  await context.close();
  return { state, text, problems };
}

test('figures with more digits than the core converts are read by the browser, to the same values', async () => {
  const plain = await shown((text) => text);
  const rewrites = {
    // 22 significant digits: the browser's conversion.
    '"value": 40}': '"value": 40.00000000000000000000001}',
    // 24 significant digits, scaled down by 10^22: more than 2^53, so the browser's too.
    '"value": 55}': '"value": 550000000000000000000000e-22}',
    // Within the core's exact reading.
    '"value": 61}': '"value": 6.1e1}',
  };
  const rewritten = await shown((text) => {
    for (const [from, to] of Object.entries(rewrites)) {
      assert.ok(text.includes(from), `the made-up feed still has ${from}`);
      text = text.replace(from, to);
    }
    return text;
  });
  assert.equal(plain.state, 'ready');
  assert.equal(rewritten.state, 'ready', rewritten.text);
  assert.match(plain.text, /61/);
  assert.equal(rewritten.text, plain.text);
  assert.deepEqual([...plain.problems, ...rewritten.problems], []);
});
