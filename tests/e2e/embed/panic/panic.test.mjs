// A bug (a Rust panic) in one widget: that widget keeps its fallback with the usual notice, the
// panic is in the console, and every other widget on the page, including ones added later,
// mounts and works. The panic is deliberate, behind a switch only the page can set (see
// test_panic_requested in crates/widgets/src/lib.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Opens the first step of a mounted pathway widget and says whether it opened. */
async function opensAStep(page, widget) {
  const list = page.locator(`${widget} [data-sp-action="view"][data-view="list"]`);
  if (await list.count()) await list.click();
  const toggle = page.locator(`${widget} .sp-step__toggle:visible`).first();
  await toggle.click();
  return (await toggle.getAttribute('aria-expanded')) === 'true';
}

test('a panic shows in its own widget only; the next widget mounts and works', async () => {
  const { page, context, problems } = await openFixture(browser, 'panic/page.html?send-pathways-test-panic');
  await page.waitForSelector('#broken[data-sp-state="failed"]', { timeout: 15000 });
  await page.waitForSelector('#working[data-sp-state="ready"]', { timeout: 15000 });
  assert.equal(await page.getAttribute('#broken', 'data-sp-error'), 'panic');
  assert.match(await page.locator('#broken .sp-notice').innerText(), /could not be updated/);
  assert.equal(await page.locator('#broken-fallback').count(), 1, 'the fallback stays');
  assert.ok(await opensAStep(page, '#working'), 'the working widget still responds');
  // The wasm instance survived the abort: a placeholder added now mounts too.
  await page.evaluate(() => {
    const late = document.createElement('div');
    late.id = 'late';
    late.dataset.sendWidget = 'tracker';
    late.dataset.feed = '/feed/tower-hamlets.json';
    late.textContent = 'Progress';
    document.querySelector('main').append(late);
  });
  await page.waitForSelector('#late[data-sp-state="ready"]', { timeout: 15000 });
  assert.ok(problems.some((p) => /SEND Pathways widget failed.*deliberate panic/s.test(p)), problems.join('\n'));
  // The abort itself surfaces once as the browser's "unreachable" trap; nothing else goes wrong.
  const others = problems.filter((p) => !/deliberate panic|this widget stopped|unreachable/.test(p));
  assert.deepEqual(others, []);
  await context.close();
});

test('the switch needs the page address too: the attribute alone does nothing', async () => {
  const { page, context, problems } = await openFixture(browser, 'panic/page.html');
  await page.waitForSelector('#broken[data-sp-state="ready"]', { timeout: 15000 });
  await page.waitForSelector('#working[data-sp-state="ready"]', { timeout: 15000 });
  assert.deepEqual(problems, []);
  await context.close();
});
