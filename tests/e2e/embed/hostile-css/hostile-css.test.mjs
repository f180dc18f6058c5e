// The host's CSS must not wreck the widget, and the widget's CSS must not restyle the host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, axeViolations } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('hostile host styles leave the widget usable and the host untouched', async () => {
  const { page, context, problems } = await openFixture(browser, 'hostile-css/page.html');
  await page.waitForSelector('[data-sp-state="ready"]');
  const style = (selector, property) =>
    page.locator(selector).first().evaluate((e, p) => getComputedStyle(e)[p], property);
  // Collapsed panels stay hidden even though the host says [hidden] { display: block }.
  assert.equal(await page.locator('.sp-step__panel').first().isVisible(), false);
  // Step lists are not floated into columns or given bullets by the host.
  assert.equal(await style('.sp-step', 'float'), 'none');
  assert.equal(await style('.sp-steps', 'list-style-type'), 'none');
  // The widget inherits the host's font, as intended, but not its button colours.
  assert.match(await style('.sp-step__toggle', 'font-family'), /Georgia/);
  assert.notEqual(await style('.sp-step__toggle', 'background-color'), 'rgb(204, 0, 0)');
  // The host's own elements keep the host's styles.
  assert.equal(await style('#host-button', 'background-color'), 'rgb(204, 0, 0)');
  assert.equal(await style('#host-heading', 'text-transform'), 'uppercase');
  // Keyboard use still works.
  await page.locator('.sp-step__toggle').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.sp-step__panel').first().isVisible(), true);
  assert.deepEqual(await axeViolations(page, '[data-send-widget]'), []);
  assert.deepEqual(problems, []);
  await context.close();
});
