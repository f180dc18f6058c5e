// The embed-code builder: choices become snippets and a live preview (iframe mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('choices update the snippets and the preview; low contrast is flagged', async () => {
  const { page, context, problems } = await openPage(browser, '/builder.html');
  await page.waitForSelector('body[data-builder-ready="true"]');
  await page.selectOption('#pathway', 'ehc-needs-assessment');
  await page.selectOption('#lang', 'bn');
  await page.selectOption('#heading', '3');
  await page.waitForSelector('body[data-builder-ready="true"]');
  await page.waitForFunction(() => document.getElementById('script-code').value.includes('data-heading-level="3"'));
  const script = await page.locator('#script-code').inputValue();
  assert.match(script, /data-send-widget="pathway"/);
  assert.match(script, /data-pathway="ehc-needs-assessment"/);
  assert.match(script, /data-lang="bn"/);
  assert.match(script, /data-heading-level="3"/);
  // The pathway's own stylesheet is linked, before the loader, and is there to load.
  const css = /^<link rel="stylesheet" href="([^"]*\/send-pathway\.css)">\n<script /.exec(script);
  assert.ok(css, script.slice(0, 200));
  const served = await page.request.get(css[1]);
  assert.equal(served.status(), 200);
  assert.match(served.headers()['content-type'], /text\/css/);
  // The text-only version, rendered by the core in the page, is inside the placeholder.
  assert.match(script, /<div data-send-widget="pathway"[^>]*>\n<section class="sp[^"]*"[^>]*lang="bn"[\s\S]*<h3[\s\S]*<\/section>\n<\/div>$/);
  assert.doesNotMatch(script, /sendfeed render/);
  const block = await page.locator('#block-code').inputValue();
  assert.match(block, /^<!-- wp:send-pathways\/widget \{"feed":"[^"]+","pathway":"ehc-needs-assessment","lang":"bn","headingLevel":3\} -->\n<div class="wp-block-send-pathways-widget" data-send-widget="pathway"[^>]*><section[\s\S]*<\/div>\n<!-- \/wp:send-pathways\/widget -->$/);
  assert.doesNotMatch(block, /<script/);
  assert.match(await page.locator('#shortcode-code').inputValue(), /^\[send_pathways widget="pathway" feed="[^"]+" pathway="ehc-needs-assessment" lang="bn" heading="3"\]<section[\s\S]*\[\/send_pathways\]$/);
  const iframe = await page.locator('#iframe-code').inputValue();
  assert.match(iframe, /embed\.html\?widget=pathway&amp;feed=.*&amp;pathway=ehc-needs-assessment/);
  assert.doesNotMatch(iframe, /width="/);
  assert.match(iframe, /^<div class="send-pathways-frame">\n  <iframe [^>]*style="border: 0; width: 100%"/);
  const frame = page.frameLocator('#preview');
  await frame.locator('[data-sp-state="ready"] h3.sp-title[lang="bn"], [data-sp-state="ready"] h3.sp-title').first().waitFor({ timeout: 15000 });
  assert.equal(await frame.locator('section.sp').getAttribute('lang'), 'bn');

  await page.locator('#colour-link').evaluate((input) => {
    input.value = '#ffff00';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.match(await page.locator('#contrast').innerText(), /link colour has contrast below 4\.5 to 1/);
  assert.match(await page.locator('#css-code').inputValue(), /--sp-link: #ffff00;/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed address that gives no feed is explained at the field, and nothing else is lost', async () => {
  const { page, context, problems } = await openPage(browser, '/builder.html');
  await page.waitForSelector('body[data-builder-ready="true"]');
  await page.selectOption('#heading', '3');
  await page.getByLabel('Feed address').fill('feed/no-such-feed.json');
  await page.getByLabel('Feed address').dispatchEvent('change');
  const error = page.locator('#feed-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.innerText(), /could not be read from this address/);
  assert.equal(await page.getByLabel('Feed address').getAttribute('aria-describedby'), 'feed-error');
  await page.waitForSelector('body[data-builder-ready="true"]');
  assert.equal(await page.locator('#heading').inputValue(), '3');
  assert.match(await page.locator('#script-code').inputValue(), /The feed could not be read/);
  // Put right, the text-only version comes back.
  await page.getByLabel('Feed address').fill('feed/tower-hamlets.json');
  await page.getByLabel('Feed address').dispatchEvent('change');
  await error.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.getElementById('script-code').value.includes('<section'));
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await context.close();
});

test('a feed with more than one plan offers them for the tracker; data-plan goes in only when chosen', async () => {
  const { page, context, problems } = await openPage(browser, '/builder.html');
  await page.waitForSelector('body[data-builder-ready="true"]');
  // For the pathway there is no plan to choose.
  assert.equal(await page.getByLabel('Plan', { exact: true }).isVisible(), false);
  await page.getByLabel('Widget', { exact: true }).selectOption('tracker');
  await page.waitForSelector('body[data-builder-ready="true"]');
  const plan = page.getByLabel('Plan', { exact: true });
  assert.equal(await plan.isVisible(), true);
  // Listed by title and period, the current plan first and chosen.
  assert.deepEqual(await plan.locator('option').allInnerTexts(), [
    'The current plan',
    'Tower Hamlets SEND Written Statement of Action (from 2021)',
    'Areas for further improvement in 2024/25 (2024 to 2025)',
  ]);
  assert.equal(await plan.inputValue(), '');
  await page.waitForFunction(() => document.getElementById('script-code').value.includes('data-send-widget="tracker"'));
  for (const id of ['script-code', 'block-code', 'shortcode-code', 'iframe-code']) {
    assert.doesNotMatch(await page.locator(`#${id}`).inputValue(), /data-plan|"plan"|plan="|plan=/, id);
  }

  await plan.selectOption('priorities-2024-25');
  await page.waitForFunction(() => document.getElementById('script-code').value.includes('data-plan='));
  await page.waitForSelector('body[data-builder-ready="true"]');
  const script = await page.locator('#script-code').inputValue();
  assert.match(script, /<div data-send-widget="tracker" data-feed="[^"]+" data-plan="priorities-2024-25">/);
  assert.match(script, /^<link rel="stylesheet" href="[^"]*\/send-tracker\.css">\n/);
  // The text-only version inside is that plan, not the current one.
  assert.match(script, /<h2[^>]*>Areas for further improvement in 2024\/25<\/h2>/);
  assert.match(await page.locator('#block-code').inputValue(), /^<!-- wp:send-pathways\/widget \{"feed":"[^"]+","widget":"tracker","plan":"priorities-2024-25"\} -->\n<div class="wp-block-send-pathways-widget" data-send-widget="tracker" data-feed="[^"]+" data-plan="priorities-2024-25">/);
  assert.match(await page.locator('#shortcode-code').inputValue(), /^\[send_pathways widget="tracker" feed="[^"]+" plan="priorities-2024-25"\]/);
  assert.match(await page.locator('#iframe-code').inputValue(), /embed\.html\?widget=tracker&amp;feed=[^"]*&amp;plan=priorities-2024-25/);
  // The preview (iframe mode) shows the chosen plan.
  const frame = page.frameLocator('#preview');
  await frame.getByRole('heading', { level: 2, name: 'Areas for further improvement in 2024/25' }).waitFor({ timeout: 15000 });
  assert.deepEqual(await axeViolations(page), []);

  // Back to the current plan: the option leaves the code again.
  await plan.selectOption('');
  await page.waitForFunction(() => !document.getElementById('script-code').value.includes('data-plan='));
  assert.deepEqual(problems, []);
  await context.close();
});
