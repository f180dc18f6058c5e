// Network faults the failures folder does not cover: a body that trickles past the time limit,
// a connection closed mid-body, the wrong content type, a CMS's HTML page answering 200, a
// cross-origin feed without CORS, and feeds over the size limit. Each keeps the fallback,
// shows the notice, logs the cause, and throws nothing uncaught.
//
// A real HTTP server plays the council's site with a misbehaving feed host (route.fulfill
// cannot stall or cut a body): it serves the test page, passes /dist/ through from the site
// under test, and answers each fault path. (Pages from route.fulfill have no address, and
// Chromium then refuses their requests to loopback servers, so the page comes from here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { launch, BASE_URL } from '../../support.mjs';

const WIDGET = '#widget';
let browser;
let sample;
let host;
let hostPort;
const sockets = new Set();

/** The council's site and its misbehaving feed host: each feed path is one fault. */
async function feedHost(req, res) {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  if (path.startsWith('/dist/')) {
    const asset = await fetch(new URL(path, BASE_URL));
    res.writeHead(asset.status, { 'content-type': asset.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await asset.arrayBuffer()));
    return;
  }
  if (path === '/page.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pageWith(url.searchParams.get('feed')));
    return;
  }
  // The feeds are same-origin with the page, bar /no-cors.json read from localhost.
  const cors = {};
  const body = Buffer.from(sample);
  switch (path) {
    case '/slow.json':
      // Headers at once, then a trickle that never finishes within the 10 s limit.
      res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': body.length });
      res.write(body.subarray(0, 100));
      res.setTimeout(0);
      return;
    case '/cut.json':
      res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': body.length });
      res.write(body.subarray(0, body.length / 2), () => setTimeout(() => req.socket.destroy(), 50));
      return;
    case '/no-cors.json':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
      return;
    case '/announced-huge.json':
      // Says 6 MB and sends a little: the widget must give up without reading on.
      res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': 6 * 1024 * 1024 });
      res.write('{"version": 1,');
      return;
    case '/huge.json': {
      // No length given (chunked): 6 MB of valid JSON, refused once it has arrived.
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      const padding = ' '.repeat(6 * 1024 * 1024);
      res.end(sample.replace('{', `{${padding}`));
      return;
    }
    default:
      res.writeHead(404, cors);
      res.end();
  }
}

before(async () => {
  browser = await launch();
  sample = await readFile(new URL('../../../../www/feed/tower-hamlets.json', import.meta.url), 'utf8');
  host = http.createServer(feedHost);
  host.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostPort = host.address().port;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => host.close(resolve));
  await browser?.close();
});

/** A council page with one pathway placeholder whose feed is `feed`. */
function pageWith(feed) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Network faults</title>
<script type="module" src="/dist/send-pathways.js"></script></head>
<body><main><h1>Local Offer</h1>
<div id="widget" data-send-widget="pathway" data-feed="${feed}"><p id="fallback">Call the SEND team on 020 7364 5006.</p></div>
<p id="host-content">The council's own content.</p></main></body></html>`;
}

/** Opens a page whose feed is `feed`; `answer` (if given) answers /__faults__/feed.json. */
async function open(feed, answer) {
  const context = await browser.newContext();
  let attempts = 0;
  if (answer) {
    await context.route('**/__faults__/feed.json', (route) => {
      attempts += 1;
      return answer(route);
    });
  }
  const page = await context.newPage();
  const logs = [];
  const uncaught = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(`http://127.0.0.1:${hostPort}/page.html?feed=${encodeURIComponent(feed)}`);
  return { page, context, logs, uncaught, attempts: () => attempts };
}

/**
 * How many times the widget tried again, from its own console warnings (the server's request
 * count can include the browser's own silent retries of a reused connection).
 */
const retries = ({ logs }) => logs.filter((l) => l.startsWith('warning: SEND Pathways:') && l.endsWith('trying once more')).length;

async function keepsFallback({ page, logs, uncaught }, cause) {
  await page.waitForSelector(`${WIDGET}[data-sp-state="failed"]`, { timeout: 40000 });
  assert.match(await page.locator(`${WIDGET} .sp-notice`).innerText(), /could not be updated/);
  assert.equal(await page.locator('#fallback').count(), 1, 'the fallback stays');
  assert.equal(await page.locator('#host-content').innerText(), "The council's own content.");
  const ours = logs.filter((l) => l.startsWith('error: SEND Pathways:'));
  assert.ok(ours.some((l) => cause.test(l)), `${cause} in:\n${logs.join('\n')}`);
  assert.deepEqual(uncaught, []);
}


test('a body that trickles past 10 seconds: given up, retried once, then the fallback', async () => {
  const started = Date.now();
  const run = await open('/slow.json');
  await keepsFallback(run, /TimeoutError|timed out/i);
  assert.equal(retries(run), 1);
  assert.ok(Date.now() - started >= 19000, 'two 10-second attempts');
  await run.context.close();
});

test('the connection closed mid-body: retried once, then the fallback', async () => {
  const run = await open('/cut.json');
  await keepsFallback(run, /TypeError.*connection failed or was closed/);
  assert.equal(retries(run), 1);
  await run.context.close();
});

test('the wrong content type: refused without parsing, not retried', async () => {
  const run = await open('/__faults__/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: sample }));
  await keepsFallback(run, /sent image\/png, not the JSON feed/);
  assert.equal(run.attempts(), 1);
  assert.equal(retries(run), 0);
  await run.context.close();
});

test("a CMS's HTML page answering 200: refused as not the feed, the checker not loaded", async () => {
  const signIn = '<!doctype html><html><head><title>Sign in</title></head><body><h1>Please sign in</h1><script>window.hostile = 1</script></body></html>';
  const run = await open('/__faults__/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: signIn }));
  await keepsFallback(run, /sent text\/html.*error or sign-in page/);
  assert.equal(await run.page.evaluate(() => window.hostile), undefined, 'the page was not run');
  await run.page.waitForTimeout(300);
  const checker = await run.page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('send-checker')));
  assert.equal(checker, false, 'families do not download the checker for this');
  await run.context.close();
});

test('a cross-origin feed without CORS: the fallback, and the console says CORS may be why', async () => {
  // localhost and 127.0.0.1 are different origins, both loopback.
  const run = await open(`http://localhost:${hostPort}/no-cors.json`);
  await keepsFallback(run, /TypeError.*CORS/);
  await run.context.close();
});

test('a feed the server says is over 5 MB is refused before it downloads', async () => {
  const started = Date.now();
  const run = await open('/announced-huge.json');
  await keepsFallback(run, /the feed is 6\.0 MB, more than the 5 MB/);
  assert.ok(Date.now() - started < 8000, 'not waiting for the body');
  assert.equal(retries(run), 0, 'not retried');
  await run.context.close();
});

test('a feed over 5 MB without a length is refused before parsing', async () => {
  const run = await open('/huge.json');
  await keepsFallback(run, /the feed is 6\.\d MB, more than the 5 MB/);
  await run.context.close();
});
