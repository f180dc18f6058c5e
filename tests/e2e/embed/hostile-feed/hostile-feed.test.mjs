// A feed whose every text field carries markup and script: the widgets show it as text, run
// none of it (a page-level trap counts any script that runs), link nowhere but http(s),
// mailto and tel, and leave the host page as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, serveFixtures, BASE_URL } from '../../support.mjs';

/** Every key whose string value is text for families (see crates/core/src/feed.rs). */
const TEXT_KEYS = new Set([
  'name', 'description', 'text', 'provider', 'referral', 'title', 'summary', 'body', 'while_waiting',
  'source', 'start', 'if_missed', 'label', 'leads', 'problem', 'objective', 'note', 'we_did', 'you_said', 'cost',
]);
const PAYLOADS = [
  '<img src=x onerror=pwn("img")>',
  '</script><script>pwn("script")</script>',
  '"><svg onload=pwn("svg")>',
  "' onmouseover='pwn(\"attr\")' x='",
  '<iframe srcdoc="<script>parent.pwn(\'iframe\')</script>"></iframe>',
  '<a href="javascript:pwn(\'link\')">click</a>',
  '<style>body { display: none !important }</style>',
  '\u202Egnp.exe\u202C right-to-left override',
  '{{constructor.constructor("pwn(\'template\')")()}}',
  '&lt;b&gt;already escaped&lt;/b&gt; &amp;',
];
const HUGE = `${'<b>huge</b> '.repeat(20000)}end of the huge text`;

let browser;
let hostile;
before(async () => {
  browser = await launch();
  const sample = await readFile(new URL('../../../../www/feed/tower-hamlets.json', import.meta.url), 'utf8');
  // Ids too: one step and one service renamed everywhere to markup.
  const renamed = sample
    .replaceAll('"waiting-list"', JSON.stringify('"><img src=x onerror=pwn("id")>'))
    .replaceAll('"sendiass"', JSON.stringify("sendiass' onfocus='pwn(\"service\")"));
  const feed = JSON.parse(renamed);
  let n = 0;
  const walk = (value, key) => {
    if (typeof value === 'string') return TEXT_KEYS.has(key) ? `${PAYLOADS[n++ % PAYLOADS.length]} #${n}` : value;
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') {
      // A plan's period holds dates, not text (its `start` is not a clock's `start`).
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'period' ? v : walk(v, k)]));
    }
    return value;
  };
  hostile = walk(feed);
  hostile.publisher.url = 'data:text/html,<script>pwn("publisher")</script>';
  hostile.services[0].description = HUGE;
  hostile.services.forEach((service, i) => {
    service.contact = [
      { url: 'javascript:pwn("url")', email: 'a@b.c?body=<script>', phone: 'javascript:pwn(1)' },
      { url: ' JaVaScRiPt:pwn("url2")', email: 'javascript:pwn(2)//@x.y', phone: '<img src=x onerror=pwn(3)>' },
      { url: 'data:text/html;base64,PHNjcmlwdD5wd24oKTwvc2NyaXB0Pg==', email: 'mailto:x@y.z"><script>pwn(4)</script>' },
      { url: '//evil.example/x', email: 'x@y.z', phone: '020 7364 5006' },
    ][i % 4];
  });
});
after(() => browser?.close());

test('markup and script in every text field are shown as text and never run', async () => {
  const context = await browser.newContext();
  await serveFixtures(context);
  await context.route('**/__fixtures__/hostile-feed/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL('/__fixtures__/hostile-feed/page.html', BASE_URL).href);
  await page.waitForSelector('#pathway[data-sp-state]:not([data-sp-state="loading"])', { timeout: 20000 });
  assert.equal(await page.getAttribute('#pathway', 'data-sp-state'), 'ready', problems.join('\n'));
  await page.waitForSelector('#tracker[data-sp-state="ready"]', { timeout: 20000 });
  // Open everything, so every panel's text is in the page and every link can be hovered.
  const list = page.locator('#pathway [data-sp-action="view"][data-view="list"]');
  if (await list.count()) await list.click();
  const openAll = page.locator('#pathway .sp-toggle-all');
  if (await openAll.count()) await openAll.click();
  await page.locator('[data-send-widget] a').first().hover().catch(() => {});
  await page.waitForTimeout(500);

  assert.deepEqual(await page.evaluate(() => window.__ran), [], 'no feed script ran');
  const widgets = await page.evaluate(() => {
    const inside = [...document.querySelectorAll('[data-send-widget] *')];
    return {
      tags: [...new Set(inside.map((e) => e.localName))],
      handlers: inside.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName} ${a.name}`)),
      styles: inside.filter((e) => e.hasAttribute('style')).length,
      hrefs: inside.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
      text: [...document.querySelectorAll('[data-send-widget]')].map((e) => e.textContent).join('\n'),
    };
  });
  for (const tag of ['script', 'img', 'iframe', 'style', 'object', 'embed', 'b']) {
    assert.ok(!widgets.tags.includes(tag), `a <${tag}> from the feed: ${widgets.tags}`);
  }
  assert.deepEqual(widgets.handlers, [], 'no event handler attributes');
  assert.equal(widgets.styles, 0, 'no style attributes');
  for (const href of widgets.hrefs) {
    assert.match(href, /^(https?:\/\/[^/]|mailto:|tel:|#)/, `link ${href}`);
  }
  // Literally the feed's text, brackets, quotes, entities, direction marks and all.
  for (const payload of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[4], PAYLOADS[7], PAYLOADS[9], 'end of the huge text']) {
    assert.ok(widgets.text.includes(payload), `shown literally: ${payload}`);
  }
  // The host page is intact: its own elements, title and scripts, and it still responds.
  assert.equal(await page.title(), 'A hostile feed');
  assert.equal(await page.locator('#host-footer').innerText(), "The council's own content, after the widgets.");
  assert.equal(await page.locator('#host-header').isVisible(), true);
  assert.equal(await page.locator('body').isVisible(), true);
  assert.equal(await page.evaluate(() => document.scripts.length), 2);
  assert.equal(await page.evaluate(() => location.pathname), '/__fixtures__/hostile-feed/page.html');
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  assert.ok(Date.now() - started < 1000, 'the tab still responds');
  assert.deepEqual(await page.evaluate(() => window.__ran), [], 'still nothing ran');
  assert.deepEqual(problems, []);
  // The trap works: the same payload, put in as HTML by the page itself, is caught.
  await page.evaluate((html) => { document.createElement('div').innerHTML = html; }, PAYLOADS[0]);
  await page.waitForFunction(() => window.__ran.length > 0);
  await context.close();
});
