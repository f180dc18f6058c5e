// Accessibility faults an audit found in the pathway widget (issue 20, must-show 6), each checked
// through roles and labels on a made-up feed (a11y-faults/feed.json: every step, service, date
// and time limit in it is made up), with axe in each state, also under forced colours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, axeViolations, BASE_URL } from '../support.mjs';

const FIXTURES = new URL('./a11y-faults/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** The made-up page and feed, served from the site's origin at /__a11y__/. */
async function open({ viewport = { width: 1280, height: 800 }, forcedColors = 'none', lang, hash = '' } = {}) {
  const context = await browser.newContext({ viewport, forcedColors });
  await context.route('**/__a11y__/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    let body = await readFile(new URL(name, FIXTURES), 'utf8');
    if (name.endsWith('.html') && lang) body = body.replace('data-send-widget=', `data-lang="${lang}" data-send-widget=`);
    const contentType = name.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
    await route.fulfill({ status: 200, contentType, body });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(new URL(`/__a11y__/page.html${hash}`, BASE_URL).href);
  await page.waitForSelector('#pathway[data-sp-state="ready"] .sp-pathway', { timeout: 15000 });
  return { page, context, problems, widget: page.locator('#pathway') };
}

/** axe clean in the normal colours and with forced colours on the same state. */
async function axeBoth(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  await page.emulateMedia({ forcedColors: 'active' });
  assert.deepEqual(await axeViolations(page), [], `${what}, forced colours`);
  await page.emulateMedia({ forcedColors: 'none' });
}

/** The words an element's aria-describedby points to, in order. */
const description = (locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent.trim())
      .join(' | '));

test('step buttons show Show or Hide in words, kept out of their names; no "+" or "−"; names read without stray spaces', async () => {
  const { page, context, problems, widget } = await open();
  // The whole name, exactly: no " : " or " , " where hidden pieces meet.
  const first = widget.getByRole('button', { name: 'Step 1: Send the made-up form', exact: true });
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  assert.equal(await widget.getByRole('button', { name: 'or step 2: Visit the made-up centre', exact: true }).count(), 1);
  // What a sighted reader sees: the word, and no symbol.
  const word = async (button) => ({
    show: await button.locator('.sp-toggle__show').isVisible(),
    hide: await button.locator('.sp-toggle__hide').isVisible(),
    text: await button.innerText(),
  });
  let seen = await word(first);
  assert.deepEqual([seen.show, seen.hide], [true, false]);
  assert.match(seen.text, /Show$/);
  assert.doesNotMatch(seen.text, /[+−]/);
  await first.click();
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  seen = await word(first);
  assert.deepEqual([seen.show, seen.hide], [false, true]);
  assert.match(seen.text, /Hide$/);
  assert.doesNotMatch(seen.text, /[+−]/);
  // No step button's name carries a symbol or the word.
  const snapshot = await widget.locator('.sp-list-view').ariaSnapshot();
  for (const line of snapshot.split('\n').filter((l) => l.includes('button "Step') || l.includes('button "or step'))) {
    assert.doesNotMatch(line, /[+−]|Show|Hide| [:,] /, line);
  }
  await axeBoth(page, 'a step open');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every "We are here" button has its own name, with its step', async () => {
  const { page, context, problems, widget } = await open();
  await widget.getByRole('button', { name: 'Show all steps' }).click();
  const buttons = widget.getByRole('button', { name: /^We are here/ });
  const names = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  // Each name is what getByRole found it by, so the names are the accessible names.
  for (const name of names) assert.equal(await widget.getByRole('button', { name, exact: true }).count(), 1, name);
  assert.equal(names.length, 4, names.join('; '));
  assert.equal(new Set(names).size, names.length, `names repeat: ${names.join('; ')}`);
  assert.ok(names.includes('We are here: Step 1'), names.join('; '));
  // The two "or" steps share a number, so their titles tell them apart.
  assert.ok(names.some((n) => /^We are here: (or step|Step) 2/.test(n)), names.join('; '));
  await widget.getByRole('button', { name: 'We are here: Step 1', exact: true }).click();
  assert.equal(await widget.getByRole('button', { name: 'We are here: Step 1', exact: true }).getAttribute('aria-pressed'), 'true');
  await axeBoth(page, 'all steps open, one marked');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the clock date is three labelled fields with a linked hint; a wrong date is said at the fields and the clock waits for a real one', async () => {
  const { page, context, problems, widget } = await open();
  const group = widget.getByRole('group', { name: 'The date you sent the made-up form' });
  const day = group.getByRole('textbox', { name: 'Day' });
  const month = group.getByRole('textbox', { name: 'Month' });
  const year = group.getByRole('textbox', { name: 'Year' });
  assert.equal(await description(group), 'For example, 27 3 2024');
  const status = widget.locator('[data-sp-status]');
  const kept = await status.elementHandle();
  const results = widget.locator('.sp-clock__results');
  const type = async (field, value) => { await field.fill(value); await field.press('Tab'); };
  await type(day, '31');
  await type(month, '2');
  // Half way: no date, no complaint.
  assert.doesNotMatch(await description(group), /must/);
  await type(year, '2025');
  // 31 February: the problem in words at the fields, the fields marked, nothing lost.
  assert.equal(await description(group), 'For example, 27 3 2024 | Error: The date must be a real date, like 27 3 2024');
  for (const field of [day, month, year]) assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.deepEqual([await day.inputValue(), await month.inputValue(), await year.inputValue()], ['31', '2', '2025']);
  assert.equal(await results.locator('.sp-milestone__due').count(), 0, 'no dates from a date that is not real');
  assert.match(await status.textContent(), /must be a real date/);
  await axeBoth(page, 'the clock with a wrong date');
  // A year of two numbers: only the year is at fault.
  await type(day, '3');
  await type(year, '25');
  assert.match(await description(group), /The year must include 4 numbers/);
  assert.equal(await day.getAttribute('aria-invalid'), null);
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  // A whole, real date: the dates show, the error goes, one sentence is said.
  await type(year, '2025');
  await results.locator('.sp-milestone__due').first().waitFor();
  assert.match(await results.innerText(), /By 24 February 2025 \(week 3\)/);
  assert.equal(await description(group), 'For example, 27 3 2024');
  assert.equal(await year.getAttribute('aria-invalid'), null);
  const said = await status.textContent();
  assert.match(said, /week|weeks/);
  assert.ok(said.length < 100 && !said.includes('\n'), said);
  assert.equal(await status.evaluate((s, k) => s === k, kept), true, 'the same status region');
  await axeBoth(page, 'the clock with dates');
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening and then closing a step adds one history entry, not two', async () => {
  const { page, context, problems, widget } = await open({ hash: '#pathway:view=map' });
  const length = () => page.evaluate(() => history.length);
  const start = await length();
  await widget.locator('g[data-step="visit"]').click();
  assert.match(page.url(), /step=visit/);
  await widget.getByRole('region').getByRole('button', { name: 'Close' }).click();
  assert.doesNotMatch(page.url(), /step=/);
  assert.equal(await length(), start + 1);
  // In the list a step opens and closes in place, with no entry at all.
  await widget.getByRole('button', { name: 'List' }).click();
  const toggle = widget.getByRole('button', { name: /^Step 3: The made-up decision/ });
  await toggle.click();
  await toggle.click();
  assert.equal(await length(), start + 1);
  // Back goes to before the step was opened, not to the open step.
  await page.goBack();
  assert.doesNotMatch(page.url(), /step=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after "Forget this" focus stays where the control was, and the status says so', async () => {
  const { page, context, problems, widget } = await open();
  await widget.getByRole('button', { name: /^Step 1:/ }).click();
  await widget.getByRole('button', { name: 'We are here: Step 1', exact: true }).click();
  const forget = widget.getByRole('button', { name: 'Forget this' });
  const banner = await widget.locator('[data-sp-here]').elementHandle();
  await forget.focus();
  await page.keyboard.press('Enter');
  assert.equal(await forget.count(), 0);
  // Focus is on the banner that held the button (the same element), not the page's top.
  assert.equal(await page.evaluate((b) => document.activeElement === b, banner), true);
  assert.match(await widget.locator('[data-sp-status]').textContent(), /^Forgotten/);
  // The next Tab goes on from there: into the clock's first field, not back to the top.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.sp-clock') !== null), true);
  await axeBoth(page, 'after forgetting');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in Bengali, English shown for a missing translation carries lang="en" in the map, its names and its list', async () => {
  const { page, context, problems, widget } = await open({ lang: 'bn', hash: '#pathway:view=map' });
  const node = widget.locator('g[data-step="wait"]');
  // The box's name is a hidden element whose English part says it is English.
  const labelledby = await node.getAttribute('aria-labelledby');
  assert.ok(labelledby, 'the box is named by an element');
  const english = page.locator(`[id="${labelledby}"] [lang="en"]`);
  assert.equal(await english.textContent(), 'Wait for a made-up letter');
  const name = await page.locator(`[id="${labelledby}"]`).textContent();
  assert.match(name, /^ধাপ 2: Wait for a made-up letter। /);
  assert.equal(await widget.getByRole('button', { name, exact: true }).count(), 1);
  // The drawn title too.
  const drawn = await node.locator('tspan.sp-map__title').evaluateAll((ts) => ts.map((t) => t.getAttribute('lang')));
  assert.ok(drawn.length > 0 && drawn.every((l) => l === 'en'), drawn.join());
  // A box whose words are all Bengali keeps its plain name, with no lang marks.
  const bengali = widget.locator('g[data-step="visit"]');
  assert.match(await bengali.getAttribute('aria-label'), /বানানো কেন্দ্রে যান/);
  assert.equal(await bengali.locator('[lang]').count(), 0);
  // The list's title of the same step, as before.
  await widget.getByRole('button', { name: 'তালিকা' }).click();
  assert.equal(await widget.locator('.sp-step[data-step="wait"] .sp-step__title').getAttribute('lang'), 'en');
  await axeBoth(page, 'Bengali, with an English title');
  assert.deepEqual(problems, []);
  await context.close();
});

test('forced colours: the map, its lanes and arrows, and pressed toggles take the system colours', async () => {
  const { page, context, problems, widget } = await open({ forcedColors: 'active', hash: '#pathway:view=map' });
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const colour = (c) => { probe.style.color = c; return getComputedStyle(probe).color; };
    const out = { text: colour('CanvasText'), canvas: colour('Canvas'), link: colour('LinkText'), highlight: colour('Highlight'), highlightText: colour('HighlightText') };
    probe.remove();
    return out;
  });
  const style = (selector, property) => widget.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);
  assert.equal(await style('.sp-map__box', 'fill'), system.canvas);
  assert.equal(await style('.sp-map__box', 'stroke'), system.text);
  assert.equal(await style('.sp-map__edge', 'stroke'), system.text);
  assert.equal(await style('.sp-map__arrow', 'fill'), system.text);
  assert.equal(await style('.sp-map__lane-label', 'fill'), system.text);
  assert.equal(await style('.sp-map__lane', 'fill'), system.canvas);
  assert.equal(await style('.sp-map__title', 'fill'), system.link);
  assert.equal(await style('.sp-map__number', 'fill'), system.text);
  // The pressed "Map" is told apart from "List" by the highlight colours, not only by weight.
  const map = widget.getByRole('button', { name: 'Map', exact: true });
  const list = widget.getByRole('button', { name: 'List of steps', exact: true });
  assert.equal(await map.getAttribute('aria-pressed'), 'true');
  assert.equal(await map.evaluate((b) => getComputedStyle(b).backgroundColor), system.highlight);
  assert.equal(await map.evaluate((b) => getComputedStyle(b).color), system.highlightText);
  assert.notEqual(await list.evaluate((b) => getComputedStyle(b).backgroundColor), system.highlight);
  // An open step's box is outlined in the highlight colour.
  await widget.locator('g[data-step="ask"]').click();
  assert.equal(await style('.sp-map__node--open .sp-map__box', 'stroke'), system.highlight);
  assert.deepEqual(await axeViolations(page), [], 'forced colours, map with a step open');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the map\'s words grow with the reader\'s text size, and the list takes over when the bigger map no longer fits', async () => {
  const { page, context, problems, widget } = await open({ hash: '#pathway:view=map' });
  const titleSize = () => widget.locator('tspan.sp-map__title').first().evaluate((t) => t.getBoundingClientRect().height);
  const at16 = await titleSize();
  // The reader's browser set to 24px text: the same drawing, half as large again.
  await page.addStyleTag({ content: 'html { font-size: 24px; }' });
  await page.waitForFunction(() => true);
  const at24 = await titleSize();
  assert.ok(Math.abs(at24 / at16 - 1.5) < 0.1, `title ${at16}px at 16px text, ${at24}px at 24px`);
  // At 48px the map would need three times its room: it gives way to the list, said in words.
  await page.addStyleTag({ content: 'html { font-size: 48px; }' });
  await page.setViewportSize({ width: 1200, height: 800 });
  await widget.locator('.sp-pathway[data-sp-fit="no"]').waitFor();
  assert.equal(await widget.locator('.sp-list-view').isVisible(), true);
  assert.equal(await widget.locator('.sp-map-view').isVisible(), false);
  assert.match(await widget.locator('.sp-map-nofit').innerText(), /\S/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The WCAG 1.4.12 text-spacing override, as the W3C's bookmarklet sets it. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** Map boxes whose drawn words leave their box. */
const spills = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.sp-map__node')].filter((node) => {
      const box = node.querySelector('.sp-map__box').getBBox();
      return [...node.querySelectorAll('tspan')].some((t) => {
        const b = t.getBBox();
        return b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5;
      });
    }).map((n) => n.dataset.step));

test('map words stay inside their boxes under the WCAG text-spacing override, in English and Bengali', async () => {
  for (const lang of [undefined, 'bn']) {
    const { page, context, problems } = await open({ lang, hash: '#pathway:view=map' });
    await page.addStyleTag({ content: TEXT_SPACING });
    assert.deepEqual(await spills(page), [], `${lang ?? 'en'}: boxes whose words spill`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // The sample's longer titles too.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL('/index.html', BASE_URL).href);
  await page.waitForSelector('[data-send-widget="pathway"][data-sp-state="ready"] .sp-map__node');
  await page.addStyleTag({ content: TEXT_SPACING });
  assert.deepEqual(await spills(page), [], 'sample: boxes whose words spill');
  await context.close();
});
