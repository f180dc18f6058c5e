// Languages side by side everywhere in the officer's editor (edit.html), on a made-up feed in
// English, Bengali and Somali: a Bengali translation typed for a measure's evidence, a figure's
// note, a "You said, we did" and a service's description; a translation typed before there is
// any English refused at its box; "Only texts missing a translation" across the editor; a reload
// that loses nothing; and a download that differs in exactly those four texts and passes
// `sendfeed validate`. axe-core clean in each state, at 320 px wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, axeViolations } from './support.mjs';

const ROOT = new URL('../../', import.meta.url);
let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = await mkdtemp(join(tmpdir(), 'editor-languages-'));
});
after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Made-up test data: no council's words, figures or services. The feed's languages list, not
 * the editor, decides that there are Bengali and Somali boxes. */
const MADE_UP = {
  version: 1,
  publisher: { name: 'Made-up council (test data)' },
  updated: '2026-11-01',
  languages: ['en', 'bn', 'so'],
  services: [{
    id: 'made-up-service',
    name: { en: 'Made-up service', bn: 'বানানো সেবা', so: 'Made-up service (so, made up)' },
    description: 'Made-up words about what the service does',
  }],
  plan: {
    title: 'Made-up plan',
    label: 'Plan',
    workstreams: [{
      id: 'w',
      title: 'Made-up workstream',
      leads: ['Made-up lead'],
      actions: [{ ref: '1.1', title: 'Made-up action', measures: [{ text: 'Made-up measure', deadline: 'December 2027', status: 'on_track', evidence: 'Made-up evidence' }] }],
    }],
  },
  indicators: [{
    id: 'made-up-waits',
    title: 'Made-up waits',
    unit: 'number',
    better: 'lower',
    source: 'Made up',
    actual: [{ period: '2024-01', value: 200, note: 'Made-up note' }],
  }],
  updates: [{ date: '2024-02', you_said: 'Made-up: tell us more', we_did: 'Made-up entry' }],
};

const BENGALI = {
  evidence: 'বানানো প্রমাণ',
  note: 'বানানো নোট',
  weDid: 'বানানো কাজ',
  description: 'বানানো বিবরণ',
};

const LABELS = {
  evidence: (lang) => `Evidence (${lang}) for measure 1 of action 1.1`,
  note: (lang) => `Note (${lang}, optional) of Made-up waits, January 2024`,
  weDid: (lang) => `We did (${lang}) of entry 1, February 2024`,
  description: (lang) => `What it does (${lang}) for Made-up service`,
};

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function sendfeedValidate(file) {
  return new Promise((resolve) => {
    execFile('cargo', ['run', '-q', '-p', 'send-cli', '--', 'validate', file], { cwd: ROOT, timeout: 600_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the feed' }).click()]);
  const path = join(scratch, name);
  await file.saveAs(path);
  return { path, feed: JSON.parse(await readFile(path, 'utf8')) };
}

test('every text beside its Bengali and Somali, filtered, kept across a reload and downloaded', async () => {
  const file = join(scratch, 'made-up.json');
  await writeFile(file, JSON.stringify(MADE_UP));
  const { page, context, problems } = await openPage(browser, '/edit.html', { width: 320, height: 800 });
  await page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  await page.getByLabel('Or open a feed file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  const { feed: opened } = await download(page, 'opened.json');
  assert.equal(opened.updated, localToday());

  // Each text: one box a language, each labelled with the field and the language, with `lang`.
  const note = page.locator('#languages-note');
  assert.match(await note.innerText(), /English and Bengali and Somali side by side/);
  assert.match(await note.innerText(), /left empty in Bengali or Somali is shown to families in English/);
  for (const label of Object.values(LABELS)) {
    for (const [lang, code] of [['English', 'en'], ['Bengali', 'bn'], ['Somali', 'so']]) {
      assert.equal(await page.getByLabel(label(lang), { exact: true }).getAttribute('lang'), code, label(lang));
    }
  }
  assert.equal(await page.getByLabel(LABELS.evidence('English'), { exact: true }).inputValue(), 'Made-up evidence');
  // An empty translation says, at its box, what families see instead.
  const bengaliEvidence = page.getByLabel(LABELS.evidence('Bengali'), { exact: true });
  const described = await bengaliEvidence.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described.split(' ')[0]}`).innerText(), /No Bengali yet: families reading in Bengali see the English/);
  assert.equal(await page.getByLabel('Name (Bengali) for Made-up service', { exact: true }).inputValue(), 'বানানো সেবা');
  assert.deepEqual(await axeViolations(page), []);

  for (const [field, words] of Object.entries(BENGALI)) {
    await page.getByLabel(LABELS[field]('Bengali'), { exact: true }).fill(words);
  }
  // A translation with no English to translate is refused at its box, and changes nothing.
  const source = page.getByLabel('Source (Bengali, optional) of entry 1, February 2024', { exact: true });
  await source.fill('বানানো উৎস');
  const refusal = page.locator(`#${await source.getAttribute('id')}-error`);
  assert.match(await refusal.innerText(), /Type the English first: a translation needs the words it translates/);
  assert.deepEqual(await axeViolations(page, '.updates'), []);
  await source.fill('');
  assert.ok(await refusal.isHidden());

  // Only the texts missing a translation, across every section.
  await page.getByLabel('Only texts missing a translation').check();
  const count = await page.locator('#missing-count').innerText();
  const missing = await page.locator('#editor .lang-row .form-group.missing').count();
  assert.equal(count, `${missing} texts are missing a translation.`);
  assert.ok(missing >= 5, count);
  for (const field of Object.keys(BENGALI)) {
    assert.ok(await page.getByLabel(LABELS[field]('Somali'), { exact: true }).isVisible(), `${field}: Somali is still missing`);
  }
  assert.ok(await page.getByLabel('Name (Bengali) for Made-up service', { exact: true }).isHidden(), 'a name in every language is filtered out');
  assert.ok(await page.getByLabel('Status of measure 1 of action 1.1', { exact: true }).isHidden());
  assert.ok(await page.getByLabel('Phone for Made-up service', { exact: true }).isHidden());
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Only texts missing a translation').uncheck();
  assert.ok(await page.getByLabel('Status of measure 1 of action 1.1', { exact: true }).isVisible());

  // A reload loses nothing.
  await page.reload();
  await page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  await page.getByRole('button', { name: 'Continue your draft' }).click();
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  for (const [field, words] of Object.entries(BENGALI)) {
    assert.equal(await page.getByLabel(LABELS[field]('Bengali'), { exact: true }).inputValue(), words, field);
  }
  const changes = await page.locator('#changes li').allInnerTexts();
  assert.ok(changes.some((c) => /^Action 1\.1, measure 1: evidence changed/.test(c)), changes.join('\n'));
  assert.deepEqual(await axeViolations(page), []);

  // The download differs from the feed as opened in exactly those four texts.
  const { path, feed } = await download(page, 'translated.json');
  const expected = structuredClone(opened);
  const both = (english, bengali) => ({ en: english, bn: bengali });
  const plan = expected.plans?.[0] ?? expected.plan;
  plan.workstreams[0].actions[0].measures[0].evidence = both('Made-up evidence', BENGALI.evidence);
  expected.indicators[0].actual[0].note = both('Made-up note', BENGALI.note);
  expected.updates[0].we_did = both('Made-up entry', BENGALI.weDid);
  expected.services[0].description = both('Made-up words about what the service does', BENGALI.description);
  assert.deepEqual(feed, expected);
  const validated = await sendfeedValidate(path);
  assert.equal(validated.code, 0, validated.stdout + validated.stderr);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing scrolls sideways at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed in English alone shows one box a text, and no language filter', async () => {
  const english = { ...structuredClone(MADE_UP), languages: ['en'] };
  english.services[0].name = 'Made-up service';
  const file = join(scratch, 'english.json');
  await writeFile(file, JSON.stringify(english));
  const { page, context, problems } = await openPage(browser, '/edit.html');
  await page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  await page.getByLabel('Or open a feed file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  assert.equal(await page.getByLabel('Evidence for measure 1 of action 1.1', { exact: true }).inputValue(), 'Made-up evidence');
  assert.equal(await page.getByLabel(/\(Bengali/).count(), 0);
  assert.equal(await page.locator('#termly .lang-row, #services .lang-row').count(), 0);
  assert.ok(await page.getByLabel('Only texts missing a translation').isHidden());
  assert.match(await page.locator('#languages-note').innerText(), /This feed has one language, English/);
  assert.deepEqual(problems, []);
  await context.close();
});
