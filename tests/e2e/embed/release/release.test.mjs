// The release files from `cargo xtask dist` work as published: hashed names, the loader
// rewritten to them, and the snippet's integrity hashes accepted by the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { launch, BASE_URL } from '../../support.mjs';

const DIST = new URL('../../../../target/dist/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('the release snippet, with its integrity hashes, mounts a widget from hashed files', async () => {
  const names = await readdir(DIST);
  for (const file of ['send-pathways', 'send-widgets', 'send-widgets_bg', 'send-pathways-resize']) {
    assert.ok(names.some((n) => new RegExp(`^${file}\\.[0-9a-f]{10}\\.`).test(n)), `${file} in ${names}`);
  }
  const snippet = (await readFile(new URL('snippet.html', DIST), 'utf8'))
    .replaceAll('BASE/', '/release/')
    .replace('/feeds/send.json', '/feed/tower-hamlets.json');
  assert.equal((snippet.match(/integrity="sha384-[A-Za-z0-9+/]{64}"/g) ?? []).length, 3);
  const context = await browser.newContext();
  await context.route('**/release/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/release/', '');
    const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.css') ? 'text/css' : 'text/javascript';
    await route.fulfill({ status: 200, headers: { 'content-type': type }, body: await readFile(new URL(name, DIST)) });
  });
  await context.route('**/release-page.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Release</title></head><body><main>${snippet}</main></body></html>` }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(new URL('/release-page.html', BASE_URL).href);
  await page.waitForSelector('[data-sp-state="ready"]', { timeout: 15000 });
  assert.deepEqual(problems, []);
  // A tampered file is refused by its integrity hash and the fallback stays.
  await context.route('**/release/send-pathways.*.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: 'console.log("tampered")' }));
  await page.reload();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('[data-sp-state]').count(), 0);
  assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join('\n'));
  await context.close();
});
