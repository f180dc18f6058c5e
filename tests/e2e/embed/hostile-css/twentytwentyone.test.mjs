// Measured theme isolation: the widgets under Twenty Twenty-One's real stylesheet (a copy of
// the theme's style.css) against the same page with no theme, the page's font and the widget's
// width made the same. Every computed layout and colour property of every element of the widget
// must be equal: no theme rule short of !important changes them. Theming by the documented
// custom properties must still work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

const PROPERTIES = [
  'color', 'background-color', 'background-image', 'border-top-width', 'border-right-width', 'border-bottom-width',
  'border-left-width', 'border-top-style', 'border-bottom-style', 'border-left-style', 'border-right-style',
  'border-top-color', 'border-bottom-color', 'border-left-color', 'border-right-color', 'border-top-left-radius',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'margin-top', 'margin-right', 'margin-bottom',
  'margin-left', 'display', 'position', 'float', 'text-decoration-line', 'text-transform', 'letter-spacing',
  'font-weight', 'font-style', 'font-size', 'line-height', 'font-family', 'box-shadow', 'outline-style',
  'list-style-type', 'text-align', 'fill', 'stroke', 'max-width', 'min-height', 'vertical-align', 'white-space',
  'text-shadow', 'opacity', 'width', 'height',
];

/** Every element of both widgets, in order, with its computed properties. */
function measure(page) {
  return page.evaluate((properties) => {
    const out = [];
    for (const root of document.querySelectorAll('[data-send-widget] > .sp')) {
      const all = [root, ...root.querySelectorAll('*')];
      all.forEach((element, index) => {
        const style = getComputedStyle(element);
        const name = `${root.parentElement.id} ${element.tagName.toLowerCase()}.${[...element.classList].join('.')}#${index}`;
        out.push([name, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))]);
      });
    }
    return out;
  }, PROPERTIES);
}

/** Opens a fixture with both widgets mounted. */
async function openBoth(path) {
  const opened = await openFixture(browser, path);
  await opened.page.waitForSelector('#pathway[data-sp-state="ready"]', { timeout: 15000 });
  await opened.page.waitForSelector('#tracker[data-sp-state="ready"]', { timeout: 15000 });
  return opened;
}

/** The differences between two measurements, as "element property: baseline → themed". */
function differences(baseline, themed) {
  assert.equal(themed.length, baseline.length, 'the same elements');
  const found = [];
  baseline.forEach(([name, style], i) => {
    for (const p of PROPERTIES) {
      if (style[p] !== themed[i][1][p]) found.push(`${name} ${p}: ${style[p]} → ${themed[i][1][p]}`);
    }
  });
  return found;
}

test("under Twenty Twenty-One's real rules every layout and colour property of the widgets is unchanged", async () => {
  const themed = await openBoth('hostile-css/tt1-themed.html');
  // What the theme gives the widgets' container: the font (inherited, by design) and the width.
  const host = await themed.page.locator('#pathway').evaluate((e) => {
    const s = getComputedStyle(e);
    return { width: e.getBoundingClientRect().width, font: s.fontFamily, size: s.fontSize, line: s.lineHeight, spacing: s.letterSpacing };
  });
  const baseline = await openBoth('hostile-css/tt1-baseline.html');
  await baseline.page.addStyleTag({
    content: `#slot > [data-send-widget] { display: block; width: ${host.width}px; font-family: ${host.font}; font-size: ${host.size}; line-height: ${host.line}; letter-spacing: ${host.spacing}; }`,
  });
  const found = differences(await measure(baseline.page), await measure(themed.page));
  console.log(`Twenty Twenty-One changed ${found.length} computed properties of the widgets`);
  assert.deepEqual(found.slice(0, 40), []);
  assert.deepEqual(await axeViolations(themed.page, '[data-send-widget]'), []);
  assert.deepEqual(themed.problems, []);
  assert.deepEqual(baseline.problems, []);
  await themed.context.close();
  await baseline.context.close();
});

test('under Twenty Twenty-One the documented custom properties still theme the widget', async () => {
  const { page, context, problems } = await openBoth('hostile-css/tt1-themed.html');
  await page.addStyleTag({ content: '.sp { --sp-link: #00703c; --sp-text: #222222; }' });
  const toggle = page.locator('#pathway .sp-step__toggle').first();
  assert.equal(await toggle.evaluate((e) => getComputedStyle(e).color), 'rgb(0, 112, 60)');
  assert.equal(await page.locator('#pathway .sp').evaluate((e) => getComputedStyle(e).color), 'rgb(34, 34, 34)');
  assert.deepEqual(problems, []);
  await context.close();
});
