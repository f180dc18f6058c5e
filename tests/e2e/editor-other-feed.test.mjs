// Issue 15's end-to-end cases on feeds that are not the sample (tests/fixtures/other-feed/, made
// up): a feed in English and Polish with two workstreams, ids with dots, slashes, colons and
// accents; and one in English only whose ids hold spaces, quotes and '#'. Through labels and
// roles, as an officer's screen reader or keyboard reaches them: the measures sheet downloaded,
// three cells changed by a script, uploaded, exactly those three changes listed and applied, and
// the downloaded feed differing from the file opened in exactly those fields; a step added
// between two others and seen on the map with its arrows rewired; every text in English and
// Polish side by side with the "missing translation" filter; axe-core clean in each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, axeViolations } from './support.mjs';
import { download as downloadTo, parseCsv, writeCsv, differences, yesterday, listUnder, arrows } from './editor-support.mjs';

const FIXTURES = new URL('../fixtures/other-feed/', import.meta.url);
const POLISH = new URL('made-up-en-pl.json', FIXTURES);
const ENGLISH = new URL('made-up-en-only.json', FIXTURES);
let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = await mkdtemp(join(tmpdir(), 'editor-other-feed-'));
});
after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Saves what the button named `name` downloads in this run's scratch folder. */
const download = (page, name, as) => downloadTo(page, scratch, name, as);

async function openFeed(file, viewport) {
  const opened = await openPage(browser, '/edit.html', viewport);
  // The editor's wasm is large (the spreadsheet crates): allow a loaded machine time for it.
  await opened.page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  await opened.page.getByLabel('Or open a feed file').setInputFiles(file.pathname);
  await opened.page.getByRole('heading', { name: 'Termly update' }).waitFor();
  return opened;
}

/** Every id an aria attribute or a label names is on the page: ids made from feed ids with
 * spaces or quotes must still be one id each. */
async function danglingReferences(page) {
  return page.evaluate(() => [...document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls], label[for]')]
    .flatMap((e) => {
      const names = e.tagName === 'LABEL' ? [e.htmlFor]
        : ['aria-describedby', 'aria-labelledby', 'aria-controls'].flatMap((a) => (e.getAttribute(a) ?? '').split(/\s+/).filter(Boolean));
      return names.filter((n) => !document.getElementById(n)).map((n) => `${e.tagName.toLowerCase()} → ${n}`);
    }));
}

test('the measures sheet of a two-workstream feed in Polish: three cells in, exactly three changes out', async () => {
  const original = JSON.parse(await readFile(POLISH, 'utf8'));
  const { page, context, problems } = await openFeed(POLISH);
  assert.deepEqual(await axeViolations(page), []);

  // An XLSX downloaded and uploaded unchanged changes nothing.
  const workbook = await download(page, 'Download the measures as a spreadsheet (XLSX, for Excel)');
  assert.equal(workbook.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  await page.getByLabel('Upload a filled-in sheet').setInputFiles(workbook.path);
  await page.getByRole('heading', { name: `What ${workbook.name} will change` }).waitFor();
  assert.equal(await page.locator('#sheet-summary').innerText(), '0 changes from 0 rows; 0 rows refused; 6 rows unchanged. Nothing has changed yet.');
  assert.ok(await page.getByRole('button', { name: /^Apply/ }).isHidden());

  const sheet = await download(page, 'Download the measures as a spreadsheet (CSV)');
  const rows = parseCsv(sheet.bytes.toString('utf8').slice(1));
  const col = (name) => rows[0].indexOf(name);
  // One row a measure, in the plan's order, counted from 1 within each action.
  assert.deepEqual(rows.slice(1).map((r) => `${r[col('Workstream')]} | ${r[col('Action ref')]} | ${r[col('Measure number')]}`), [
    'Made-up workstream A | A/1 | 1',
    'Made-up workstream A | A.2b | 1',
    'Made-up workstream A | A.2b | 2',
    'Made-up workstream A | A.2b | 3',
    'Made-up workstream B | B1 | 1',
    'Made-up workstream B | B1 | 2',
  ]);
  assert.equal(rows[2][col('Leads')], 'Made-up lead B; Made-up lead C');
  assert.equal(rows[1][col('Evidence')], 'Made-up evidence', 'the English of a translated evidence');
  // Three cells, as an officer would change them in Excel (made-up values): a status in the
  // second workstream, the evidence that has a Polish translation, a "confirmed on" date.
  rows[6][col('Status')] = 'at risk';
  rows[1][col('Evidence')] = 'Made-up evidence, changed in the sheet (test data)';
  rows[4][col('Confirmed on')] = yesterday();
  const filled = join(scratch, 'filled-in.csv');
  await writeFile(filled, writeCsv(rows));

  await page.getByLabel('Upload a filled-in sheet').setInputFiles(filled);
  const heading = page.getByRole('heading', { name: 'What filled-in.csv will change' });
  await heading.waitFor();
  const changes = await listUnder(page, 'Will change');
  assert.deepEqual(changes.map((c) => c.replace(/:.*/, '')), ['row 2', 'row 5', 'row 7'], changes.join('\n'));
  assert.match(changes[0], /^row 2: Action A\/1, measure 1: evidence changed/);
  assert.match(changes[1], /^row 5: Action A\.2b, measure 3: confirmed on/);
  assert.match(changes[2], /^row 7: Action B1, measure 2: status recorded: At risk$/);
  assert.deepEqual(await listUnder(page, 'Refused (these rows change nothing)'), []);
  // The sheet carries the English only: the Polish of that evidence is said to need updating.
  const notes = await listUnder(page, 'Also noted (these change nothing)');
  assert.ok(notes.some((n) => /^row 2: action A\/1, measure 1: the evidence changed, and its Polish translation still says the old words/.test(n)), notes.join('\n'));
  assert.match(await page.locator('#sheet-summary').innerText(), /^3 changes from 3 rows; 0 rows refused; 3 rows unchanged\. Nothing has changed yet\.$/);
  assert.deepEqual(await page.locator('#changes li').allInnerTexts().then((l) => l.filter((c) => !c.startsWith('Feed last checked'))), []);
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'Apply these 3 changes' }).click();
  assert.match(await page.getByRole('status').filter({ hasText: 'from the sheet made to the draft' }).innerText(), /^3 changes from the sheet/);
  assert.deepEqual(await axeViolations(page), []);

  const feed = await download(page, 'Download the feed', 'downloaded.json');
  const downloaded = JSON.parse(feed.bytes.toString('utf8'));
  const changed = differences(original, downloaded).sort();
  const plan = 'plans.0.workstreams';
  assert.deepEqual(changed, [
    `${plan}.0.actions.0.measures.0.evidence.en`,
    `${plan}.0.actions.1.measures.2.status_date`,
    `${plan}.1.actions.0.measures.1.status`,
    'updated',
  ], changed.join('\n'));
  assert.equal(downloaded.plans[0].workstreams[0].actions[0].measures[0].evidence.pl, 'Zmyślone dowody', 'the Polish is kept');
  assert.equal(downloaded.plans[0].workstreams[1].actions[0].measures[1].status, 'at_risk');
  assert.equal(downloaded.plans[0].workstreams[0].actions[1].measures[2].status_date, yesterday());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused row, as the officer reads it: unknown action, status word, future date, changed text', async () => {
  const { page, context, problems } = await openFeed(POLISH);
  const sheet = await download(page, 'Download the measures as a spreadsheet (CSV)');
  const rows = parseCsv(sheet.bytes.toString('utf8').slice(1));
  const col = (name) => rows[0].indexOf(name);
  rows[1][col('Action ref')] = 'A/9';
  rows[2][col('Status')] = 'done';
  rows[3][col('Confirmed on')] = '1/1/2099';
  rows[4][col('Measure text')] = 'Made-up measure four, reworded';
  rows[5][col('Evidence')] = 'Made-up: accepted beside the refused (test data)';
  const filled = join(scratch, 'refused.csv');
  await writeFile(filled, writeCsv(rows));
  await page.getByLabel('Upload a filled-in sheet').setInputFiles(filled);
  await page.getByRole('heading', { name: 'What refused.csv will change' }).waitFor();
  const refused = await listUnder(page, 'Refused (these rows change nothing)');
  assert.equal(refused.length, 4, refused.join('\n'));
  assert.match(refused[0], /^row 2: action ref "A\/9" is not in the plan/);
  assert.match(refused[1], /^row 3: status "done" is not one of/);
  assert.match(refused[2], /^row 4: .*in the future/);
  assert.match(refused[3], /^row 5: the measure text is not the plan's/);
  assert.deepEqual((await listUnder(page, 'Will change')).map((c) => c.replace(/:.*/, '')), ['row 6']);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Do not apply' }).click();
  assert.equal(await page.locator('#sheet-result').innerText(), 'The sheet was not applied: nothing changed.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a step added between two others on a pathway whose ids hold dots, slashes and accents', async () => {
  const { page, context, problems } = await openFeed(POLISH);
  await page.getByRole('heading', { name: 'Pathways', exact: true }).waitFor();
  assert.equal(await page.getByLabel('Pathway', { exact: true }).inputValue(), 'path.alpha');
  const before = await arrows(page);
  assert.deepEqual(before, ['s.1 → s_2/x', 's_2/x → s.3é', 's_2/x → s4']);
  assert.deepEqual(await axeViolations(page), []);

  // By role and label: the button of the first step, the title, what it leads to.
  await page.getByRole('button', { name: 'Add a step after this one (after “Made-up: ask for help”)' }).click();
  const title = page.getByLabel('Title of the new step');
  assert.ok(await title.evaluate((box) => box === document.activeElement), 'focus goes to the new title');
  await title.fill('Made-up: a phone call first (test data)');
  const leadsTo = page.getByLabel('It leads to');
  assert.equal(await leadsTo.inputValue(), 's_2/x', 'between it and its next step');
  assert.equal(await leadsTo.locator('option:checked').innerText(), '“Made-up: talk to the team” (the new step goes between)');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await page.getByRole('button', { name: 'Add the step', exact: true }).click();
  const added = 'made-up-a-phone-call-first-test-data';
  const after = await arrows(page);
  assert.deepEqual(after, [`${added} → s_2/x`, `s.1 → ${added}`, 's_2/x → s.3é', 's_2/x → s4'].sort(), after.join('\n'));
  // The list preview has it between the two, and the form names it by its title.
  const listed = await page.locator('#pathway-list-preview').innerText();
  const at = (words) => listed.indexOf(words);
  assert.ok(at('Made-up: ask for help') < at('Made-up: a phone call first') && at('Made-up: a phone call first') < at('Made-up: talk to the team'), listed);
  assert.ok(await page.getByRole('heading', { name: 'Step 2: Made-up: a phone call first (test data)', level: 4 }).isVisible());
  // In a two-language feed, the new step's title has a Polish box too, empty and said to be.
  const polish = page.getByLabel('Title (Polish) of step “Made-up: a phone call first (test data)”');
  assert.equal(await polish.getAttribute('lang'), 'pl');
  assert.equal(await polish.inputValue(), '');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  assert.deepEqual(await danglingReferences(page), []);

  // Removing the step the new one leads to asks where it should lead instead: not to itself,
  // and first to where the removed step led (it led to one of two).
  await page.getByRole('button', { name: 'Remove this step (“Made-up: talk to the team”)' }).click();
  await page.getByRole('heading', { name: 'Remove “Made-up: talk to the team”?' }).waitFor();
  const instead = page.getByLabel('Lead to instead');
  assert.deepEqual(await instead.locator('option').allInnerTexts(),
    ['Made-up: ask for help', 'Made-up: a plan is written', 'Made-up: no plan is needed', 'Nothing: take the arrow away']);
  assert.equal(await instead.inputValue(), 's.3é');
  assert.deepEqual(await axeViolations(page, '.pathways'), []);
  await page.getByRole('button', { name: 'Remove the step', exact: true }).click();
  assert.deepEqual(await arrows(page), [`${added} → s.3é`, `s.1 → ${added}`]);

  const { bytes } = await download(page, 'Download the feed', 'with-step.json');
  const steps = JSON.parse(bytes.toString('utf8')).pathways[0].steps;
  assert.deepEqual(steps.map((s) => s.id), ['s.1', added, 's.3é', 's4']);
  assert.deepEqual(steps[0].next.steps, [added]);
  assert.deepEqual(steps[1].next.steps, ['s.3é']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every text in English and Polish side by side, with the missing-translation filter', async () => {
  const { page, context, problems } = await openFeed(POLISH, { width: 320, height: 800 });
  assert.match(await page.locator('#languages-note').innerText(), /English and Polish side by side/);
  assert.match(await page.locator('#languages-note').innerText(), /A text left empty in Polish is shown to families in English/);
  // A translated text, and its English, each marked with its language.
  const translated = page.getByLabel('Title (Polish) of step “Made-up: ask for help”');
  assert.equal(await translated.inputValue(), 'Poproś o pomoc');
  assert.equal(await translated.getAttribute('lang'), 'pl');
  assert.equal(await page.getByLabel('Title (English) of step “Made-up: ask for help”').getAttribute('lang'), 'en');
  assert.equal(await page.getByLabel('Evidence (Polish) for measure 1 of action A/1', { exact: true }).inputValue(), 'Zmyślone dowody');
  // A missing one says, at its box, that families see the English.
  const missing = page.getByLabel('Title (Polish) of step “Made-up: talk to the team”');
  const described = await missing.getAttribute('aria-describedby');
  assert.ok(described, 'the missing translation is described');
  const note = await Promise.all(described.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
  assert.ok(note.some((n) => /families reading in Polish see the English/.test(n)), note.join('\n'));
  assert.equal(await page.getByLabel(/\(Bengali/).count(), 0, 'no Bengali boxes: the feed has none');
  assert.deepEqual(await axeViolations(page), []);

  const filter = page.getByLabel('Only texts missing a translation');
  await filter.check();
  const count = await page.locator('#missing-count').innerText();
  const shown = Number(count.match(/^(\d+) texts? (are|is) missing a translation/)?.[1]);
  assert.ok(shown > 5, count);
  assert.ok(await missing.isVisible());
  assert.ok(await page.getByLabel('Evidence (Polish) for measure 1 of action B1', { exact: true }).isVisible());
  assert.ok(await translated.isHidden(), 'a translated text is filtered out');
  assert.ok(await page.getByLabel('Evidence (Polish) for measure 1 of action A/1', { exact: true }).isHidden());
  assert.ok(await page.getByLabel('Status of measure 1 of action A/1', { exact: true }).isHidden());
  assert.deepEqual(await axeViolations(page), []);

  // Translating one takes it out of the count; the download carries it beside the English.
  await missing.fill('Porozmawiaj z zespołem');
  assert.match(await page.locator('#missing-count').innerText(), new RegExp(`^${shown - 1} texts? (are|is) missing`));
  await filter.uncheck();
  assert.ok(await page.getByLabel('Status of measure 1 of action A/1', { exact: true }).isVisible());

  // A reload loses nothing, and the draft continued downloads only what was changed.
  await page.reload();
  await page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  await page.getByRole('button', { name: 'Continue your draft' }).click();
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  assert.equal(await missing.inputValue(), 'Porozmawiaj z zespołem');
  const { bytes } = await download(page, 'Download the feed', 'translated.json');
  const feed = JSON.parse(bytes.toString('utf8'));
  assert.deepEqual(feed.pathways[0].steps[1].title, { en: 'Made-up: talk to the team', pl: 'Porozmawiaj z zespołem' });
  const original = JSON.parse(await readFile(POLISH, 'utf8'));
  assert.deepEqual(differences(original, feed).sort(), ['pathways.0.steps.1.title', 'updated']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing scrolls sideways at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a feed in English alone, ids with spaces and quotes: one box a text, regions named, a step added', async () => {
  const original = JSON.parse(await readFile(ENGLISH, 'utf8'));
  const { page, context, problems } = await openFeed(ENGLISH);
  assert.match(await page.locator('#languages-note').innerText(), /This feed has one language, English/);
  assert.ok(await page.getByLabel('Only texts missing a translation').isHidden());
  assert.equal(await page.getByLabel(/\((English|Polish|Bengali)\)/).count(), 0);
  // Each step is a region named by its heading, whatever its id.
  for (const [i, words] of ['Made-up: ask for help', 'Made-up: talk to the team', 'Made-up: a plan is written', 'Made-up: no plan is needed'].entries()) {
    assert.ok(await page.getByRole('region', { name: `Step ${i + 1}: ${words}` }).isVisible(), words);
  }
  assert.deepEqual(await danglingReferences(page), []);
  assert.deepEqual(await arrows(page), ['step "two" → s#4', 'step "two" → step three\'s', 'step one → step "two"']);
  assert.deepEqual(await axeViolations(page), []);

  const step = page.getByRole('region', { name: 'Step 2: Made-up: talk to the team' });
  await step.getByRole('button', { name: 'Add a step after this one (after “Made-up: talk to the team”)' }).click();
  await page.getByLabel('Title of the new step').fill('Made-up: a letter (test data)');
  await page.getByLabel('It leads to').selectOption({ label: '“Made-up: no plan is needed” (the new step goes between)' });
  await page.getByRole('button', { name: 'Add the step', exact: true }).click();
  const added = 'made-up-a-letter-test-data';
  assert.deepEqual(await arrows(page), [`${added} → s#4`, 'step "two" → step three\'s', `step "two" → ${added}`, 'step one → step "two"'].sort());
  assert.ok(await page.getByRole('region', { name: 'Step 3: Made-up: a letter (test data)' }).isVisible());
  assert.deepEqual(await danglingReferences(page), []);
  assert.deepEqual(await axeViolations(page, '.pathways'), []);

  // A figure's box on an indicator whose id has a space: a number that is not one is refused at
  // the box, and the summary links to it.
  const figure = page.getByLabel('Figure of Made-up weeks waiting, March 2026', { exact: true });
  await figure.fill('2O');
  const link = page.locator('#error-summary').getByRole('link').first();
  await link.waitFor();
  await link.click();
  assert.ok(await figure.evaluate((box) => box === document.activeElement), 'the summary link reaches the box');
  assert.match(await figure.getAttribute('aria-describedby') ?? '', /./);
  await figure.fill('26');
  assert.deepEqual(await axeViolations(page), []);

  const { bytes } = await download(page, 'Download the feed', 'english.json');
  const downloaded = JSON.parse(bytes.toString('utf8'));
  const changed = differences(original, downloaded).filter((p) => !p.startsWith('pathways.0.steps'));
  assert.deepEqual(changed, ['updated'], changed.join('\n'));
  assert.deepEqual(downloaded.pathways[0].steps.map((s) => s.id), ['step one', 'step "two"', added, "step three's", 's#4']);
  assert.deepEqual(problems, []);
  await context.close();
});
