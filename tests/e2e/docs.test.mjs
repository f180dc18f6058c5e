// The documents as web pages (cargo xtask build writes www/docs/*.html from the markdown): each
// one has its title as the page's heading, every "#…" link reaches a heading on the page, links
// between documents reach real pages, nothing scrolls sideways at 320 px, axe finds nothing,
// and Bengali words are marked as Bengali.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { launch, openPage, axeViolations, BASE_URL } from './support.mjs';

const DOCS = readdirSync(new URL('../../www/docs/', import.meta.url))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, '.html'));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every document has a page', () => {
  assert.ok(DOCS.includes('feed-format.html') && DOCS.includes('bengali-glossary.html'), String(DOCS));
});

for (const name of DOCS) {
  test(`docs/${name}: headings, working links, 320 px, axe`, async () => {
    const { page, context, problems } = await openPage(browser, `/docs/${name}`, { width: 320, height: 640 });
    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.count(), 1);
    assert.match(await page.title(), new RegExp(`^${(await h1.innerText()).slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Every in-page link names an element on the page.
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href^="#"]')]
        .map((a) => a.getAttribute('href').slice(1))
        .filter((id) => id && !document.getElementById(decodeURIComponent(id))),
    );
    assert.deepEqual(missing, [], `links to nowhere in ${name}`);
    // Links to other documents go to pages that exist.
    const others = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')]
        .map((a) => a.href)
        .filter((href) => href.startsWith(location.origin) && /\/docs\/[^/]+\.html/.test(href)),
    );
    for (const href of new Set(others.map((h) => h.split('#')[0]))) {
      const response = await fetch(href);
      assert.equal(response.status, 200, href);
    }
    assert.ok(!(await page.locator('main a[href$=".md"]').count()), 'a link still points at markdown');
    // The page itself never scrolls sideways; wide tables and code scroll in their own box.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `${name} is ${wide} px wide at 320 px`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the glossary marks Bengali words as Bengali', async () => {
  const { page, context } = await openPage(browser, '/docs/bengali-glossary.html');
  const table = page.getByRole('region', { name: /^Table/ }).first();
  await table.waitFor();
  const bengali = table.locator('[lang="bn"]');
  assert.ok((await bengali.count()) > 20);
  assert.match(await bengali.first().innerText(), /[\u0980-\u09FF]/);
  // And nothing Bengali is left unmarked in the table's cells.
  const unmarked = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[\u0980-\u09FF]/.test(node.data) && !node.parentElement.closest('[lang="bn"]')) found.push(node.data);
    }
    return found;
  });
  assert.deepEqual(unmarked, []);
  await context.close();
});

test('the feed format guide keeps its own contents, whose links all work', async () => {
  const { page, context } = await openPage(browser, '/docs/feed-format.html');
  assert.equal(await page.getByRole('navigation', { name: 'On this page' }).count(), 0);
  await page.getByRole('link', { name: 'Golden rules' }).first().click();
  assert.equal(new URL(page.url()).hash, '#golden-rules');
  assert.equal(await page.locator('#golden-rules').evaluate((h) => h.tagName), 'H2');
  await context.close();
});
