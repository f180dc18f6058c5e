// What the site server sends, as a council's server should (the docs recommend the same):
// brotli or gzip by Accept-Encoding, application/wasm, ETag with 304 Not Modified, a year's
// immutable caching for content-hashed release files and revalidation (no-cache) for the
// feed; and so the widgets' fetch of the feed (the loader's preload, then the widget's fetch)
// revalidating with If-None-Match: an unchanged feed costs a 304 and the browser's saved copy
// still works. (A server that sends max-age instead is obeyed by the browser for that long:
// the docs ask for no-cache and an ETag on the feed.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readdirSync } from 'node:fs';
import { launch, BASE_URL } from '../../support.mjs';

const FEED = '/feed/tower-hamlets.json';

/** One raw request (no decoding, no normalising of the path): status, headers, body bytes. */
function get(path, headers = {}, method = 'GET') {
  const base = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

test('the wasm goes out compressed by Accept-Encoding, as application/wasm', async () => {
  const path = '/dist/send-widgets_bg.wasm';
  const plain = await get(path);
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.match(br.headers.vary ?? '', /accept-encoding/i);
  const gzip = await get(path, { 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  // Compression pays: both well under the raw size (ratios, not times).
  assert.ok(br.body.length < plain.body.length * 0.6, `${br.body.length} of ${plain.body.length}`);
  assert.ok(gzip.body.length < plain.body.length * 0.6, `${gzip.body.length} of ${plain.body.length}`);
});

test('the feed carries an ETag, is revalidated each time, and an unchanged one costs a 304', async () => {
  const first = await get(FEED, { 'accept-encoding': 'br' });
  assert.equal(first.status, 200);
  assert.equal(first.headers['cache-control'], 'no-cache');
  assert.match(first.headers['content-type'], /^application\/json/);
  const tag = first.headers.etag;
  assert.match(tag ?? '', /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  const again = await get(FEED, { 'accept-encoding': 'br', 'if-none-match': tag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, tag);
  const other = await get(FEED, { 'if-none-match': 'W/"0-0"' });
  assert.equal(other.status, 200);
  assert.ok(other.body.length > 1000);
  // HEAD answers the same headers without the body.
  const head = await get(FEED, {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers.etag, tag);
  assert.equal(head.body.length, 0);
});

test('content-hashed release files are cached for a year, unhashed files revalidated', async () => {
  const names = readdirSync(new URL('../../../../www/dist/release/', import.meta.url));
  const hashed = names.find((name) => /^send-pathways\.[0-9a-f]{10}\.js$/.test(name));
  assert.ok(hashed, `no hashed loader among ${names}`);
  const release = await get(`/dist/release/${hashed}`);
  assert.equal(release.status, 200);
  assert.equal(release.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.ok(release.headers.etag);
  assert.match(release.headers['content-type'], /^text\/javascript/);
  const loader = await get('/dist/send-pathways.js');
  assert.equal(loader.headers['cache-control'], 'no-cache');
  assert.equal(loader.headers['x-content-type-options'], 'nosniff');
});

test('nothing outside www/ is served, and only GET and HEAD', async () => {
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/dist/../../Cargo.toml', '/no-such-page.html']) {
    const response = await get(path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(response.body.toString(), /\[workspace\]/, path);
  }
  assert.equal((await get('/index.html', {}, 'POST')).status, 405);
});

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the widget's second visit revalidates the feed: a 304, the widget, and the saved copy", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // What went over the wire, as DevTools shows it (Playwright reports the 200 the page sees
  // once the browser has answered a 304 from its cache).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const feedRequests = [];
  const byId = new Map();
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
    byId.set(requestId, { ...byId.get(requestId), ifNoneMatch: headers['if-none-match'] ?? headers['If-None-Match'] });
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    byId.set(requestId, { ...byId.get(requestId), status: statusCode });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const seen = byId.get(requestId);
    if (seen?.url) feedRequests.push({ ...seen, bytes: encodedDataLength });
  });
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (new URL(request.url).pathname.endsWith(FEED)) byId.set(requestId, { ...byId.get(requestId), url: request.url });
  });
  await page.goto(new URL('/index.html', BASE_URL).href);
  // The fallback already has the widget's markup: wait for the widget itself, which has read
  // (and saved) the feed by the time it says it is ready.
  await page.waitForSelector('[data-send-widget][data-sp-state="ready"]');
  await expectEventually(() => feedRequests.length >= 1, 'the first feed request');
  // The second visit in the same browser: it asks with the ETag it was given.
  await page.reload();
  await page.waitForSelector('[data-send-widget][data-sp-state="ready"]');
  await page.getByRole('heading', { name: /autism/i }).first().waitFor();
  await expectEventually(() => feedRequests.length >= 2, 'two feed requests');
  const [first, second] = feedRequests;
  assert.equal(first.ifNoneMatch, undefined);
  assert.equal(first.status, 200);
  assert.match(second.ifNoneMatch ?? '', /^W\/"/);
  assert.equal(second.status, 304);
  // A 304 is its headers: a small fraction of the feed's compressed bytes.
  assert.ok(second.bytes * 10 < first.bytes, `${second.bytes} vs ${first.bytes}`);
  // The last-good copy is still kept for when the network fails.
  const saved = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('send-pathways:feed:')),
  );
  assert.equal(saved.length, 1, String(saved));
  assert.deepEqual(problems, []);
  await context.close();
});

async function expectEventually(check, what) {
  for (let i = 0; i < 50; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}
