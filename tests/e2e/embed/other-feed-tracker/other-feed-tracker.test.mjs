// Issue 16's must-show items 1, 2, 3, 5 and 6 on a feed that is not the sample (feed.json: a
// made-up council, English only, two plans of which one is closed, two workstreams, statuses
// recorded after their deadlines, contacts with every field, three key figures of which two have
// no figures, an area table; every name, date, figure and status in it is made up), read
// through roles and labels as a family's assistive technology reads it, and axe-clean, also
// with forced colours. fallback.html is page.html without the loader, its fallbacks written by
// `sendfeed render feed.json --widget tracker|pathway --into fallback.html`. The officer's checker
// (check.html) reads the same feed: its past-deadline warning only where no later report is.
//
// The browser's own date is "today": every deadline here is in 2025, except one in 2031.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, openFixture, axeViolations } from '../../support.mjs';

const TRACKER = '#tracker';
const CURRENT = 'Made-up SEND improvement plan 2024 to 2027 (test data)';
const EARLIER = 'Made-up earlier SEND plan (test data)';
let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function opened(file = 'page.html', viewport = { width: 1280, height: 800 }) {
  const ready = file === 'fallback.html' ? undefined : TRACKER;
  const page = await openFixture(browser, `other-feed-tracker/${file}`, viewport, { ready });
  return { ...page, w: page.page.locator(TRACKER) };
}

const clean = (text) => text.replace(/\s+/g, ' ').replace(/ :/g, ':').trim();

/** The list item of the measure whose words are `text`, found by role and name. */
function measure(w, text) {
  return w.getByRole('listitem').filter({ has: w.page().getByText(text, { exact: true }) }).last();
}

async function statusOf(w, text) {
  const item = measure(w, text);
  return {
    word: clean(await item.locator('.sp-status__word').innerText()),
    all: clean(await item.innerText()),
  };
}

test('item 1 and 6: each reported status shows as reported, silence has its own status, the counts agree', async () => {
  const { page, context, problems, w } = await opened();
  // The workstreams' ids here are words, not the plan's numbers: families read the titles only.
  for (const name of ['Made-up workstream: quicker assessments', 'Made-up workstream: telling families']) {
    assert.equal(await w.getByRole('button', { name: new RegExp(`^${name}`) }).count(), 1, name);
  }
  assert.equal(await w.getByRole('button', { name: /Workstream (assess|inform)/ }).count(), 0);
  await w.getByRole('button', { name: 'Show all workstreams' }).click();

  const offTrack = await statusOf(w, 'Made up: autistic children seen within 12 weeks');
  assert.equal(offTrack.word, 'Off track');
  assert.match(offTrack.all, /Deadline passed; shown as the council reported it\./);
  // Reported in June 2025, more than three months ago: the note stays after the deadline.
  assert.match(offTrack.all, /Not updated since June 2025\./);
  assert.match(offTrack.all, /Made-up board minutes, June 2025/);

  const atRisk = await statusOf(w, 'Made up: a weekly panel for each assessment');
  assert.equal(atRisk.word, 'At risk');
  assert.match(atRisk.all, /Deadline passed/);
  assert.doesNotMatch(atRisk.all, /Not updated since/);

  for (const [text, reported] of [
    ['Made up: parents read their draft plans', 'On track'],
    ['Made up: a newsletter every term', 'Ongoing'],
  ]) {
    const overdue = await statusOf(w, text);
    assert.equal(overdue.word, 'Overdue', text);
    assert.match(overdue.all, new RegExp(`Last reported status: ${reported}\\.`), text);
  }
  for (const text of ['Made up: the waiting list published monthly', 'Made up: families asked about the website']) {
    const silent = await statusOf(w, text);
    assert.equal(silent.word, 'No update since the deadline', text);
    assert.doesNotMatch(silent.all, /Overdue/, text);
  }
  assert.equal((await statusOf(w, 'Made up: contact details checked')).word, 'Complete');
  const notDue = await statusOf(w, 'Made up: a forum for autistic young people');
  assert.equal(notDue.word, 'Not started');
  assert.doesNotMatch(notDue.all, /Deadline passed/);

  // Silence is not drawn in Overdue's shape nor its colour.
  const look = (level) => w.locator(`.sp-results .sp-glyph--${level}`).first().evaluate((svg) => ({
    paths: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')).join(' '),
    color: getComputedStyle(svg).color,
  }));
  const [overdue, silent] = [await look('overdue'), await look('no-update')];
  assert.notEqual(silent.paths, overdue.paths);
  assert.notEqual(silent.color, overdue.color);

  // The counts at a glance agree with the measures, Overdue and "no update" apart.
  const glance = w.locator('.sp-glance');
  assert.equal(
    clean(await glance.locator('.sp-summary__headline').innerText()),
    '1 of 8 measures complete, 2 overdue, 2 with no update since the deadline',
  );
  assert.deepEqual((await glance.getByRole('listitem').allInnerTexts()).map(clean), [
    'Complete: 1', 'Not started: 1', 'At risk: 1', 'Off track: 1', 'Overdue: 2',
    'No update since the deadline: 2',
  ]);
  const results = w.locator('.sp-results');
  for (const [word, n] of [['Overdue', 2], ['No update since the deadline', 2], ['At risk', 1], ['Off track', 1], ['Complete', 1], ['Not started', 1]]) {
    assert.equal(await results.locator('.sp-measure .sp-status__word').getByText(word, { exact: true }).count(), n, word);
  }

  // The key says the rules in words, the new status once.
  const key = w.getByRole('term');
  assert.equal(await key.filter({ hasText: /^No update since the deadline$/ }).count(), 1);
  const keyText = clean(await w.locator('.sp-key').innerText());
  assert.match(keyText, /not that it failed/);
  assert.match(keyText, /Overdue The deadline has passed, and the last status the council reported \(on track, not started or ongoing\) no longer fits the date\./);

  // The status filter tells the two apart.
  const status = w.getByLabel('Status', { exact: true });
  await status.selectOption('no-update');
  await page.waitForFunction(() => location.hash.includes('status=no-update'));
  assert.equal(await results.locator('.sp-measure').count(), 2);
  assert.match(await w.getByRole('status').filter({ hasText: 'Showing' }).innerText(), /Showing 2 of 8 measures/);
  await status.selectOption('overdue');
  await page.waitForFunction(() => location.hash.includes('status=overdue'));
  assert.equal(await results.locator('.sp-measure').count(), 2);
  assert.deepEqual(await axeViolations(page), []);

  await page.emulateMedia({ forcedColors: 'active' });
  await w.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => location.hash === '');
  assert.deepEqual(await axeViolations(page), [], 'forced colours');
  // In forced colours the words still tell the statuses apart; the two glyphs keep their shapes.
  assert.notEqual((await look('no-update')).paths, (await look('overdue')).paths);
  assert.deepEqual(problems, []);
  await context.close();
});

test('item 1: the checker asks for an update only where no later report is recorded', async () => {
  const feed = await readFile(new URL('./feed.json', import.meta.url), 'utf8');
  const { page, context, problems } = await openPage(browser, '/check.html');
  await page.waitForSelector('body[data-checker-ready="true"]', { timeout: 15000 });
  await page.getByLabel('Check as of').fill('2026-12-02');
  await page.getByLabel('Feed JSON (you can also drop a file here)').fill(feed);
  await page.getByRole('button', { name: 'Check the feed' }).click();
  await page.locator('.diagnostic').first().waitFor();
  const warnings = (await page.locator('.diagnostic').allInnerTexts())
    .map(clean)
    .filter((t) => /past its deadline/.test(t))
    .map((t) => t.match(/action (\S+) measure (\d+)/).slice(1).join('/'));
  // A1/1 (off track) and A1/2 (at risk) were reported after their deadlines: no warning.
  // A1/3 (on track), B1/2 (ongoing, dated inside its period) and the two with nothing: warned.
  assert.deepEqual(warnings, ['A1/3', 'A2/1', 'B1/2', 'B1/3']);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A contact list read through its terms and links, as a screen reader lists it. */
async function checkContact(scope, { name, phone, tel, email, site, host, url, hours }) {
  const terms = (await scope.getByRole('term').allInnerTexts()).map(clean);
  assert.deepEqual(terms, ['Contact', 'Phone', 'Email', 'Website', 'Opening hours and notes']);
  const details = (await scope.getByRole('definition').allInnerTexts()).map(clean);
  assert.deepEqual(details, [name, phone, email, `${site} website (${host})`, hours]);
  assert.equal(await scope.getByRole('link', { name: phone }).getAttribute('href'), `tel:${tel}`);
  assert.equal(await scope.getByRole('link', { name: email }).getAttribute('href'), `mailto:${email}`);
  const web = scope.getByRole('link', { name: `${site} website (${host})` });
  assert.equal(await web.getAttribute('href'), url);
  // The link's words say where it goes, never the bare address.
  assert.equal(await scope.getByRole('link', { name: url }).count(), 0);
}

const PLAN_CONTACT = {
  name: 'Made-up SEND progress team',
  phone: '020 7946 0123',
  tel: '02079460123',
  email: 'progress@example.org',
  site: 'Made-up SEND progress team',
  host: 'www.example.org',
  url: 'https://www.example.org/made-up-fenland/send/progress',
  hours: 'Made up: Tuesday and Thursday, 10am to 2pm',
};
const SERVICE_CONTACT = {
  name: 'Made-up advice desk team',
  phone: '020 7946 0456',
  tel: '02079460456',
  email: 'advice@example.org',
  site: 'Made-up advice desk team',
  host: 'advice.example.org',
  url: 'https://advice.example.org/made-up/contact',
  hours: 'Made up: weekdays, 9am to 1pm',
};

test('item 2: contacts are whole in the tracker, the pathway and the no-JavaScript page', async () => {
  const { page, context, problems, w } = await opened();
  await checkContact(w.locator('.sp-plan-contact'), PLAN_CONTACT);
  assert.equal(await w.getByRole('heading', { name: 'Questions about this plan' }).count(), 1);

  const pathway = page.locator('#pathway');
  await page.waitForSelector('#pathway[data-sp-state="ready"]');
  await pathway.getByRole('button', { name: /Made up: ask the advice desk/ }).click();
  const service = pathway.getByRole('listitem').filter({ hasText: 'Made-up family advice desk' }).last();
  await service.waitFor();
  await checkContact(service, SERVICE_CONTACT);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  const fallback = await opened('fallback.html');
  assert.equal(await fallback.page.locator('[data-sp-state]').count(), 0, 'no widget ran');
  await checkContact(fallback.w.locator('.sp-plan-contact'), PLAN_CONTACT);
  const fallbackService = fallback.page.locator('#pathway .sp-service').filter({ hasText: 'Made-up family advice desk' });
  await checkContact(fallbackService, SERVICE_CONTACT);
  assert.deepEqual(await axeViolations(fallback.page), []);
  assert.deepEqual(fallback.problems, []);
  await fallback.context.close();
});

test('item 3: the current plan by default, the closed one named and a keyboard switch away, data-plan', async () => {
  const { page, context, problems, w } = await opened('page.html', { width: 390, height: 844 });
  const title = () => w.getByRole('heading', { level: 2 }).first().innerText();
  assert.equal(await title(), CURRENT);
  const nav = w.getByRole('navigation', { name: "The council's plans" });
  assert.deepEqual((await nav.getByRole('listitem').allInnerTexts()).map(clean), [
    `${EARLIER} (2019 to December 2022; closed)`,
    `${CURRENT} (shown now) (September 2024 to July 2027)`,
  ]);
  assert.equal(await nav.getByRole('link').count(), 1);
  assert.equal(await w.getByText('This plan closed in').count(), 0);

  await nav.getByRole('link', { name: EARLIER }).focus();
  await page.keyboard.press('Enter');
  await w.getByRole('heading', { level: 2, name: EARLIER }).waitFor();
  assert.match(await page.evaluate(() => location.hash), /plan=made-up-earlier/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), EARLIER);
  assert.equal(
    clean(await w.getByText('This plan closed in').innerText()),
    `This plan closed in December 2022; it was followed by ${CURRENT}.`,
  );
  assert.equal(await w.getByText('Made up: the old leaflet reprinted').count(), 1);
  assert.equal(await w.getByText('Made up: contact details checked').count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  await w.getByRole('navigation', { name: "The council's plans" }).getByRole('link', { name: CURRENT }).focus();
  await page.keyboard.press('Enter');
  await w.getByRole('heading', { level: 2, name: CURRENT }).waitFor();
  assert.equal(await w.getByText('This plan closed in').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();

  const chosen = await opened('earlier.html');
  assert.equal(await chosen.w.getByRole('heading', { level: 2 }).first().innerText(), EARLIER);
  // The closed note comes first, before the plan's own summary.
  const top = await chosen.w.locator('.sp-plan-life, .sp-lead').evaluateAll((els) => els.map((e) => e.className));
  assert.match(top[0], /sp-plan-life/);
  assert.deepEqual(await axeViolations(chosen.page), []);
  assert.deepEqual(chosen.problems, []);
  await chosen.context.close();
});

test('item 5: contents after "at a glance", figures not published in one list, word forms found', async () => {
  const { page, context, problems, w } = await opened('page.html', { width: 390, height: 844 });
  const contents = w.getByRole('navigation', { name: 'On this page' });
  // Straight after the summary at a glance.
  const order = await w.locator('.sp-glance, nav').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby') ?? e.className));
  assert.match(order[order.findIndex((o) => /sp-glance/.test(o)) + 1], /contents-title/);
  const links = contents.getByRole('link');
  assert.deepEqual((await links.allInnerTexts()).map(clean), [
    'What the statuses mean', 'Find actions', 'The plan, workstream by workstream', 'Key figures',
    'Key figures not published yet', 'About the area', 'Questions about this plan',
  ]);
  for (const link of await links.all()) {
    const id = (await link.getAttribute('href')).slice(1);
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, id);
  }

  // One card for the key figure with figures; the two without are lines of one closed list.
  assert.equal(await w.locator('.sp-indicator').count(), 1);
  assert.equal(await w.getByText('No actual figures have been published').count(), 0);
  const disclose = w.getByRole('button', { name: 'Show the list (2)' });
  assert.equal(await disclose.getAttribute('aria-expanded'), 'false');
  await disclose.click();
  const awaiting = w.locator('.sp-awaiting').getByRole('list');
  assert.deepEqual((await awaiting.getByRole('listitem').allInnerTexts()).map(clean), [
    'Made-up: appeals to the tribunal. Source: Made-up plan (test data).',
    'Made-up: families who found the website useful. Target: made up: most families. Source: Made-up survey plan (test data).',
  ]);

  // "autism" finds the measures that say "autistic", and "assessments" the one with "assessment".
  const words = w.getByLabel('Words to search for');
  const shown = async (query) => {
    await words.fill(query);
    await page.waitForFunction((q) => location.hash.includes(`q=${encodeURIComponent(q)}`), query);
    return (await w.locator('.sp-results .sp-measure').allInnerTexts()).map((t) => t.split('\n')[0]);
  };
  const autistic = await shown('autistic');
  assert.equal(autistic.length, 2);
  assert.deepEqual(await shown('autism'), autistic);
  assert.equal((await shown('assessments')).length, (await shown('assessment')).length);
  assert.ok((await shown('assessments')).length >= 1);
  assert.deepEqual(await axeViolations(page), []);

  // Every workstream closed, nothing filtered: how long the page is on a phone.
  await w.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => location.hash === '');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`other-feed tracker + pathway page at 390 px: ${height} px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll');
  assert.deepEqual(problems, []);
  await context.close();
});
