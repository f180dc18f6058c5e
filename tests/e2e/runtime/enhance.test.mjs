// Mounting by enhancing the fallback that is already there (issue 20, item 8): on the demo
// page, whose no-JavaScript fallback `sendfeed render` wrote from the same feed, the widget
// keeps the fallback's elements (the section and every step's item are the same DOM nodes once
// it answers) and adds its controls around them; a fallback from another feed is drawn anew,
// and both end as the same widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations, BASE_URL } from '../support.mjs';

const WIDGET = '[data-send-widget="pathway"]';
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/**
 * The demo page with the loader held back until the fallback's elements are marked, so the
 * test knows them again afterwards. `page` (optional) rewrites the page's HTML first.
 */
async function openHeld(rewrite = (html) => html) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/\/dist\/send-pathways(\.[0-9a-f]+)?\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await context.route('**/index.html*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: rewrite(await response.text()) });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL('/index.html', BASE_URL).href, { waitUntil: 'commit' });
  await page.waitForSelector(`${WIDGET} .sp-help`, { state: 'attached' });
  const marked = await page.evaluate((widget) => {
    const root = document.querySelector(widget);
    window.fallback = {
      section: root.querySelector('section'),
      steps: [...root.querySelectorAll('li[data-step]')],
    };
    return { steps: window.fallback.steps.length, drawn: window.fallback.section.getAttribute('data-sp-drawn') };
  }, WIDGET);
  release();
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"]`, { timeout: 15000 });
  return { page, context, problems, marked };
}

/** Which of the fallback's elements the widget still shows. */
const kept = (page) =>
  page.evaluate((widget) => {
    const root = document.querySelector(widget);
    const steps = [...root.querySelectorAll('li[data-step]')];
    return {
      section: root.querySelector('section') === window.fallback.section,
      steps: steps.length,
      stepsKept: steps.filter((s) => window.fallback.steps.includes(s)).length,
    };
  }, WIDGET);

/** The widget as the page holds it: tags, attributes (sorted, ids without their prefix), texts. */
const shape = (page) =>
  page.evaluate((widget) => {
    const section = document.querySelector(`${widget} section`);
    const prefix = section.getAttribute('aria-labelledby').replace(/-title$/, '');
    const plain = (v) => v.split(prefix).join('ID');
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      return [
        node.localName,
        [...node.attributes].map((a) => `${a.name}=${plain(a.value)}`).sort().join(' '),
        [...node.childNodes].map(walk),
      ];
    };
    return JSON.stringify(walk(section));
  }, WIDGET);

/** Opens the list and a step by keyboard, uses the finder, shows the map: the widget works. */
async function works(page) {
  const widget = page.locator(WIDGET);
  const list = widget.getByRole('button', { name: 'List of steps' });
  await list.focus();
  await page.keyboard.press('Enter');
  assert.equal(await list.getAttribute('aria-pressed'), 'true');
  const step = widget.getByRole('button', { name: /^Step 1: / });
  await step.focus();
  await page.keyboard.press('Enter');
  assert.equal(await step.getAttribute('aria-expanded'), 'true');
  const panel = widget.locator(`#${await step.getAttribute('aria-controls')}`);
  assert.equal(await panel.isVisible(), true, 'the step opened');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true', 'focus stays on the step');
  await widget.getByLabel("Your child's age").selectOption('2');
  await page.waitForFunction((w) => document.querySelector(`${w} .sp-finder__results`)?.textContent.length > 0, WIDGET);
  assert.match(await widget.locator('.sp-finder__results').innerText(), /Pathways that fit|No pathway/);
  assert.deepEqual(await axeViolations(page), [], 'list, a step open, the finder used');
  await widget.getByRole('button', { name: 'Map' }).click();
  await page.waitForSelector(`${WIDGET} [data-sp-map]:not([hidden])`);
  assert.equal(await widget.locator('[data-sp-map] g[data-step]').count() > 0, true, 'the map shows the steps');
  assert.deepEqual(await axeViolations(page), [], 'the map');
}

test('the demo page: the widget keeps its own fallback, every step the same element, and works', async () => {
  const { page, context, problems, marked } = await openHeld();
  assert.match(marked.drawn ?? '', /^\S+ pathway en h2 \d+:[0-9a-f]{16} spf-autism$/, 'the fallback says what drew it');
  assert.ok(marked.steps >= 5, `${marked.steps} steps in the fallback`);
  assert.deepEqual(await kept(page), { section: true, steps: marked.steps, stepsKept: marked.steps });
  // It is now the widget's drawing: the stamp goes, the family's controls are there.
  assert.equal(await page.locator(`${WIDGET} section`).getAttribute('data-sp-drawn'), null);
  assert.deepEqual(await axeViolations(page), [], 'as mounted (the map, as the page asks)');
  const enhanced = await shape(page);
  await works(page);
  assert.deepEqual(await kept(page), { section: true, steps: marked.steps, stepsKept: marked.steps });
  assert.deepEqual(problems, []);
  await context.close();

  // The same page whose fallback says another feed drew it: drawn anew, and the same widget.
  const other = await openHeld((html) => html.replace(/(data-sp-drawn="\S+ pathway en h2 )\d+:[0-9a-f]{16}/, '$11:0000000000000000'));
  assert.match(other.marked.drawn, / 1:0{16} /);
  const rebuilt = await kept(other.page);
  assert.equal(rebuilt.section, false, 'a new section');
  assert.equal(rebuilt.stepsKept, 0, 'new steps');
  assert.equal(rebuilt.steps, marked.steps);
  assert.equal(await shape(other.page), enhanced, 'the enhanced widget is exactly the widget drawn anew');
  await works(other.page);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('a page that reshaped the fallback (a CMS adding line breaks) gets the widget drawn anew', async () => {
  const { page, context, problems } = await openHeld((html) => html.replace('<p class="sp-lead">', '<br><p class="sp-lead">'));
  const rebuilt = await kept(page);
  assert.equal(rebuilt.section, false);
  assert.equal(rebuilt.stepsKept, 0);
  await works(page);
  assert.deepEqual(problems, []);
  await context.close();
});
