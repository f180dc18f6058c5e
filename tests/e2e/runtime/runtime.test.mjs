// The widget runtime (issue 20): an interaction patches the page instead of rebuilding it, two
// pathway widgets keep separate parts of the address, a removed placeholder's widget ends, and
// a bug in one widget's click stops only that widget. Pages are the fixtures in ../embed/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

async function open(path) {
  const opened = await openFixture(browser, path);
  await opened.page.waitForSelector('#first[data-sp-state="ready"], #broken[data-sp-state="ready"]', { timeout: 15000 });
  await opened.page.waitForSelector('#second[data-sp-state="ready"], #working[data-sp-state="ready"]', { timeout: 15000 });
  // The steps as a list, where their buttons are.
  for (const view of await opened.page.locator('[data-sp-action="view"][data-view="list"][aria-pressed="false"]').all()) {
    await view.click();
  }
  return opened;
}

/** The loader's build, imported again: the same module instance, so its exports are the page's. */
const listenerCount = (page) =>
  page.evaluate(async () => {
    const glue = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/send-(pathway|widgets)(\.[0-9a-f]+)?\.js$/.test(n));
    return (await import(glue)).listenerCount();
  });

test('a finder change and a step toggle patch the page: the same live regions and control, with the new words', async () => {
  const { page, context, problems } = await open('two-widgets/page.html');
  const first = page.locator('#first');
  await page.evaluate(() => {
    const w = document.querySelector('#first');
    window.kept = {
      results: w.querySelector('.sp-finder__results'),
      status: w.querySelector('[data-sp-status]'),
      age: w.querySelector('select[name="age"]'),
      section: w.querySelector('section'),
    };
  });
  const same = () => page.evaluate(() => {
    const w = document.querySelector('#first');
    return {
      results: window.kept.results === w.querySelector('.sp-finder__results'),
      status: window.kept.status === w.querySelector('[data-sp-status]'),
      age: window.kept.age === w.querySelector('select[name="age"]'),
      section: window.kept.section === w.querySelector('section'),
    };
  });
  const all = { results: true, status: true, age: true, section: true };
  const age = first.getByLabel("Your child's age");
  await age.focus();
  await age.selectOption('2');
  await page.waitForFunction(() => window.kept.results.textContent.length > 0);
  assert.deepEqual(await same(), all);
  assert.match(await page.evaluate(() => window.kept.results.textContent), /Pathways that fit|No pathway/);
  assert.equal(await page.evaluate(() => document.activeElement === window.kept.age), true, 'focus stays on the select');
  const toggle = first.getByRole('button', { name: /^Step 1\b/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await same(), all);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true', 'focus stays on the toggle');
  // "We are here" says so in the same status region, briefly.
  await first.locator('.sp-step__panel:not([hidden])').getByRole('button', { name: 'We are here' }).click();
  const said = await page.evaluate(() => window.kept.status.textContent);
  assert.match(said, /Step 1/);
  assert.ok(said.length < 120, said);
  assert.deepEqual(await same(), all);
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('two pathway widgets keep separate deep links; an old link moves only the widget showing its pathway', async () => {
  const { page, context, problems } = await open('two-widgets/page.html#pathway:w=first&step=referral;w=second&step=draft-plan');
  const expanded = (widget, step) => page.locator(`${widget} .sp-step[data-step="${step}"] .sp-step__toggle`).getAttribute('aria-expanded');
  assert.equal(await expanded('#first', 'referral'), 'true');
  assert.equal(await expanded('#second', 'draft-plan'), 'true');
  assert.equal(await expanded('#first', 'notice'), 'false');
  // A link in the second widget changes its part only.
  await page.locator('#second .sp-step[data-step="draft-plan"] .sp-next a').first().click();
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /w=first&step=referral(;|$)/);
  assert.match(hash, /w=second&p=ehc-needs-assessment&step=final-plan/);
  // Before keys, `#pathway:p=…` switched both widgets to that pathway.
  await page.goto(page.url().replace(/#.*/, '#pathway:p=autism&step=notice'));
  await page.waitForSelector('#second[data-sp-state="ready"]');
  await page.waitForSelector('#first[data-sp-state="ready"]');
  assert.equal(await page.getAttribute('#second section', 'data-pathway'), 'ehc-needs-assessment');
  assert.equal(await page.getAttribute('#first section', 'data-pathway'), 'autism');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a removed placeholder ends its widget: it no longer reacts and holds no listeners', async () => {
  const { page, context, problems } = await open('two-widgets/page.html');
  const both = await listenerCount(page);
  assert.ok(both > 0);
  await page.evaluate(() => { window.removed = document.querySelector('#second'); window.removed.remove(); });
  await page.waitForTimeout(100);
  assert.equal(await listenerCount(page), both / 2, 'only the first widget listens');
  const reacts = await page.evaluate(() => {
    const toggle = window.removed.querySelector('.sp-step__toggle');
    toggle.click();
    return toggle.getAttribute('aria-expanded');
  });
  assert.equal(reacts, 'false', 'the removed widget does not answer');
  const toggle = page.locator('#first').getByRole('button', { name: /^Step 1\b/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the other widget does');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a panic in one widget\'s click shows its notice, it takes no more events, the other goes on', async () => {
  const { page, context, problems } = await open('panic/click.html?send-pathways-test-panic');
  const toggle = page.locator('#broken').getByRole('button', { name: /^Step 1\b/ });
  await toggle.click();
  await page.waitForSelector('#broken[data-sp-error="panic"]');
  assert.match(await page.locator('#broken .sp-notice').innerText(), /could not be updated/);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'the stopped widget takes no more events');
  const other = page.locator('#working').getByRole('button', { name: /^Step 1\b/ });
  await other.click();
  assert.equal(await other.getAttribute('aria-expanded'), 'true');
  assert.ok(problems.some((p) => p.includes('deliberate panic in a click')), problems.join('\n'));
  await context.close();
});
