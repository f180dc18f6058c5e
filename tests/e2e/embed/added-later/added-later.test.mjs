// A placeholder added after the loader has run still mounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture } from '../../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('a placeholder added after load mounts', async () => {
  const { page, context, problems } = await openFixture(browser, 'added-later/page.html');
  await page.waitForSelector('#late[data-sp-state="ready"]', { timeout: 15000 });
  assert.ok((await page.locator('#late .sp-step').count()) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
