// The plugin in a real WordPress (Debian's 6.1, Apache, PHP 8.2, MariaDB) that `cargo xtask
// test` starts (crates/xtask/src/wordpress.rs) with DISALLOW_UNFILTERED_HTML set and the theme
// Twenty Twenty-One. Posts are saved through the REST API as the block editor saves them, so
// WordPress's HTML filter applies to each role: an Author's post, an Editor's page.
// Run only by that step (WP_URL and WP_USERS come from it); not matched by `node --test e2e/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, axeViolations } from '../support.mjs';

const WP = process.env.WP_URL;
const USERS = JSON.parse(process.env.WP_USERS ?? '{}');
const FEED_FILE = new URL('../../../www/feed/tower-hamlets.json', import.meta.url);

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** A REST API call as one of the test users (application passwords, as a client would). */
async function rest(role, route, { method = 'GET', json, body, headers = {}, query = {} } = {}) {
  const url = new URL(`${WP}/`);
  url.searchParams.set('rest_route', route);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const auth = Buffer.from(`${USERS[role].user}:${USERS[role].password}`).toString('base64');
  const response = await fetch(url, {
    method,
    headers: { authorization: `Basic ${auth}`, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  let data;
  try { data = JSON.parse(text); } catch { data = text; }
  return { status: response.status, data };
}

/** A page that records console errors and uncaught exceptions. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(url);
  return { page, context, problems };
}

/** The release's file names, from the plugin's own manifest. */
async function release() {
  const response = await fetch(`${WP}/wp-content/plugins/send-pathways/assets/release.json`);
  assert.equal(response.status, 200);
  return (await response.json()).files;
}

/** The fallback HTML as the block editor renders it: the checker build's renderFallback. */
async function renderFallback(text, widget, pathway) {
  const files = await release();
  const base = `${WP}/wp-content/plugins/send-pathways/assets/`;
  const { page, context } = await open(`${WP}/`);
  const html = await page.evaluate(
    async ({ glue, wasm, text, widget, pathway }) => {
      const module = await import(glue);
      await module.default({ module_or_path: wasm });
      return module.renderFallback(text, widget, pathway, 'en', '2', new Date().toISOString().slice(0, 10));
    },
    { glue: base + files['send-checker.js'].file, wasm: base + files['send-checker_bg.wasm'].file, text, widget, pathway },
  );
  await context.close();
  return html;
}

/** The block as the block editor serialises it: comment delimiters around the saved HTML. */
function block(attributes, fallback) {
  const data = [`data-send-widget="${attributes.widget}"`, `data-feed="${attributes.feed}"`];
  if (attributes.pathway) data.push(`data-pathway="${attributes.pathway}"`);
  const { widget, ...stored } = attributes;
  const comment = JSON.stringify(widget === 'pathway' ? stored : attributes);
  return `<!-- wp:send-pathways/widget ${comment} -->\n<div class="wp-block-send-pathways-widget" ${data.join(' ')}>${fallback}</div>\n<!-- /wp:send-pathways/widget -->`;
}

const state = {};

/** Logs `role` in through WordPress's login form, as a person would. */
async function logIn(page, role) {
  await page.goto(`${WP}/wp-login.php`);
  await page.getByLabel('Username or Email Address').fill(USERS[role].user);
  await page.getByLabel('Password', { exact: true }).fill(USERS[role].login);
  await Promise.all([page.waitForURL(/wp-admin/), page.getByRole('button', { name: 'Log In' }).click()]);
}

/** Saves the post open in the block editor (its status already "publish"); its address. */
async function publish(page) {
  await page.evaluate(() => window.wp.data.dispatch('core/editor').savePost());
  await page.waitForFunction(() => {
    const editor = window.wp.data.select('core/editor');
    return !editor.isSavingPost() && editor.getCurrentPost().status === 'publish';
  }, null, { timeout: 30000 });
  return page.evaluate(() => window.wp.data.select('core/editor').getCurrentPost().link);
}

test('an Author uploads the feed to the Media Library as .json', async () => {
  const feed = await readFile(FEED_FILE);
  const { status, data } = await rest('author', '/wp/v2/media', {
    method: 'POST',
    body: feed,
    headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename=send-feed.json' },
  });
  assert.equal(status, 201, JSON.stringify(data));
  assert.equal(data.mime_type, 'application/json');
  assert.match(data.source_url, /\.json$/);
  state.feed = data.source_url;
  const served = await fetch(state.feed);
  assert.equal(served.status, 200);
  assert.deepEqual(JSON.parse(await served.text()).pathways.map((p) => p.id), JSON.parse(feed).pathways.map((p) => p.id));
});

test('an Author publishes a post with the block; an Editor a page with the tracker', async () => {
  assert.ok(state.feed, 'needs the uploaded feed');
  const text = await (await fetch(state.feed)).text();
  const pathway = JSON.parse(text).pathways[1].id;
  const pathwayFallback = await renderFallback(text, 'pathway', pathway);
  const trackerFallback = await renderFallback(text, 'tracker', undefined);
  assert.match(pathwayFallback, /<h2/);
  // The script an Author might paste is removed by WordPress's filter; the block is not.
  const post = await rest('author', '/wp/v2/posts', {
    method: 'POST',
    json: {
      title: 'Our SEND pathway',
      status: 'publish',
      content: `${block({ widget: 'pathway', feed: state.feed, pathway }, pathwayFallback)}\n<script>document.title = 'pasted'</script>`,
    },
  });
  assert.equal(post.status, 201, JSON.stringify(post.data));
  const saved = await rest('author', `/wp/v2/posts/${post.data.id}`, { query: { context: 'edit' } });
  assert.ok(!saved.data.content.raw.includes('<script'), 'the filter is on for Authors');
  assert.ok(saved.data.content.raw.includes(`data-pathway="${pathway}"`), 'the placeholder survives the filter');
  assert.ok(saved.data.content.raw.includes('<h2'), 'the fallback survives the filter');
  state.post = post.data.link;
  state.pathway = pathway;

  const page = await rest('editor', '/wp/v2/pages', {
    method: 'POST',
    json: { title: 'Our improvement plan', status: 'publish', content: block({ widget: 'tracker', feed: state.feed }, trackerFallback) },
  });
  assert.equal(page.status, 201, JSON.stringify(page.data));
  state.page = page.data.link;

  const classic = await rest('author', '/wp/v2/posts', {
    method: 'POST',
    json: {
      title: 'Classic editor',
      status: 'publish',
      content: `[send_pathways widget="pathway" feed="${state.feed}" pathway="${pathway}"]${pathwayFallback}[/send_pathways]`,
    },
  });
  assert.equal(classic.status, 201, JSON.stringify(classic.data));
  state.classic = classic.data.link;
});

test("in the block editor, an Author's block renders its text-only version from the feed and publishes with it", async () => {
  assert.ok(state.feed, 'needs the uploaded feed');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await logIn(page, 'author');
  await page.goto(`${WP}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('send-pathways/widget'), null, { timeout: 60000 });
  const pathway = state.pathway ?? 'autism';
  const clientId = await page.evaluate(({ feed, pathway }) => {
    const block = window.wp.blocks.createBlock('send-pathways/widget', { feed, pathway });
    window.wp.data.dispatch('core/block-editor').insertBlocks(block);
    window.wp.data.dispatch('core/editor').editPost({ title: 'Added in the block editor', status: 'publish' });
    return block.clientId;
  }, { feed: state.feed, pathway });
  // The block's editor script fetches the feed and renders the fallback with the core's renderer.
  await page.waitForFunction(
    (id) => (window.wp.data.select('core/block-editor').getBlockAttributes(id)?.fallback ?? '').includes('<h2'),
    clientId,
    { timeout: 30000 },
  );
  const link = await publish(page);
  await context.close();
  assert.deepEqual(problems, []);
  const view = await open(link);
  await view.page.waitForSelector('[data-send-widget][data-sp-state="ready"] .sp-step', { timeout: 20000 });
  assert.deepEqual(view.problems, []);
  await view.context.close();
});

test("in the block editor, an Editor picks a plan by the block's Plan list and the page shows that plan", async () => {
  assert.ok(state.feed, 'needs the uploaded feed');
  const plans = JSON.parse(await (await fetch(state.feed)).text()).plans ?? [];
  assert.ok(plans.length > 1, 'the sample has more than one plan');
  // Not the plan the tracker shows by default: the last one.
  const chosen = plans[plans.length - 1];
  const title = typeof chosen.title === 'string' ? chosen.title : chosen.title.en;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await logIn(page, 'editor');
  await page.goto(`${WP}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('send-pathways/widget'), null, { timeout: 60000 });
  const clientId = await page.evaluate(({ feed }) => {
    const block = window.wp.blocks.createBlock('send-pathways/widget', { feed, widget: 'tracker' });
    window.wp.data.dispatch('core/block-editor').insertBlocks(block);
    window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    window.wp.data.dispatch('core/editor').editPost({ title: 'A chosen plan', status: 'publish' });
    return block.clientId;
  }, { feed: state.feed });
  // The block's settings, as the Editor meets them: open the sidebar if it is closed.
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  if ((await settings.getAttribute('aria-pressed')) !== 'true') await settings.click();
  // The block shows its settings in the sidebar and in its own box; the sidebar's, here.
  const list = page.getByRole('region', { name: 'Editor settings' }).getByRole('combobox', { name: 'Plan', exact: true });
  await list.waitFor({ timeout: 30000 });
  const options = await list.locator('option').allInnerTexts();
  assert.equal(options[0], 'The current plan');
  const label = options.find((o) => o.startsWith(title));
  assert.ok(label, `${title} in ${options.join(' | ')}`);
  await list.selectOption({ label });
  await page.waitForFunction(
    ({ id, plan, title }) => {
      const attributes = window.wp.data.select('core/block-editor').getBlockAttributes(id);
      return attributes?.plan === plan && (attributes.fallback ?? '').includes(title);
    },
    { id: clientId, plan: chosen.id, title },
    { timeout: 30000 },
  );
  const link = await publish(page);
  await context.close();
  assert.deepEqual(problems, []);
  const view = await open(link);
  const widget = view.page.locator(`[data-send-widget="tracker"][data-plan="${chosen.id}"]`);
  await view.page.waitForSelector(`[data-send-widget][data-plan="${chosen.id}"][data-sp-state="ready"]`, { timeout: 20000 });
  assert.equal((await widget.getByRole('heading', { level: 2 }).first().innerText()).trim(), title);
  assert.deepEqual(view.problems, []);
  await view.context.close();
});

for (const [name, key, selector, stylesheet] of [
  ["the Author's post", 'post', '.sp-step', 'send-pathway'],
  ["the Editor's page", 'page', '.sp-action', 'send-tracker'],
  ['the shortcode post', 'classic', '.sp-step', 'send-pathway'],
]) {
  test(`${name} mounts its widget with no console error, axe-core clean`, async () => {
    assert.ok(state[key], 'needs the published post');
    const { page, context, problems } = await open(state[key]);
    await page.waitForSelector('[data-send-widget][data-sp-state="ready"]', { timeout: 20000 });
    assert.ok((await page.locator(selector).count()) > 0);
    assert.equal(await page.locator('script[type="module"][src*="send-pathways."][integrity^="sha384-"]').count(), 1);
    // The plugin links the stylesheet of the one kind of widget in the head, once (not the
    // whole one with both kinds' rules); the loader adds no other.
    assert.equal(await page.locator(`head link[rel="stylesheet"][href*="/${stylesheet}."]`).count(), 1);
    assert.equal(await page.locator('link[rel="stylesheet"][href*="/send-pathway"], link[rel="stylesheet"][href*="/send-tracker"]').count(), 1);
    assert.deepEqual(await axeViolations(page, '[data-send-widget]'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a page without a widget gets no loader', async () => {
  const { page, context, problems } = await open(`${WP}/?page_id=2`);
  assert.equal(await page.locator('script[src*="send-pathways"]').count(), 0);
  assert.equal(await page.locator('link[href*="send-pathway"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with the plugin deactivated the same post and page show their fallback', async () => {
  assert.ok(state.post && state.page, 'needs the published post and page');
  const off = await rest('admin', '/wp/v2/plugins/send-pathways/send-pathways', { method: 'PUT', json: { status: 'inactive' } });
  assert.equal(off.status, 200, JSON.stringify(off.data));
  try {
    for (const url of [state.post, state.page]) {
      const { page, context, problems } = await open(url);
      const placeholder = page.locator('[data-send-widget]');
      await placeholder.waitFor();
      assert.equal(await page.locator('script[src*="send-pathways"]').count(), 0);
      assert.equal(await placeholder.getAttribute('data-sp-state'), null);
      assert.ok((await placeholder.getByRole('heading').count()) > 0, 'the fallback has its headings');
      assert.ok((await placeholder.innerText()).length > 200);
      assert.deepEqual(problems, []);
      await context.close();
    }
  } finally {
    await rest('admin', '/wp/v2/plugins/send-pathways/send-pathways', { method: 'PUT', json: { status: 'active' } });
  }
});

test('the plugin wrote no PHP warning or notice', async () => {
  const log = await readFile(process.env.WP_DEBUG_LOG ?? '/nonexistent', 'utf8').catch(() => '');
  const ours = log.split('\n').filter((line) => line.includes('send-pathways'));
  assert.deepEqual(ours, []);
});
