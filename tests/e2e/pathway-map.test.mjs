// The pathway map and the family's tools on the demo page: keyboard walks through the map and
// the list, axe in every state, screenshots (also in Bengali, with a Bengali font), print, deep
// links, "we are here", the finder and the statutory clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { BASE_URL, launch, openPage, axeViolations, speak } from './support.mjs';

const WIDGET = '[data-send-widget="pathway"]';
const OUTPUT = new URL('../output/', import.meta.url);
let browser;

before(async () => {
  browser = await launch();
  await mkdir(OUTPUT, { recursive: true });
});
after(() => browser?.close());

async function mounted(path = '/index.html', viewport, lang) {
  const opened = await openPage(browser, path, viewport, { lang });
  await opened.page.waitForSelector(`${WIDGET}[data-sp-state="ready"] .sp-pathway`, { timeout: 15000 });
  return opened;
}

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { step: el?.getAttribute('data-step'), action: el?.getAttribute('data-sp-action'), text: el?.textContent };
  });

async function shot(page, name) {
  await page.screenshot({ path: new URL(`pathway-${name}.png`, OUTPUT).pathname, fullPage: true });
}

test('keyboard only: Tab into the map, arrows move, Enter opens, Escape closes, focus shows', async () => {
  const { page, context, problems } = await mounted();
  // Tab from the need select (the last control before the map) reaches exactly one box.
  await page.locator(`${WIDGET} select[name="need"]`).focus();
  await page.keyboard.press('Tab');
  assert.deepEqual((await focused(page)).step, 'notice');
  const ring = () =>
    page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.sp-map__focus')).fill);
  assert.notEqual(await ring(), 'none', 'the focused box shows a focus ring');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).step, 'waiting-list');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).step, 'referral');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).step, 'waiting-list');
  await page.keyboard.press('Enter');
  const details = page.locator(`${WIDGET} .sp-map__details`);
  assert.equal(await details.isVisible(), true);
  assert.match(await details.innerText(), /Step 3: Waiting for the assessment/);
  assert.match(await details.innerText(), /No actual figure has been published/);
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Step 3/);
  assert.match(page.url(), /#pathway:w=autism&p=autism&step=waiting-list/);
  await page.keyboard.press('Escape');
  assert.equal(await details.isVisible(), false);
  assert.equal((await focused(page)).step, 'waiting-list', 'focus returns to the box');
  assert.notEqual(await ring(), 'none');
  // Branches: down from the decision, then right to its sibling, End to the last box.
  for (let i = 0; i < 2; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).step, 'decision');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).step, 'support-in-setting');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).step, 'ehc-request');
  await page.keyboard.press(' ');
  assert.match(await details.innerText(), /or step 8: Ask for an EHC needs assessment/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: switch to the list and open steps with Enter and Space', async () => {
  const { page, context, problems } = await mounted();
  await page.locator(`${WIDGET} [data-sp-action="view"][data-view="list"]`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${WIDGET} .sp-list-view`).isVisible(), true);
  assert.equal(await page.locator(`${WIDGET} .sp-map-view`).isVisible(), false);
  assert.equal((await focused(page)).action, 'view', 'focus stays on the switch');
  // Tab on to the list's first control and walk it.
  let guard = 0;
  while ((await focused(page)).action !== 'toggle-all' && guard++ < 20) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).action, 'toggle');
  await page.keyboard.press('Enter');
  const first = page.locator(`${WIDGET} .sp-step__toggle`).first();
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('choosing the map on a phone says it does not fit and never builds it', async () => {
  // The list first, so the widget has not yet measured itself for the map.
  const { page, context, problems } = await mounted('/index.html#pathway:view=list', { width: 360, height: 640 });
  await page.evaluate((widget) => {
    window.__mapNodes = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          window.__mapNodes += node.matches('.sp-map__node') + node.querySelectorAll('.sp-map__node').length;
        }
      }
    }).observe(document.querySelector(widget), { childList: true, subtree: true });
  }, WIDGET);
  const widget = page.locator(WIDGET);
  await widget.getByRole('button', { name: 'Map', exact: true }).click();
  await widget.getByText('The map does not fit on this screen, so the steps are shown as a list.').waitFor();
  assert.equal(await widget.locator('.sp-list-view').isVisible(), true);
  // Before the width was read ahead of the redraw, the nine boxes were built and taken out again.
  assert.equal(await page.evaluate(() => window.__mapNodes), 0, 'no map box was added to the page');
  assert.equal(await widget.locator('.sp-map__node').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe: no violations collapsed, expanded, details open, filtered, Bengali, clock, at 1280 and 320', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 700 }]) {
    const at = `${viewport.width}px`;
    const { page, context, problems } = await mounted('/index.html', viewport);
    assert.deepEqual(await axeViolations(page), [], `map, collapsed, ${at}`);
    if (viewport.width === 1280) {
      await page.locator(`${WIDGET} [data-sp-action="open-step"][data-step="referral"]`).click();
      assert.deepEqual(await axeViolations(page), [], `details open, ${at}`);
      await shot(page, 'map-details-1280');
      await page.locator(`${WIDGET} [data-sp-action="view"][data-view="list"]`).click();
    }
    await page.locator(`${WIDGET} .sp-toggle-all`).click();
    assert.deepEqual(await axeViolations(page), [], `list expanded, ${at}`);
    await page.locator(`${WIDGET} .sp-toggle-all`).click();
    await page.locator(`${WIDGET} select[name="need"]`).selectOption('slcn');
    assert.match(await page.locator(`${WIDGET} .sp-finder__results`).innerText(), /may not be for your child/);
    assert.deepEqual(await axeViolations(page), [], `filtered, ${at}`);
    await page.locator(`${WIDGET} [data-sp-action="lang"][data-lang="bn"]`).click();
    assert.equal(await page.locator(`${WIDGET} .sp-pathway`).getAttribute('lang'), 'bn');
    assert.deepEqual(await axeViolations(page), [], `Bengali, ${at}`);
    await shot(page, `bn-${viewport.width}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { page, context } = await mounted('/index.html#pathway:p=ehc-needs-assessment');
  await enterClockDate(page.locator(`${WIDGET} .sp-clock`), '2', '9', '2024');
  await page.locator(`${WIDGET} .sp-milestone__due`).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'clock with dates');
  await context.close();
});

/** Types a date into the clock's day, month and year fields, leaving each as a family would. */
async function enterClockDate(clock, day, month, year) {
  for (const [label, value] of [['Day', day], ['Month', month], ['Year', year]]) {
    const field = clock.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Tab');
  }
}

/** Step boxes whose text leaves the box: the layout's width estimate against the real font. */
const spills = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.sp-map__node')].filter((node) => {
      const box = node.querySelector('.sp-map__box').getBBox();
      return [...node.querySelectorAll('tspan')].some((t) => {
        const b = t.getBBox();
        return b.x < box.x || b.x + b.width > box.x + box.width;
      });
    }).map((n) => n.dataset.step),
  );

/** The fonts Chromium drew an element's own text with (DevTools' CSS.getPlatformFontsForNode). */
async function fontsOf(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

test('screenshots at 1280 and 320, in English and Bengali: the map on a desk, the list on a phone, nothing wider than the screen', async () => {
  for (const lang of ['en', 'bn']) {
    for (const width of [1280, 320]) {
      const at = `${lang}, ${width}px`;
      const { page, context } = await mounted('/index.html', { width, height: 900 }, lang);
      assert.equal(await page.locator(`${WIDGET} .sp-pathway`).getAttribute('lang'), lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(overflow, false, `no horizontal scrolling, ${at}`);
      const mapShown = await page.locator(`${WIDGET} .sp-map-view`).isVisible();
      assert.equal(mapShown, width === 1280, `map, ${at}`);
      assert.equal(await page.locator(`${WIDGET} .sp-list-view`).isVisible(), width === 320);
      const name = lang === 'en' ? `map-${width}` : `map-bn-${width}`;
      if (width === 1280) {
        // The layout's width estimate holds for the real font: no text leaves its box.
        assert.deepEqual(await spills(page), [], `text inside its box, ${at}`);
        await shot(page, name);
        if (lang === 'bn') {
          await page.locator(`${WIDGET} [data-sp-action="view"][data-view="list"]`).click();
          await page.locator(`${WIDGET} .sp-toggle-all`).click();
          assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
          await shot(page, 'list-bn-1280');
        }
      } else {
        await shot(page, name);
        if (lang === 'bn') {
          await page.locator(`${WIDGET} .sp-toggle-all`).click();
          assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false,
            `no horizontal scrolling with every step open, ${at}`);
          await shot(page, 'list-bn-320');
        }
      }
      if (lang === 'bn') {
        // A Bengali font is installed (crates/xtask/src/tools.rs): real glyphs, not boxes.
        const header = await page.locator(`${WIDGET} .sp-step__toggle`).first().ariaSnapshot();
        assert.match(header, /button "ধাপ 1: \S/);
        const fonts = await fontsOf(page, `${WIDGET} .sp-toggle-all`);
        assert.ok(fonts.some((f) => /Bengali/.test(f)), `drawn with ${fonts.join(', ')}`);
      }
      await context.close();
    }
  }
  // 400% zoom on a 1280px screen is a 320 CSS px viewport: the map gives way to the list.
  for (const lang of ['en', 'bn']) {
    const { page, context } = await mounted('/index.html', { width: 320, height: 200 }, lang);
    const notice = await page.locator(`${WIDGET} .sp-map-nofit`).innerText();
    assert.match(notice, lang === 'en' ? /does not fit/ : /ম্যাপটি এই স্ক্রিনে আঁটে না/);
    await context.close();
  }
});

/**
 * The sample feed has no Bengali text, so in Bengali its step boxes hold English titles. For the
 * box check to measure Bengali glyphs, this gives every step and stage a Bengali title built
 * from the glossary's own words, a little longer than the English one: stand-in text for
 * measuring, not a translation, never shown outside this test.
 */
const STAND_IN = ['অপেক্ষার', 'তালিকা', 'মূল্যায়ন', 'নির্ণয়', 'শিক্ষা,', 'স্বাস্থ্য', 'ও', 'যত্ন', 'পরিকল্পনা',
  'চাহিদা', 'প্রতিবন্ধিতা', 'সিদ্ধান্ত', 'পরিবারের', 'জন্য', 'সহায়তা', 'পর্যালোচনা'];
function standIn(english, seed) {
  const words = [];
  for (let i = seed; words.join(' ').length < english.length * 1.2; i += 1) words.push(STAND_IN[i % STAND_IN.length]);
  return words.join(' ');
}

test('text fits its box with Bengali titles in every step, long words cut between letter clusters', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await speak(context, 'bn');
  await context.route('**/feed/tower-hamlets.json', async (route) => {
    const response = await route.fetch();
    const feed = await response.json();
    feed.languages = ['en', 'bn'];
    let seed = 0;
    const both = (text) => {
      const en = typeof text === 'string' ? text : text.en;
      seed += 3;
      return { en, bn: standIn(en, seed) };
    };
    for (const pathway of feed.pathways) {
      for (const stage of pathway.stages) stage.title = both(stage.title);
      for (const step of pathway.steps) step.title = both(step.title);
    }
    await route.fulfill({ response, json: feed });
  });
  const page = await context.newPage();
  for (const id of ['autism', 'ehc-needs-assessment', 'preparing-for-adulthood']) {
    await page.goto(new URL(`/index.html#pathway:p=${id}&view=map`, BASE_URL).href);
    await page.reload();
    await page.waitForSelector(`${WIDGET}[data-sp-state="ready"] .sp-map-view:not([hidden])`, { timeout: 15000 });
    const title = await page.locator(`${WIDGET} .sp-map__node .sp-map__title`).first().textContent();
    assert.match(title, /[\u0980-\u09FF]/, `${id}: the boxes hold Bengali`);
    assert.deepEqual(await spills(page), [], `${id}: Bengali text inside its box`);
    // A word too long for its line is cut between letter clusters, never before a vowel sign
    // or after a hasanta (which would draw a dotted circle or a broken conjunct).
    const lines = await page.locator(`${WIDGET} .sp-map__svg tspan`).allTextContents();
    const broken = lines.filter((l) => /^[\u0981-\u0983\u09BC\u09BE-\u09CD\u09D7]|\u09CD$/.test(l));
    assert.deepEqual(broken, [], `${id}: lines cut inside a letter cluster`);
    await shot(page, `map-bn-titles-${id}-1280`);
  }
  await context.close();
});

test('print: the list with every step open and its contacts, no map and no controls', async () => {
  const { page, context } = await mounted('/index.html#pathway:p=ehc-needs-assessment');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator(`${WIDGET} .sp-map-view`).isVisible(), false);
  const steps = await page.locator(`${WIDGET} .sp-step`).count();
  assert.ok(steps > 5);
  assert.equal(await page.locator(`${WIDGET} .sp-step__panel:visible`).count(), steps);
  assert.ok(await page.locator(`${WIDGET} .sp-service:visible`).count() > 0, 'services printed');
  assert.equal(await page.locator(`${WIDGET} .sp-milestone:visible`).count(), 4, 'time limits printed');
  const controls = await page.locator(`${WIDGET} button:visible:not(.sp-step__toggle), ${WIDGET} select:visible, ${WIDGET} input:visible`).count();
  assert.equal(controls, 0);
  await page.screenshot({ path: new URL('pathway-print.png', OUTPUT).pathname, fullPage: true });
  await context.close();
});

test('deep links: the address opens a pathway and step, survives a reload, and back/forward work', async () => {
  const { page, context, problems } = await mounted('/index.html#pathway:p=ehc-needs-assessment&step=draft-plan');
  const details = page.locator(`${WIDGET} .sp-map__details`);
  assert.match(await details.innerText(), /Your draft EHC plan/);
  await page.reload();
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"] .sp-map__details:not([hidden])`);
  assert.match(await details.innerText(), /Your draft EHC plan/);
  await page.locator(`${WIDGET} [data-sp-action="open-step"][data-step="final-plan"]`).click();
  assert.match(await details.innerText(), /Your final EHC plan/);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.sp-map__details-title')?.textContent.includes('draft'));
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('.sp-map__details-title')?.textContent.includes('final'));
  // A "what comes next" link opens that step, in the same pathway.
  await details.locator('.sp-next a').first().click();
  await page.waitForFunction(() => document.querySelector('.sp-map__details-title')?.textContent.includes('Annual'));
  // The same step in the list view is open there too.
  await page.locator(`${WIDGET} [data-sp-action="view"][data-view="list"]`).click();
  const item = page.locator(`${WIDGET} .sp-step[data-step="annual-review"] .sp-step__toggle`);
  assert.equal(await item.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"we are here" survives a reload, shows what comes next, and is forgotten on request', async () => {
  const { page, context, problems } = await mounted();
  await page.locator(`${WIDGET} [data-sp-action="open-step"][data-step="decision"]`).click();
  await page.locator(`${WIDGET} .sp-map__details [data-sp-action="here"]`).click();
  const banner = page.locator(`${WIDGET} .sp-here`);
  assert.match(await banner.innerText(), /You marked this step: Step 5: The diagnosis decision/);
  assert.match(await banner.innerText(), /What comes next: Step 6: Support for your family and Step 7/);
  assert.equal(await page.locator(`${WIDGET} .sp-map__node--here`).getAttribute('data-step'), 'decision');
  assert.equal(await page.locator(`${WIDGET} .sp-map__node--next`).count(), 2);
  await page.reload();
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"] .sp-here--set`);
  assert.match(await banner.innerText(), /Step 5: The diagnosis decision/);
  await page.locator(`${WIDGET} [data-sp-action="view"][data-view="list"]`).click();
  assert.equal(await page.locator(`${WIDGET} .sp-step--here`).getAttribute('data-step'), 'decision');
  await shot(page, 'here-list-1280');
  await page.locator(`${WIDGET} [data-sp-action="forget-here"]`).click();
  assert.equal(await page.locator(`${WIDGET} .sp-here--set`).count(), 0);
  assert.match(await page.locator(`${WIDGET} [data-sp-status]`).innerText(), /Forgotten/);
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':here:')));
  assert.deepEqual(saved, []);
  await page.reload();
  await page.waitForSelector(`${WIDGET}[data-sp-state="ready"] .sp-pathway`);
  assert.equal(await page.locator(`${WIDGET} .sp-here--set`).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('find my pathway: age hides the steps that are not for the child and says how many', async () => {
  const { page, context } = await mounted('/index.html#pathway:p=preparing-for-adulthood');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.locator(`${WIDGET} select[name="age"]`).selectOption('13');
  const results = page.locator(`${WIDGET} .sp-finder__results`);
  assert.match(await results.innerText(), /3 steps are hidden/);
  assert.equal(await page.locator(`${WIDGET} [data-step="transition-plan"]`).count(), 0);
  await shot(page, 'filtered-1280');
  await page.locator(`${WIDGET} [data-sp-action="clear-finder"]`).click();
  assert.equal(await page.locator(`${WIDGET} .sp-map__node[data-step="transition-plan"]`).count(), 1);
  assert.deepEqual(requests, [], 'nothing the family chose left the page');
  await context.close();
});

test('the statutory clock turns the family\'s date into dates from the feed, overdue ones flagged', async () => {
  const { page, context, problems } = await mounted('/index.html#pathway:p=ehc-needs-assessment');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await enterClockDate(page.locator(`${WIDGET} .sp-clock`), '2', '9', '2024');
  const results = page.locator(`${WIDGET} .sp-clock__results`);
  await results.locator('.sp-milestone__due').first().waitFor();
  const text = await results.innerText();
  assert.match(text, /By 14 October 2024 \(week 6\)/);
  assert.match(text, /By 20 January 2025 \(week 20\)/);
  // The browser's today is well past January 2025: every limit is overdue, with what to do.
  assert.match(text, /Overdue/);
  assert.match(text, /What you can do: Ask the council's SEN Service/);
  await shot(page, 'clock-1280');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});
