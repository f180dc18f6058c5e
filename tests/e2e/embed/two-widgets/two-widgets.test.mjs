// Two widgets on one page share one wasm instance and one fetch of their feed; ids never clash;
// an invalid option is a console warning naming the attribute, and the default is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('two widgets mount from one fetch, with unique ids and option warnings', async () => {
  const { page, context, problems } = await openFixture(browser, 'two-widgets/page.html');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.reload();
  await page.waitForSelector('#first[data-sp-state="ready"]');
  await page.waitForSelector('#second[data-sp-state="ready"]');
  const loaded = (suffix) => page.evaluate((s) =>
    performance.getEntriesByType('resource').filter((e) => e.name.endsWith(s)).length, suffix);
  assert.equal(await loaded('/feed/tower-hamlets.json'), 1, 'one fetch per feed URL');
  assert.equal(await loaded('.wasm'), 1, 'one wasm instance');
  assert.equal(await loaded('/send-pathway_bg.wasm'), 1, 'two pathways: the pathway build alone');
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'no duplicate ids');
  assert.equal(await page.locator('#second h3.sp-title').count(), 1, 'heading level option');
  assert.ok(warnings.some((w) => w.includes('data-lang="klingon"') && w.includes('"en" or "bn"')), warnings.join('\n'));
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
