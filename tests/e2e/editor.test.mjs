// The officer's editor (edit.html): a termly update recorded in the browser, kept across a
// reload, checked at each field, and downloaded as a feed that `sendfeed validate` passes and
// that differs from the published one only where the officer changed it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { launch, openPage, axeViolations } from './support.mjs';

const ROOT = new URL('../../', import.meta.url);
let browser;
let sample;
before(async () => {
  browser = await launch();
  sample = JSON.parse(await readFile(new URL('www/feed/tower-hamlets.json', ROOT), 'utf8'));
});
after(() => browser?.close());

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The plan the editor's termly update shows: the core's `current_plan` (the one marked
 *  current, else the first neither closed nor followed by another). */
function currentPlan() {
  if (sample.plan) return sample.plan;
  return sample.plans.find((p) => p.lifecycle === 'current')
    ?? sample.plans.find((p) => p.lifecycle !== 'closed' && !p.followed_by)
    ?? sample.plans[0];
}

/** The first `count` measures of the sample, with their places and the names the form uses. */
function firstMeasures(count) {
  const found = [];
  currentPlan().workstreams.forEach((workstream, w) => workstream.actions.forEach((action, a) => action.measures.forEach((measure, m) => {
    found.push({ w, a, m, name: `measure ${m + 1} of action ${action.ref}` });
  })));
  return found.slice(0, count);
}

async function editor(viewport) {
  const opened = await openPage(browser, '/edit.html', viewport);
  await opened.page.waitForSelector('body[data-editor-ready="true"]', { timeout: 15000 });
  return opened;
}

async function openPublished(page) {
  await page.getByRole('button', { name: 'Open the published feed' }).click();
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
}

function sendfeedValidate(file) {
  return new Promise((resolve) => {
    execFile('cargo', ['run', '-q', '-p', 'send-cli', '--', 'validate', file], { cwd: ROOT, timeout: 600_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

test('a termly update survives a reload, is checked at its fields and downloads as a valid feed', async () => {
  const { page, context, problems } = await editor();
  const day = today();
  await openPublished(page);
  assert.match(await page.getByRole('status').filter({ hasText: 'Draft saved at' }).innerText(), /^Draft saved at \d\d:\d\d$/);

  // Ten statuses, in words, as an officer picks them; evidence for two.
  const words = ['On track', 'Complete', 'At risk', 'Off track', 'Ongoing', 'Not started', 'Complete', 'On track', 'Complete', 'At risk'];
  const codes = { 'On track': 'on_track', Complete: 'complete', 'At risk': 'at_risk', 'Off track': 'off_track', Ongoing: 'ongoing', 'Not started': 'not_started' };
  const measures = firstMeasures(10);
  const evidence = {
    0: 'Made-up test evidence: reported to the SEND board.',
    1: 'Made-up test evidence: the template is in use in every team.',
  };
  for (const [i, measure] of measures.entries()) {
    await page.getByLabel(`Status of ${measure.name}`, { exact: true }).selectOption({ label: words[i] });
    if (evidence[i]) await page.getByLabel(`Evidence for ${measure.name}`, { exact: true }).fill(evidence[i]);
  }
  // "Confirmed on" became today; families would now see the status the tracker gives.
  const first = page.getByRole('group', { name: `Confirmed on for ${measures[1].name}` });
  assert.equal(await first.getByLabel('Day').inputValue(), String(Number(day.slice(8))));
  assert.equal(await first.getByLabel('Year').inputValue(), day.slice(0, 4));
  const block = page.locator('.measure').nth(1);
  assert.match(await block.locator('.family-sees').innerText(), /What families will see: Complete/);

  // The rest of the termly job: a figure, a "You said, we did" and a contact (all made up).
  const waiting = 'Children waiting for an autism diagnostic decision';
  const period = page.getByRole('group', { name: `Period of the new figure for ${waiting}` });
  await period.getByLabel('Month').fill('3');
  await period.getByLabel('Year').fill('2024');
  await page.getByLabel(`New figure for ${waiting}`, { exact: true }).fill('210');
  await page.getByRole('button', { name: `Add the figure to ${waiting}` }).click();
  const entryDate = page.locator('#updates').getByRole('group', { name: 'Date of the new entry' });
  await entryDate.getByLabel('Month').fill('11');
  await entryDate.getByLabel('Year').fill('2024');
  await page.getByLabel('We did of the new entry', { exact: true }).fill('Made-up test entry: a termly newsletter.');
  await page.getByRole('button', { name: 'Add the entry' }).click();
  const service = sample.services[1];
  await page.getByLabel(`Phone for ${service.name}`, { exact: true }).fill('020 7946 0123');

  // A reload loses nothing.
  await page.reload();
  await page.waitForSelector('body[data-editor-ready="true"]');
  await page.getByRole('button', { name: 'Continue your draft' }).click();
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  for (const [i, measure] of measures.entries()) {
    assert.equal(await page.getByLabel(`Status of ${measure.name}`, { exact: true }).inputValue(), codes[words[i]], measure.name);
  }
  assert.equal(await page.getByLabel(`Evidence for ${measures[0].name}`, { exact: true }).inputValue(), evidence[0]);
  assert.equal(await page.getByLabel(`Figure of ${waiting}, March 2024`, { exact: true }).inputValue(), '210');
  assert.equal(await page.locator('#updates .update-entry').count(), sample.updates.length + 1);
  assert.equal(await page.getByLabel(`Phone for ${service.name}`, { exact: true }).inputValue(), '020 7946 0123');
  const changes = await page.locator('#changes li').allInnerTexts();
  assert.ok(changes.some((c) => c.startsWith(`Action ${currentPlan().workstreams[0].actions[0].ref}, measure 1: status`)), changes.join('\n'));

  // An impossible date: its message at the field and in the summary, and no download.
  const third = page.getByRole('group', { name: `Confirmed on for ${measures[2].name}` });
  await third.getByLabel('Day').fill('31');
  await third.getByLabel('Month').fill('2');
  const message = /must be a real date/;
  assert.match(await third.locator('.error-message').innerText(), message);
  const summary = page.locator('#error-summary');
  assert.match(await summary.getByRole('heading').innerText(), /There is a problem/);
  const link = summary.getByRole('link', { name: message });
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Download the feed' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  assert.match(await page.locator('#download-hint').innerText(), /not downloaded/);
  assert.deepEqual(await axeViolations(page), [], 'no violations in the error state');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `m-${measures[2].w}-${measures[2].a}-${measures[2].m}-confirmed-day`);
  await third.getByLabel('Day').fill('28');
  await page.locator('#error-summary[hidden]').waitFor({ state: 'attached' });
  assert.equal(await third.locator('.error-message').isHidden(), true);
  assert.equal(downloads, 0);

  // The download: today's name, `updated` today, valid, and changed only where the officer did.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feed' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `send-feed-${day}.json`);
  const dir = await mkdtemp(join(tmpdir(), 'send-editor-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  const downloaded = JSON.parse(text);
  const expected = structuredClone(sample);
  expected.updated = day;
  for (const [i, { w, a, m }] of measures.entries()) {
    const measure = (expected.plan ?? expected.plans[sample.plans.indexOf(currentPlan())]).workstreams[w].actions[a].measures[m];
    measure.status = codes[words[i]];
    measure.status_date = i === 2 ? `${day.slice(0, 4)}-02-28` : day;
    if (evidence[i]) measure.evidence = evidence[i];
  }
  expected.indicators.find((i) => i.id === 'asd-waiting-list').actual = [{ period: '2024-03', value: 210 }];
  expected.updates.push({ date: '2024-11', we_did: 'Made-up test entry: a termly newsletter.' });
  expected.services[1].contact = { phone: '020 7946 0123' };
  assert.deepStrictEqual(downloaded, expected);
  const validated = await sendfeedValidate(file);
  assert.equal(validated.code, 0, `${validated.stdout}\n${validated.stderr}`);
  assert.match(validated.stdout, /0 errors/);
  await rm(dir, { recursive: true });

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the editor works by keyboard alone at 320 px, with no WCAG 2.2 A/AA violations', async () => {
  const { page, context, problems } = await editor({ width: 320, height: 640 });
  assert.deepEqual(await axeViolations(page), [], 'the open screen');
  await page.getByLabel('Address of the published feed').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Open the published feed');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Termly update' }).waitFor();
  // Filters narrow the list; the status is changed from the keyboard.
  await page.getByLabel('Only measures that need an update').check();
  assert.match(await page.locator('#filter-count').innerText(), /^Showing \d+ of 79 measures$/);
  const select = page.locator('.measure:not([hidden]) select').first();
  await select.focus();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await select.inputValue(), '');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);
  assert.deepEqual(await axeViolations(page), [], 'the termly update');
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('button', { name: 'Open the published feed' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('send-pathways:editor-draft')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('figures: the first figure of an indicator, a bad number refused at its box, a change and a removal', async () => {
  const { page, context, problems } = await editor();
  const day = today();
  await openPublished(page);
  const waiting = 'Children waiting for an autism diagnostic decision';
  const block = page.locator('#ind-asd-waiting-list');
  assert.match(await block.innerText(), /No figures yet/);
  const period = page.getByRole('group', { name: `Period of the new figure for ${waiting}` });
  await period.getByLabel('Month').fill('3');
  await period.getByLabel('Year').fill('2024');
  // Made-up test figure: a letter O typed for a zero.
  await page.getByLabel(`New figure for ${waiting}`, { exact: true }).fill('2,1OO');
  await page.getByRole('button', { name: `Add the figure to ${waiting}` }).click();
  assert.match(await block.locator('.form-group--error .error-message').innerText(), /must be a number, for example 210/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-asd-waiting-list-value');
  assert.ok(await page.locator('#error-summary').getByRole('link', { name: /must be a number/ }).isVisible());
  assert.match(await block.innerText(), /No figures yet/);
  assert.deepEqual(await axeViolations(page, '#figures'), [], 'the figures in the error state');

  await page.getByLabel(`New figure for ${waiting}`, { exact: true }).fill('210');
  await page.getByLabel(`Note for the new figure (optional) for ${waiting}`, { exact: true }).fill('Made-up test figure');
  await page.getByRole('button', { name: `Add the figure to ${waiting}` }).click();
  const added = page.locator('#ind-asd-waiting-list');
  assert.match(await added.getByRole('status').innerText(), /The figure was added/);
  assert.equal(await page.getByLabel(`Figure of ${waiting}, March 2024`, { exact: true }).inputValue(), '210');
  assert.equal(await page.locator('#error-summary').isHidden(), true);
  await added.getByText('What families will see').click();
  assert.match(await added.locator('.figure-preview').innerText(), /210/);

  // A change and a removal on an indicator that had figures (made-up test values).
  const timeliness = 'EHC plans issued within 20 weeks';
  await page.getByLabel(`Figure of ${timeliness}, 2023`, { exact: true }).fill('49.5%');
  await page.getByRole('button', { name: `Remove the figure for 2021 from ${timeliness}` }).click();
  assert.match(await page.locator('#ind-ehcp-timeliness').getByRole('status').innerText(), /The figure for 2021 was removed/);
  const changes = await page.locator('#changes li').allInnerTexts();
  for (const change of [
    `New figure for ${waiting}: 210 (March 2024)`,
    `Figure for ${timeliness}, 2023: 48% → 49.5%`,
    `Figure removed from ${timeliness}: 27% (2021)`,
  ]) assert.ok(changes.includes(change), `${change} in\n${changes.join('\n')}`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feed' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'send-editor-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const downloaded = JSON.parse(await readFile(file, 'utf8'));
  const expected = structuredClone(sample);
  expected.updated = day;
  expected.indicators.find((i) => i.id === 'asd-waiting-list').actual = [{ period: '2024-03', value: 210, note: 'Made-up test figure' }];
  const ehcp = expected.indicators.find((i) => i.id === 'ehcp-timeliness');
  ehcp.actual = [{ ...ehcp.actual[1], value: 49.5 }];
  assert.deepStrictEqual(downloaded, expected);
  const validated = await sendfeedValidate(file);
  assert.equal(validated.code, 0, `${validated.stdout}\n${validated.stderr}`);
  await rm(dir, { recursive: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"You said, we did": an entry added with its actions, one refused at its box, one changed and one removed', async () => {
  const { page, context, problems } = await editor();
  const day = today();
  const [year, month] = [day.slice(0, 4), String(Number(day.slice(5, 7)))];
  await openPublished(page);
  const section = page.locator('#updates');
  const date = section.getByRole('group', { name: 'Date of the new entry' });
  await date.getByLabel('Month').fill(month);
  await date.getByLabel('Year').fill(year);
  await page.getByLabel('You said (optional) of the new entry', { exact: true }).fill('Made-up test entry: tell us how long the wait is.');
  await page.getByRole('button', { name: 'Add the entry' }).click();
  const weDid = page.getByLabel('We did of the new entry', { exact: true });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'upd-new-we-did');
  assert.match(await section.locator('.form-group--error .error-message').innerText(), /Enter what the council did/);
  assert.ok(await page.locator('#error-summary').getByRole('link', { name: /Enter what the council did/ }).isVisible());
  assert.deepEqual(await axeViolations(page, '#updates'), [], 'the entries in the error state');

  await weDid.fill('Made-up test entry: we publish the waiting time every month.');
  const first = currentPlan().workstreams[0].actions[0];
  await section.getByText('Actions it belongs to (0 chosen)').last().click();
  await page.getByLabel(`${first.ref} ${first.title}`).last().check();
  await page.getByRole('button', { name: 'Add the entry' }).click();
  assert.match(await page.locator('#updates-status').innerText(), /The entry was added/);
  const count = sample.updates.length;
  assert.equal(await section.locator('.update-entry').count(), count + 1);

  // Change entry 1's "we did" (a made-up correction) and remove entry 2.
  const entry1 = sample.updates[0];
  const where1 = `of entry 1, ${await section.locator('.update-entry h3').first().innerText().then((t) => t.replace(/^Entry 1: /, ''))}`;
  await page.getByLabel(`We did ${where1}`, { exact: true }).fill(`${entry1.we_did} (made-up test correction)`);
  const second = await section.locator('.update-entry h3').nth(1).innerText();
  await page.getByRole('button', { name: `Remove ${second.replace(/^Entry 2: /, 'entry 2, ')}` }).click();
  assert.match(await page.locator('#updates-status').innerText(), /Entry 2 was removed/);
  const changes = await page.locator('#changes li').allInnerTexts();
  assert.equal(changes.filter((c) => c.includes('You said, we did')).length, 3, changes.join('\n'));
  assert.ok(changes.some((c) => c.startsWith('New “You said, we did”') && c.includes('Made-up test entry')), changes.join('\n'));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feed' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'send-editor-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const downloaded = JSON.parse(await readFile(file, 'utf8'));
  const expected = structuredClone(sample);
  expected.updated = day;
  expected.updates[0].we_did = `${entry1.we_did} (made-up test correction)`;
  expected.updates.splice(1, 1);
  expected.updates.push({
    date: `${year}-${day.slice(5, 7)}`,
    you_said: 'Made-up test entry: tell us how long the wait is.',
    we_did: 'Made-up test entry: we publish the waiting time every month.',
    actions: [first.ref],
  });
  assert.deepStrictEqual(downloaded, expected);
  const validated = await sendfeedValidate(file);
  assert.equal(validated.code, 0, `${validated.stdout}\n${validated.stderr}`);
  await rm(dir, { recursive: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a service contact: a phone with words is flagged at its box and blocks the download until fixed', async () => {
  const { page, context, problems } = await editor();
  const day = today();
  await openPublished(page);
  const service = sample.services[0];
  const phone = page.getByLabel(`Phone for ${service.name}`, { exact: true });
  await phone.fill('call 020 7946 0123');
  const group = page.locator('#services .form-group--error');
  assert.match(await group.locator('.error-message').innerText(), /is not a phone number.*Use digits, spaces and an optional leading \+/s);
  const link = page.locator('#error-summary').getByRole('link', { name: /is not a phone number/ });
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Download the feed' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  assert.deepEqual(await axeViolations(page, '#services'), [], 'the contacts in the error state');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'svc-0-phone');
  assert.equal(downloads, 0);

  // Made-up test contact: a number from Ofcom's range for drama, an example.org address.
  await phone.fill('020 7946 0123');
  await page.getByLabel(`Email for ${service.name}`, { exact: true }).fill('made-up@example.org');
  await page.locator('#error-summary[hidden]').waitFor({ state: 'attached' });
  const changes = await page.locator('#changes li').allInnerTexts();
  assert.ok(changes.includes(`Contact for ${service.name}: phone added: 020 7946 0123; email added: made-up@example.org`), changes.join('\n'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feed' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'send-editor-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const downloaded = JSON.parse(await readFile(file, 'utf8'));
  const expected = structuredClone(sample);
  expected.updated = day;
  expected.services[0].contact = { phone: '020 7946 0123', email: 'made-up@example.org' };
  assert.deepStrictEqual(downloaded, expected);
  const validated = await sendfeedValidate(file);
  assert.equal(validated.code, 0, `${validated.stdout}\n${validated.stderr}`);
  await rm(dir, { recursive: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('services: words changed, a service added, and one in use removed only after naming its steps', async () => {
  const { page, context, problems } = await editor({ width: 320, height: 640 });
  const day = today();
  await openPublished(page);
  const service = sample.services[0];
  const section = page.locator('#services');
  // Made-up test words.
  await page.getByLabel(`What it does for ${service.name}`, { exact: true }).fill('Made-up test description.');
  await page.getByLabel(`Cost (optional) for ${service.name}`, { exact: true }).fill('Free (made-up test cost)');
  await page.getByLabel(`How to get it (optional) for ${service.name}`, { exact: true }).fill('Made-up test: ask your GP.');
  await page.getByLabel(`Opening hours for ${service.name}`, { exact: true }).fill('Made-up test hours: Monday to Friday, 9am to 5pm');

  // A new service: its name is needed first, then it is at the end, ready for its words.
  await page.getByRole('button', { name: 'Add the service' }).click();
  assert.match(await section.locator('.form-group--error .error-message').innerText(), /Enter the new service's name/);
  assert.ok(await page.locator('#error-summary').getByRole('link', { name: /Enter the new service's name/ }).isVisible());
  assert.deepEqual(await axeViolations(page, '#services'), [], 'the services in the error state');
  await page.getByLabel('Name of the new service', { exact: true }).fill('Made-up test service');
  await page.getByRole('button', { name: 'Add the service' }).click();
  assert.match(await page.locator('#services-status').innerText(), /Made-up test service was added/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), `svc-${sample.services.length}-description`);
  await page.keyboard.type('Made-up test: what the new service does.');

  // A service used by steps: removing it names them first, and keeping it changes nothing.
  const used = sample.services.findIndex((s) => s.id === 'asdas');
  const asdas = sample.services[used];
  const steps = sample.pathways.flatMap((p) => p.steps.filter((st) => st.services?.includes('asdas')).map((st) => st.title));
  assert.ok(steps.length > 0);
  await page.getByRole('button', { name: `Remove this service (${asdas.name})` }).click();
  const check = page.locator(`#svc-${used} .remove-check`);
  const said = await check.innerText();
  for (const title of steps) assert.ok(said.includes(`“${title}”`), `${title} in ${said}`);
  assert.match(said, /cannot be removed while it is still used by/);
  assert.deepEqual(await axeViolations(page, '#services'), [], 'the removal check');
  await page.getByRole('button', { name: `Keep the service (${asdas.name})` }).click();
  assert.equal(await check.innerText(), '');
  await page.getByRole('button', { name: `Remove this service (${asdas.name})` }).click();
  await page.getByRole('button', { name: `Remove it from those places and remove the service (${asdas.name})` }).click();
  assert.match(await page.locator('#services-status').innerText(), /was removed, and taken out of the steps/);

  const changes = await page.locator('#changes li').allInnerTexts();
  for (const change of [
    `Service ${service.name}: “What it does” changed; “How to get it” added; “Cost” added`,
    `Service removed: ${asdas.name}`,
    'New service: Made-up test service',
  ]) assert.ok(changes.includes(change), `${change} in\n${changes.join('\n')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feed' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'send-editor-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const downloaded = JSON.parse(await readFile(file, 'utf8'));
  const expected = structuredClone(sample);
  expected.updated = day;
  Object.assign(expected.services[0], {
    description: 'Made-up test description.',
    access: { referral: 'Made-up test: ask your GP.' },
    contact: { note: 'Made-up test hours: Monday to Friday, 9am to 5pm' },
    cost: 'Free (made-up test cost)',
  });
  expected.services.push({ id: 'made-up-test-service', name: 'Made-up test service', description: 'Made-up test: what the new service does.' });
  expected.services.splice(used, 1);
  for (const pathway of expected.pathways) {
    for (const step of pathway.steps) {
      if (step.services) step.services = step.services.filter((id) => id !== 'asdas');
      if (step.services?.length === 0) delete step.services;
    }
  }
  assert.deepStrictEqual(downloaded, expected);
  const validated = await sendfeedValidate(file);
  assert.equal(validated.code, 0, `${validated.stdout}\n${validated.stderr}`);
  await rm(dir, { recursive: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('long text boxes count their characters, say the limit, and announce the count once typing pauses', async () => {
  const { page, context, problems } = await editor({ width: 320, height: 640 });
  await openPublished(page);
  const [measure] = firstMeasures(1);
  const box = page.getByLabel(`Evidence for ${measure.name}`, { exact: true });
  const id = await box.getAttribute('id');
  // The limit is part of the box's description, for screen readers.
  const described = await box.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((i) => document.getElementById(i)?.textContent).join(' | '));
  assert.match(described, /You can enter up to 600 characters/);
  const shown = page.locator(`#${id} ~ .char-count`);
  assert.equal(await shown.innerText(), 'You have 600 characters remaining');
  const spoken = page.locator(`#${id} ~ [aria-live="polite"]`);
  await box.pressSequentially('Made-up test evidence');
  assert.equal(await shown.innerText(), `You have ${600 - 'Made-up test evidence'.length} characters remaining`);
  // Not announced on every key: only once typing pauses.
  assert.equal(await spoken.innerText(), '');
  await page.waitForFunction((el) => el.textContent !== '', await spoken.elementHandle(), { timeout: 5000 });
  assert.equal(await spoken.innerText(), `You have ${600 - 'Made-up test evidence'.length} characters remaining`);
  await box.fill('x'.repeat(610));
  assert.equal(await shown.innerText(), 'You have 10 characters too many');
  // Every section's long boxes have one, including a service's and a "You said, we did".
  assert.ok(await page.locator('#svc-0-description ~ .char-count').isVisible());
  assert.ok(await page.locator('#upd-new-we-did ~ .char-count').isVisible());
  assert.deepEqual(await axeViolations(page), [], 'with counts, one over its limit');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);
  assert.deepEqual(problems, []);
  await context.close();
});
