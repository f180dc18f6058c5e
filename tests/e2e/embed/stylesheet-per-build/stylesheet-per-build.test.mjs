// A page with one kind of widget gets that build's stylesheet (the common rules and its own, cut
// from the whole one by `cargo xtask build`), and it styles the widget exactly as the whole one
// does: every computed style of every element of the widget, and of its ::before and ::after,
// is the same on screen, in print and under forced colours, wide and narrow. A page that links
// the whole stylesheet itself gets no second one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openFixture } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

const WHOLE = new URL('../../../../www/dist/send-pathways.css', import.meta.url);

/** The stylesheets linked in the head, by file name, in order. */
const stylesheets = (page) =>
  page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname.split('/').pop()));

/**
 * The properties the whole stylesheet sets, as the browser's longhands (`border` gives
 * `border-top-width`…): what a lost rule could change. All ~350 would be slow on the tracker.
 */
async function properties(page) {
  const css = (await readFile(WHOLE, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  const named = [...new Set([...css.matchAll(/[{;]\s*([a-z-]+)\s*:/g)].map((m) => m[1]))];
  return page.evaluate((names) => [...getComputedStyle(document.body)].filter((p) => names.some((n) => p === n || p.startsWith(`${n}-`))), named);
}

/** Those computed styles of the widget's elements and their ::before and ::after, as text. */
const styles = (page, names) =>
  page.evaluate((names) => {
    const out = [];
    for (const element of [document.querySelector('#widget'), ...document.querySelectorAll('#widget *')]) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        if (pseudo && style.content === 'none') continue;
        const values = names.map((name) => style.getPropertyValue(name)).join(';');
        out.push(`${element.tagName}.${element.getAttribute('class') ?? ''}${pseudo ?? ''} ${values}`);
      }
    }
    return out;
  }, names);

/** The widget's styles under each medium, wide and narrow. */
async function stylesEverywhere(page) {
  const names = await properties(page);
  const seen = {};
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [medium, emulation] of [
      ['screen', { media: 'screen', forcedColors: 'none' }],
      ['print', { media: 'print', forcedColors: 'none' }],
      ['forced colours', { media: 'screen', forcedColors: 'active' }],
    ]) {
      await page.emulateMedia(emulation);
      // The widget sizes its map to its width: let it see the new one.
      await page.waitForTimeout(200);
      seen[`${medium} at ${width} px`] = await styles(page, names);
    }
  }
  return seen;
}

for (const [kind, own] of [['pathway', 'send-pathway.css'], ['tracker', 'send-tracker.css']]) {
  test(`a ${kind} alone gets ${own}, which styles it as the whole stylesheet does`, async () => {
    const { page, context, problems } = await openFixture(browser, `stylesheet-per-build/${kind}.html`, undefined, { ready: '#widget' });
    assert.deepEqual(await stylesheets(page), [own]);
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    const withOwn = await stylesEverywhere(page);
    // The same page again, its stylesheet answered with the whole one.
    const whole = await readFile(WHOLE);
    await context.route(`**/dist/${own}`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/css' }, body: whole }));
    await page.emulateMedia({ media: 'screen', forcedColors: 'none' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.waitForSelector('#widget[data-sp-state="ready"]', { timeout: 30000 });
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    const withWhole = await stylesEverywhere(page);
    for (const [where, styled] of Object.entries(withWhole)) {
      assert.ok(styled.length > 50, `${where}: ${styled.length} elements`);
      const differs = styled.findIndex((line, i) => line !== withOwn[where][i]);
      assert.equal(differs, -1, `${where}: ${styled[differs]}\nwith ${own}: ${withOwn[where][differs]}`);
      assert.equal(withOwn[where].length, styled.length, where);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a page that links the whole stylesheet itself gets no other', async () => {
  const { page, context, problems } = await openFixture(browser, 'stylesheet-per-build/by-hand.html', undefined, { ready: '#widget' });
  assert.deepEqual(await stylesheets(page), ['send-pathways.css']);
  assert.deepEqual(problems, []);
  await context.close();
});
