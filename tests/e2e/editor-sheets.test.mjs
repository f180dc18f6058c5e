// Spreadsheets in the officer's editor (edit.html, "Spreadsheets"): the measures sheet
// downloaded, three cells changed by a script as an officer would in Excel, the sheet uploaded,
// the list of exactly those three changes read before anything changes, applied, and the
// downloaded feed differing from the published one in exactly those fields (and "updated").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, axeViolations } from './support.mjs';
import { download as downloadTo, parseCsv, writeCsv, differences, yesterday } from './editor-support.mjs';

const ROOT = new URL('../../', import.meta.url);
let browser;
let sample;
let scratch;
before(async () => {
  browser = await launch();
  sample = JSON.parse(await readFile(new URL('www/feed/tower-hamlets.json', ROOT), 'utf8'));
  scratch = await mkdtemp(join(tmpdir(), 'editor-sheets-'));
});
after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Saves what the button named `name` downloads in this run's scratch folder. */
const download = (page, name, as) => downloadTo(page, scratch, name, as);

async function openEditor(viewport) {
  const opened = await openPage(browser, '/edit.html', viewport);
  // The editor's wasm is large (the spreadsheet crates): allow a loaded machine time for it.
  await opened.page.waitForSelector('body[data-editor-ready="true"]', { timeout: 60000 });
  // A draft from another test would be offered first; start from the published feed.
  await opened.page.getByRole('button', { name: 'Open the published feed' }).click();
  await opened.page.getByRole('heading', { name: 'Termly update' }).waitFor();
  return opened;
}

async function upload(page, path) {
  await page.getByLabel('Upload a filled-in sheet').setInputFiles(path);
}

/** "What you changed", less the "last checked" date that every download sets. */
async function published(page) {
  const items = await page.locator('#changes li').allInnerTexts();
  return items.filter((item) => !item.startsWith('Feed last checked (updated):'));
}

async function listed(page, id) {
  const list = page.locator(`#${id}`);
  if (!(await list.isVisible())) return [];
  return list.locator('li').allInnerTexts();
}

test('three cells changed in the measures sheet are exactly three changes, applied by keyboard', async () => {
  const { page, context, problems } = await openEditor();
  assert.deepEqual(await axeViolations(page), []);

  const sheet = await download(page, 'Download the measures as a spreadsheet (CSV)');
  assert.match(sheet.name, /^send-measures-\d{4}-\d\d-\d\d\.csv$/);
  const text = sheet.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffWorkstream,Action ref,Measure number,Measure text,Deadline'), text.slice(0, 80));
  const rows = parseCsv(text.slice(1));
  const header = rows[0];
  const col = (name) => header.indexOf(name);
  assert.ok(rows.length > 4, 'the sample plan has measures');
  // Made-up values, as an officer would type them in Excel.
  const statusRow = rows[1];
  const newStatus = statusRow[col('Status')] === 'Complete' ? 'On track' : 'Complete';
  statusRow[col('Status')] = newStatus;
  rows[2][col('Evidence')] = 'Made-up evidence typed into the sheet (test data)';
  rows[3][col('Confirmed on')] = yesterday();
  const filled = join(scratch, 'filled-in.csv');
  await writeFile(filled, writeCsv(rows));

  await upload(page, filled);
  const heading = page.getByRole('heading', { name: 'What filled-in.csv will change' });
  await heading.waitFor();
  const changes = await listed(page, 'sheet-changes');
  const name = (row) => `Action ${row[col('Action ref')]}, measure ${row[col('Measure number')]}`;
  assert.equal(changes.length, 3, changes.join('\n'));
  assert.match(changes[0], new RegExp(`^row 2: ${name(rows[1])}: status .*${newStatus}`));
  assert.match(changes[1], new RegExp(`^row 3: ${name(rows[2])}: evidence`));
  assert.match(changes[2], new RegExp(`^row 4: ${name(rows[3])}: confirmed on`));
  assert.deepEqual(await listed(page, 'sheet-refused'), []);
  assert.match(await page.locator('#sheet-summary').innerText(), /^3 changes from 3 rows; 0 rows refused; \d+ rows unchanged\. Nothing has changed yet\.$/);
  // Nothing changed yet: the publish list is still empty.
  assert.deepEqual(await published(page), []);
  assert.deepEqual(await axeViolations(page), []);

  // By keyboard: focus is on the list's heading; the next stop is "Apply".
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sheet-preview-heading');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Apply these 3 changes');
  await page.keyboard.press('Enter');
  const result = page.locator('#sheet-result');
  assert.match(await result.innerText(), /^3 changes from the sheet made to the draft/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sheet-result');
  assert.ok(await page.locator('#sheet-preview').isHidden());
  const listedNow = await published(page);
  assert.equal(listedNow.length, 3, listedNow.join('\n'));
  for (const change of changes) assert.ok(listedNow.includes(change.replace(/^row \d+: /, '')), `${change} in ${listedNow}`);
  assert.match(await page.locator('#draft-status').innerText(), /^Draft saved at/);
  assert.deepEqual(await axeViolations(page), []);

  // The form shows the new status too.
  const feed = await download(page, 'Download the feed');
  const downloaded = JSON.parse(feed.bytes.toString('utf8'));
  const changed = differences(sample, downloaded).filter((p) => p !== '$schema');
  assert.equal(changed.length, 4, changed.join('\n'));
  assert.ok(changed.includes('updated'), changed.join('\n'));
  assert.equal(changed.filter((p) => /\.status$/.test(p)).length, 1, changed.join('\n'));
  assert.equal(changed.filter((p) => /\.evidence$/.test(p)).length, 1, changed.join('\n'));
  assert.equal(changed.filter((p) => /\.status_date$/.test(p)).length, 1, changed.join('\n'));
  const at = (path) => path.split('.').reduce((v, k) => v?.[k], downloaded);
  assert.equal(at(changed.find((p) => p.endsWith('.evidence'))), 'Made-up evidence typed into the sheet (test data)');
  assert.equal(at(changed.find((p) => p.endsWith('.status_date'))), yesterday());
  assert.deepEqual(problems, []);
  await context.close();
});

test('an XLSX downloaded and uploaded unchanged changes nothing; refused rows and other files are explained', async () => {
  const { page, context, problems } = await openEditor({ width: 320, height: 800 });
  const workbook = await download(page, 'Download the measures as a spreadsheet (XLSX, for Excel)');
  assert.match(workbook.name, /^send-measures-\d{4}-\d\d-\d\d\.xlsx$/);
  assert.equal(workbook.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  await upload(page, workbook.path);
  await page.getByRole('heading', { name: `What ${workbook.name} will change` }).waitFor();
  assert.match(await page.locator('#sheet-summary').innerText(), /^0 changes from 0 rows; 0 rows refused; \d+ rows unchanged\./);
  assert.ok(await page.getByRole('button', { name: /^Apply/ }).isHidden());
  assert.equal(await page.locator('#sheet-nothing').innerText(), 'The sheet changes nothing in the draft.');

  const figures = await download(page, 'Download the figures as a spreadsheet (CSV)');
  const rows = parseCsv(figures.bytes.toString('utf8').slice(1));
  assert.deepEqual(rows[0], ['Indicator id', 'Indicator title', 'Period', 'Value', 'Note']);
  // Made up: a figure that is not a number, and one changed.
  rows[1][3] = 'about forty';
  rows[2][3] = String(Number(rows[2][3]) + 1);
  const filled = join(scratch, 'figures.csv');
  await writeFile(filled, writeCsv(rows));
  await upload(page, filled);
  await page.getByRole('heading', { name: 'What figures.csv will change' }).waitFor();
  const refused = await listed(page, 'sheet-refused');
  assert.equal(refused.length, 1, refused.join('\n'));
  assert.match(refused[0], /^row 2: .*about forty/);
  assert.equal((await listed(page, 'sheet-changes')).length, 1);
  assert.ok(await page.getByRole('button', { name: 'Apply this change' }).isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Do not apply' }).click();
  assert.equal(await page.locator('#sheet-result').innerText(), 'The sheet was not applied: nothing changed.');
  assert.deepEqual(await published(page), []);

  const notASheet = join(scratch, 'notes.csv');
  await writeFile(notASheet, 'Made up,not a sheet\r\n1,2\r\n');
  await upload(page, notASheet);
  const error = page.locator('#sheet-file-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^Error: notes\.csv cannot be read: no sheet in it starts with the measures sheet's headers/);
  // Where to get one, in the editor's words: its buttons, not the command line.
  assert.match(await error.textContent(), /download one with “Download the measures as a spreadsheet” or “Download the figures as a spreadsheet” above/);
  assert.doesNotMatch(await error.textContent(), /sendfeed/);
  assert.match(await page.getByLabel('Upload a filled-in sheet').getAttribute('aria-describedby'), /sheet-file-error/);
  assert.deepEqual(await axeViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing scrolls sideways at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
});
