// A tracker on a feed with two plans (feed.json, format version 2: every plan, action, date and
// status in it is made up for this test): the current plan shows by default, the other is named
// with a link that switches to it by keyboard, data-plan picks a plan, an unknown data-plan is
// said in words and the current plan shown, a closed plan says so at the top, and axe finds
// nothing on any of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

const WIDGET = '#tracker';
const OLD = 'Made-up old improvement plan (test data)';
const NEW = 'Made-up new priorities (test data)';
const CLOSED = `This plan closed in July 2024; it was followed by ${NEW}.`;
let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function mounted(file, viewport = { width: 1280, height: 800 }) {
  const opened = await openFixture(browser, `plans/${file}`, viewport, { ready: WIDGET });
  return { ...opened, w: opened.page.locator(WIDGET) };
}

const title = (w) => w.getByRole('heading', { level: 2 }).first().innerText();
const plansNav = (w) => w.getByRole('navigation', { name: "The council's plans" });

test('the current plan shows by default, and the other plan is a keyboard switch away', async () => {
  const { page, context, problems, w } = await mounted('page.html', { width: 390, height: 844 });
  assert.equal(await title(w), NEW);
  assert.equal(await w.getByText('This plan closed in').count(), 0);
  const nav = plansNav(w);
  const items = (await nav.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(items, [
    `${OLD} (2021 to July 2024; closed)`,
    `${NEW} (shown now) (from September 2024)`,
  ]);
  // The plan shown is not a link; the other is.
  assert.equal(await nav.getByRole('link').count(), 1);
  assert.deepEqual(await axeViolations(page), []);

  const link = nav.getByRole('link', { name: OLD });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('plan=old-plan'));
  await w.getByRole('heading', { level: 2, name: OLD }).waitFor();
  // Focus follows the switch to the new heading, and the closed plan says so at the top.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), OLD);
  assert.equal(await w.locator('.sp-plan-life').innerText(), CLOSED);
  assert.ok(await w.getByText('Made up: old reviews on time').count() >= 1);
  assert.equal(await w.getByText('Made up: new charter launched').count(), 0);
  // Filtering keeps the plan chosen in the address.
  await w.locator('select[name="status"]').selectOption('complete');
  await page.waitForFunction(() => location.hash.includes('status=complete'));
  assert.match(await page.evaluate(() => location.hash), /plan=old-plan/);
  assert.equal(await title(w), OLD);

  // And back, by keyboard, to the current plan.
  await plansNav(w).getByRole('link', { name: NEW }).focus();
  await page.keyboard.press('Enter');
  await w.getByRole('heading', { level: 2, name: NEW }).waitFor();
  assert.equal(await w.locator('.sp-plan-life').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('data-plan opens the tracker on that plan, and a closed plan says so at the top', async () => {
  const { page, context, problems, w } = await mounted('chosen.html');
  assert.equal(await title(w), OLD);
  const top = await w.locator('.sp-plan-life').innerText();
  assert.equal(top, CLOSED);
  // The note comes before the plan's summary and its measures.
  const order = await w.locator('.sp-plan-life, .sp-lead').evaluateAll((els) => els.map((e) => e.className));
  assert.match(order[0], /sp-plan-life/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown data-plan is said in words and the current plan shown', async () => {
  const { page, context, problems, w } = await mounted('unknown.html');
  assert.equal(await title(w), NEW);
  await w.getByText('There is no plan \u201cno-such-plan\u201d in this feed, so this is the current plan.').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
