// The release files from `cargo xtask dist` work as published: hashed names, the loader
// rewritten to them, and integrity hashes the browser enforces on every file the snippet loads
// (the snippet's own on the stylesheet and loader, the loader's on the glue and wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { launch, BASE_URL } from '../../support.mjs';

const DIST = new URL('../../../../target/dist/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** A page with the release snippet, served with the release files; collects console errors. */
async function releasePage(kind) {
  const snippet = (await readFile(new URL('snippet.html', DIST), 'utf8'))
    .replaceAll('BASE/', '/release/')
    .replace('data-send-widget="pathway"', `data-send-widget="${kind}"`)
    .replace('data-feed="FEED"', 'data-feed="/feed/tower-hamlets.json"')
    .replace('<!-- fallback HTML -->', '<p>The fallback content</p>');
  assert.equal((snippet.match(/integrity="sha384-[A-Za-z0-9+/]{64}"/g) ?? []).length, 2);
  const context = await browser.newContext();
  const requested = [];
  await context.route('**/release/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/release/', '');
    requested.push(name);
    const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.css') ? 'text/css' : name.endsWith('.html') ? 'text/html' : 'text/javascript';
    await route.fulfill({ status: 200, headers: { 'content-type': type }, body: await readFile(new URL(name, DIST)) });
  });
  await context.route('**/release-page.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Release</title></head><body><main>${snippet}</main></body></html>` }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  return { context, page, problems, requested };
}

/** Serves `body` instead of the release files that match `glob`. */
const tamper = (context, glob, body) =>
  context.route(`**/release/${glob}`, (route) =>
    route.fulfill({ status: 200, contentType: glob.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body }));

test('the release folder has every build under hashed names', async () => {
  const names = await readdir(DIST);
  for (const file of ['send-pathways', 'send-pathways-resize', 'send-widgets', 'send-pathway', 'send-tracker', 'send-checker']) {
    for (const suffix of file.startsWith('send-pathways') ? [''] : ['', '_bg']) {
      assert.ok(names.some((n) => new RegExp(`^${file}${suffix}\\.[0-9a-f]{10}\\.`).test(n)), `${file}${suffix} in ${names}`);
    }
  }
});

for (const kind of ['pathway', 'tracker']) {
  test(`the release snippet mounts a ${kind} from its one-widget build, checked by integrity`, async () => {
    const { context, page, problems, requested } = await releasePage(kind);
    await page.goto(new URL('/release-page.html', BASE_URL).href);
    await page.waitForSelector('[data-sp-state="ready"]', { timeout: 15000 });
    assert.deepEqual(problems, []);
    const wasm = requested.filter((n) => n.endsWith('.wasm'));
    assert.equal(wasm.length, 1, requested.join(', '));
    assert.match(wasm[0], new RegExp(`^send-${kind}_bg\\.`));
    await context.close();
  });
}

for (const [what, glob, body] of [
  ['loader', 'send-pathways.*.js', 'console.log("tampered")'],
  ['glue', 'send-pathway.*.js', 'export default async () => {}; export const mountOne = async () => true;'],
  ['wasm', 'send-pathway_bg.*.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])],
]) {
  test(`a tampered ${what} is refused by its integrity hash and the fallback stays`, async () => {
    const { context, page, problems } = await releasePage('pathway');
    await tamper(context, glob, body);
    await page.goto(new URL('/release-page.html', BASE_URL).href);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('[data-sp-state="ready"]').count(), 0);
    assert.equal(await page.locator('[data-send-widget]').innerText(), 'The fallback content');
    assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join('\n'));
    await context.close();
  });
}

test('iframe mode runs from the release folder: embed.html and its script are there', async () => {
  const names = await readdir(DIST);
  assert.ok(names.includes('embed.html'), names.join(', '));
  assert.ok(names.some((n) => /^embed\.[0-9a-f]{10}\.js$/.test(n)), names.join(', '));
  const { context, page, problems, requested } = await releasePage('pathway');
  await page.goto(new URL('/release/embed.html?widget=pathway&feed=/feed/tower-hamlets.json&pathway=autism', BASE_URL).href);
  await page.waitForSelector('[data-sp-state="ready"] .sp-step', { timeout: 15000 });
  assert.ok(requested.some((n) => /^send-pathway_bg\.[0-9a-f]{10}\.wasm$/.test(n)), requested.join(', '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the WordPress plugin zip carries the release files and the plugin', async () => {
  const zip = await readFile(new URL('send-pathways-wordpress.zip', DIST));
  // Central-directory names are stored as plain text in a zip.
  const listing = zip.toString('latin1');
  for (const name of ['send-pathways/send-pathways.php', 'send-pathways/block.json', 'send-pathways/editor.js', 'send-pathways/assets/release.json', 'send-pathways/assets/embed.html', 'send-pathways/assets/.htaccess']) {
    assert.ok(listing.includes(name), `${name} in the zip`);
  }
  assert.match(listing, /send-pathways\/assets\/send-pathways\.[0-9a-f]{10}\.js/);
  assert.ok(!listing.includes('send-pathways/assets/send-editor'), 'no officer editor build in the plugin');
});
