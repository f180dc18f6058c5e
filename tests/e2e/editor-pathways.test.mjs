// Pathways in the officer's editor (edit.html, "Pathways"): a step added between two others,
// by keyboard, seen on the map preview with its arrows rewired; an arrow that would go round in
// a circle refused at its field; a step that others lead to removed only once the officer said
// where they lead instead; the downloaded feed carrying it; and each text in English and Bengali
// side by side, with the "missing translation" filter. axe-core clean in each state (the whole
// page first, then the section that changed, which keeps each check quick on a page this long).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, axeViolations } from './support.mjs';
import { arrows } from './editor-support.mjs';

const ROOT = new URL('../../', import.meta.url);
let browser;
let sample;
let scratch;
before(async () => {
  browser = await launch();
  sample = JSON.parse(await readFile(new URL('www/feed/tower-hamlets.json', ROOT), 'utf8'));
  scratch = await mkdtemp(join(tmpdir(), 'editor-pathways-'));
});
after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function openEditor(viewport) {
  const opened = await openPage(browser, '/edit.html', viewport);
  // The editor's wasm is large (the spreadsheet crates): allow a loaded machine time for it.
  await opened.page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  return opened;
}

async function openPublished(page) {
  await page.getByRole('button', { name: 'Open the published feed' }).click();
  await page.getByRole('heading', { name: 'Pathways', exact: true }).waitFor();
}

test('a step added between two others by keyboard is on the map with its arrows rewired; circles refused; removal asks', async () => {
  const { page, context, problems } = await openEditor();
  await openPublished(page);
  const autism = sample.pathways.find((p) => p.id === 'autism');
  const [notice, referral, waiting, assessment] = autism.steps;
  assert.equal(await page.getByLabel('Pathway', { exact: true }).inputValue(), 'autism');
  const before = await arrows(page);
  assert.ok(before.includes(`${referral.id} → ${waiting.id}`), before.join('\n'));
  assert.ok(!before.some((a) => a.includes('?')), before.join('\n'));
  assert.deepEqual(await axeViolations(page), []);

  // By keyboard: the button, Enter, the title typed where focus lands, Tab to the button.
  const add = page.getByRole('button', { name: `Add a step after this one (after “${referral.title}”)` });
  await add.focus();
  await page.keyboard.press('Enter');
  const title = 'Made-up step: a call from the team';
  assert.equal(await page.evaluate(() => document.activeElement.id), `pw-${referral.id}-add-title`);
  await page.keyboard.type(title);
  assert.equal(await page.getByLabel('It leads to').inputValue(), waiting.id, 'between it and its next step');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await page.keyboard.press('Tab'); // Stage
  await page.keyboard.press('Tab'); // It leads to
  await page.keyboard.press('Tab'); // Add the step
  await page.keyboard.press('Enter');
  const added = 'made-up-step-a-call-from-the-team';
  assert.equal(await page.evaluate(() => document.activeElement.id), `pw-${added}-heading`);
  const after = await arrows(page);
  assert.ok(!after.includes(`${referral.id} → ${waiting.id}`), after.join('\n'));
  assert.ok(after.includes(`${referral.id} → ${added}`), after.join('\n'));
  assert.ok(after.includes(`${added} → ${waiting.id}`), after.join('\n'));
  assert.equal(after.length, before.length + 1);
  assert.ok(!after.some((a) => a.includes('?')), after.join('\n'));
  const listed = await page.locator('#pathway-list-preview .sp-step__title, #pathway-list-preview h5, #pathway-list-preview h6').allInnerTexts();
  const order = ['Referral', 'Made-up step', 'Waiting'].map((w) => listed.findIndex((t) => t.includes(w)));
  assert.ok(order[0] >= 0 && order[0] < order[1] && order[1] < order[2], listed.join('\n'));
  assert.ok(await page.getByRole('checkbox', { name: title }).first().isVisible());
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  // The preview follows the typing.
  const box = page.getByLabel(`Title of step “${title}”`);
  await box.fill('Made-up step: a phone call (test data)');
  assert.match(await page.locator(`#pathway-map-preview [data-step="${added}"]`).getAttribute('aria-label'), /Made-up step: a phone call \(test data\)/);
  // A title cannot be emptied: the reason at the field, the box keeps what was typed.
  await box.fill('');
  const titleError = page.locator(`#pw-${added}-title-en-error`);
  assert.match(await titleError.textContent(), /A step needs a title/);
  await box.fill('Made-up step: a phone call (test data)');
  assert.ok(await titleError.isHidden());

  // An arrow from the waiting list back to the first step would go round in a circle.
  const back = page.locator(`#pw-${waiting.id}-next-${notice.id}`);
  await back.click();
  const nextError = page.locator(`#pw-${waiting.id}-next-error`);
  assert.match(await nextError.textContent(), /go round in a circle/);
  assert.equal(await back.isChecked(), false, 'the refused arrow is not ticked');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  // Removing the waiting list, which the new step leads to, asks where that should lead now.
  await page.getByRole('button', { name: `Remove this step (“${waiting.title}”)` }).click();
  await page.getByRole('heading', { name: `Remove “${waiting.title}”?` }).waitFor();
  const instead = page.getByLabel('Lead to instead');
  assert.equal(await instead.inputValue(), assessment.id, 'its own next step is offered first');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await page.getByRole('button', { name: 'Remove the step' }).click();
  const removed = await arrows(page);
  assert.ok(removed.includes(`${added} → ${assessment.id}`), removed.join('\n'));
  assert.ok(!removed.some((a) => a.includes(waiting.id) || a.includes('?')), removed.join('\n'));
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  const changes = await page.locator('#changes li').allInnerTexts();
  // Said pathway by pathway and step by step, not just "pathways".
  assert.ok(changes.some((c) => c.startsWith(`${autism.title}: `) && c.includes(`step “${waiting.title}” removed`)), changes.join('\n'));
  assert.ok(changes.some((c) => c.startsWith(`${autism.title}, step “${referral.title}”: `) && c.includes('next steps changed')), changes.join('\n'));
  assert.ok(!changes.some((c) => /^Other changes/.test(c)), changes.join('\n'));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the feed' }).click()]);
  const path = join(scratch, 'feed.json');
  await file.saveAs(path);
  const feed = JSON.parse(await readFile(path, 'utf8'));
  const steps = feed.pathways.find((p) => p.id === 'autism').steps;
  assert.deepEqual(steps.map((s) => s.id).slice(0, 4), [notice.id, referral.id, added, assessment.id]);
  assert.deepEqual(steps[1].next.steps, [added]);
  assert.deepEqual(steps[2].next.steps, [assessment.id]);
  assert.deepEqual(feed.pathways.filter((p) => p.id !== 'autism'), sample.pathways.filter((p) => p.id !== 'autism'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a step\'s time limit, optional flag and linked figures; whole pathways added and removed; each change said', async () => {
  const { page, context, problems } = await openEditor();
  await openPublished(page);
  const autism = sample.pathways.find((p) => p.id === 'autism');
  const referral = autism.steps.find((s) => s.id === 'referral');
  const where = `of step “${referral.title}”`;
  const [figure] = sample.indicators;

  // A time limit in words, then its weeks: a number that is not one is refused at its box.
  await page.getByLabel(`Time limit in words ${where}`, { exact: true }).fill('Made-up: within 6 weeks of the referral (test data)');
  const weeks = page.getByLabel(`Weeks of the time limit ${where}`, { exact: true });
  await weeks.fill('six');
  assert.match(await page.locator(`#pw-${referral.id}-limit-error`).innerText(), /The number of weeks must be a whole number/);
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await weeks.fill('6');
  assert.ok(await page.locator(`#pw-${referral.id}-limit-error`).isHidden());
  await page.getByLabel(`Only some families need this step (optional) (${referral.title})`, { exact: true }).check();
  await page.getByRole('group', { name: `Figures that show how this step is going (${referral.title})` }).getByLabel(figure.title, { exact: true }).check();

  // A whole new pathway: each box is needed, and the refusal is at the one left empty.
  await page.getByText('Add a pathway', { exact: true }).click();
  await page.getByLabel('Title of the new pathway').fill('Made-up pathway (test data)');
  await page.getByLabel('Title of its first stage').fill('Made-up stage');
  await page.getByRole('button', { name: 'Add the pathway' }).click();
  assert.match(await page.locator('#pw-new-pathway-step-error').innerText(), /Type the title of its first step/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pw-new-pathway-step');
  await page.getByLabel('Title of its first step').fill('Made-up first step');
  await page.getByRole('button', { name: 'Add the pathway' }).click();
  assert.equal(await page.getByLabel('Pathway', { exact: true }).inputValue(), 'made-up-pathway-test-data');
  assert.match(await page.locator('#pathway-status').innerText(), /“Made-up pathway \(test data\)” was added/);
  assert.ok(await page.locator('#pathway-map-preview [data-step="made-up-first-step"]').count() === 1, 'its step is on the map');
  // Its own title and summary, like every text.
  await page.getByLabel('Title of the pathway', { exact: true }).fill('Made-up pathway (test data), renamed');
  await page.getByLabel('Summary of the pathway', { exact: true }).fill('Made-up summary (test data)');
  assert.equal(await page.getByLabel('Pathway', { exact: true }).locator('option:checked').innerText(), 'Made-up pathway (test data), renamed');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  // Removing a whole pathway asks first, and says what else it affects.
  const adulthood = sample.pathways.find((p) => p.id === 'preparing-for-adulthood');
  await page.getByLabel('Pathway', { exact: true }).selectOption(adulthood.id);
  await page.getByRole('button', { name: 'Remove this pathway' }).click();
  const ask = page.getByRole('heading', { name: `Remove “${adulthood.title}”?` });
  await ask.waitFor();
  assert.match(await page.locator('#pathway-dialog').innerText(), /data-pathway="preparing-for-adulthood"/);
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await page.getByRole('button', { name: `Remove the pathway “${adulthood.title}”` }).click();
  const left = await page.getByLabel('Pathway', { exact: true }).locator('option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(left, ['autism', 'ehc-needs-assessment', 'made-up-pathway-test-data']);

  const changes = await page.locator('#changes li').allInnerTexts();
  for (const change of [
    `${autism.title}, step “${referral.title}”: time limit changed; optional or not changed; linked figures changed`,
    'New pathway: Made-up pathway (test data), renamed',
    `Pathway removed: ${adulthood.title}`,
  ]) assert.ok(changes.includes(change), `${change}\n--\n${changes.join('\n')}`);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the feed' }).click()]);
  const path = join(scratch, 'pathways.json');
  await file.saveAs(path);
  const feed = JSON.parse(await readFile(path, 'utf8'));
  const step = feed.pathways.find((p) => p.id === 'autism').steps.find((s) => s.id === referral.id);
  assert.deepEqual(step.time_limit, { weeks: 6, text: 'Made-up: within 6 weeks of the referral (test data)' });
  assert.equal(step.optional, true);
  assert.deepEqual(step.indicators, [figure.id]);
  assert.equal(feed.pathways.at(-1).steps[0].title, 'Made-up first step');
  assert.equal(feed.pathways.at(-1).title, 'Made-up pathway (test data), renamed');
  assert.equal(feed.pathways.at(-1).summary, 'Made-up summary (test data)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each text in English and Bengali side by side, with the missing-translation filter', async () => {
  // Made-up test data: a feed in English and Bengali, one title translated.
  const madeUp = {
    version: 1,
    publisher: { name: 'Made-up council (test data)' },
    updated: '2026-11-01',
    languages: ['en', 'bn'],
    services: [{ id: 'made-up-service', name: 'Made-up service' }],
    pathways: [{
      id: 'made-up',
      title: 'Made-up pathway',
      stages: [{ id: 'first', title: { en: 'First', bn: 'প্রথম' } }],
      steps: [
        { id: 'ask', stage: 'first', title: { en: 'Ask (made up)', bn: 'জিজ্ঞাসা (বানানো)' }, next: { logic: 'all', steps: ['wait'] } },
        { id: 'wait', stage: 'first', title: 'Wait (made up)', typical_wait: 'About a week (made up)' },
      ],
    }],
  };
  const file = join(scratch, 'made-up.json');
  await writeFile(file, JSON.stringify(madeUp));
  const { page, context, problems } = await openEditor({ width: 320, height: 800 });
  await page.getByLabel('Or open a feed file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Pathways', exact: true }).waitFor();
  assert.match(await page.locator('#languages-note').innerText(), /A text left empty in Bengali is shown to families in English/);
  const bengali = page.getByLabel('Title (Bengali) of step “Ask (made up)”');
  assert.equal(await bengali.inputValue(), 'জিজ্ঞাসা (বানানো)');
  assert.equal(await bengali.getAttribute('lang'), 'bn');
  assert.equal(await page.getByLabel('Title (English) of step “Ask (made up)”').getAttribute('lang'), 'en');
  const missing = page.getByLabel('Title (Bengali) of step “Wait (made up)”');
  assert.match(await page.locator('#pw-wait-title-bn-missing').innerText(), /families reading in Bengali see the English/);
  assert.match(await missing.getAttribute('aria-describedby'), /pw-wait-title-bn-missing/);
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  await page.getByLabel('Only texts missing a translation').check();
  // The filter is the editor's: the service's name and the pathway's title, in English only,
  // are missing one too.
  assert.match(await page.locator('#missing-count').innerText(), /^4 texts are missing a translation/);
  assert.ok(await page.getByLabel('Title (Bengali) of the pathway', { exact: true }).isVisible());
  assert.ok(await page.getByLabel('Name (Bengali) for Made-up service', { exact: true }).isVisible());
  assert.ok(await missing.isVisible());
  assert.ok(await page.getByLabel('Typical wait (Bengali) of step “Wait (made up)”').isVisible());
  assert.ok(await bengali.isHidden(), 'a translated text is filtered out');
  assert.ok(await page.getByLabel('What happens (English) at step “Ask (made up)”').isHidden());
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  await missing.fill('অপেক্ষা (বানানো)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the feed' }).click()]);
  const path = join(scratch, 'bn.json');
  await download.saveAs(path);
  const feed = JSON.parse(await readFile(path, 'utf8'));
  assert.deepEqual(feed.pathways[0].steps[1].title, { bn: 'অপেক্ষা (বানানো)', en: 'Wait (made up)' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing scrolls sideways at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
});
