// The published JSON Schema in a standard validator (ajv, in the draft 2020-12 mode the schema
// declares, with the standard formats): it must agree with `sendfeed validate` wherever a rule
// can be written in JSON Schema, so the hints an officer's editor (VS Code) gives say what the
// checker would say. The broken feeds are made-up test data, each one mistake in the checker's
// valid fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = new URL('../../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');
const schema = JSON.parse(read('www/schema/feed.schema.json'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schemaSays = ajv.compile(schema);

/** `sendfeed validate` on `text`: its error count, and the codes of its errors. */
function checkerSays(text, today) {
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '--package', 'send-cli', '--', 'validate', '-', '--format', 'json', '--today', today],
    { cwd: ROOT, input: text, encoding: 'utf8' },
  );
  assert.notEqual(run.status, 2, run.stderr);
  const report = JSON.parse(run.stdout);
  return report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

const valid = JSON.parse(read('crates/core/tests/fixtures/validate/valid/feed.json'));
const today = valid.updated;

/** The valid fixture with one change made by `edit`. */
function broken(edit) {
  const feed = structuredClone(valid);
  edit(feed);
  return feed;
}

// Each: what is wrong, and the feed. The schema and the checker must both refuse it.
const BOTH_REFUSE = [
  ['a period with month 13', broken((f) => { f.indicators[0].actual[0].period = '2024-13-01'; })],
  ['a month 00', broken((f) => { f.indicators[0].baseline.period = '2024-00'; })],
  ['a day 32 in updated', broken((f) => { f.updated = '2024-01-32'; })],
  ['30 February in updated (a full date: the standard date format checks the calendar)', broken((f) => { f.updated = '2024-02-30'; })],
  ['a phone number in words', broken((f) => { f.publisher.contact.phone = 'zero two zero seven nine four six'; })],
  ['a web address without https://', broken((f) => { f.services[0].contact.url = 'www.example.gov.uk/advice'; })],
  ['a javascript: link', broken((f) => { f.publisher.url = 'javascript:alert(1)'; })],
  ['an email address without @', broken((f) => { f.publisher.contact.email = 'send at example.gov.uk'; })],
  ['format version 0', broken((f) => { f.version = 0; })],
  ['a newer format version', broken((f) => { f.version = 99; })],
  ['no languages', broken((f) => { f.languages = []; })],
  ['a language that is not a code', broken((f) => { f.languages = ['English']; })],
  ['an age over 255', broken((f) => { f.pathways[0].audience = { min_age: 0, max_age: 300 }; })],
  ['a negative age', broken((f) => { f.pathways[0].audience = { min_age: -1 }; })],
  ['a misspelt field', broken((f) => { f.plan.workstreams[0].actions[0].measures[0].deadlnie = '2024-01'; })],
  ['a missing required field', broken((f) => { delete f.publisher; })],
  ['a number written as text', broken((f) => { f.indicators[0].actual[0].value = '2,100'; })],
];

// Rules no JSON Schema can say (a day a month lacks, references between parts, order): the
// checker refuses these and the schema lets them through; listed so the gap is known.
const CHECKER_ONLY = [
  ['30 February in a period', broken((f) => { f.indicators[0].actual[0].period = '2024-02-30'; })],
  ['a reference to a service that does not exist', broken((f) => { f.pathways[0].steps[0].services = ['no-such-service']; })],
  ['the youngest age above the oldest', broken((f) => { f.pathways[0].audience = { min_age: 10, max_age: 5 }; })],
];

test('the sample feed and the valid fixture pass both', () => {
  for (const [name, text] of [
    ['www/feed/tower-hamlets.json', read('www/feed/tower-hamlets.json')],
    ['valid fixture', JSON.stringify(valid)],
  ]) {
    const feed = JSON.parse(text);
    assert.equal(schemaSays(feed), true, `${name}: ${ajv.errorsText(schemaSays.errors)}`);
    assert.deepEqual(checkerSays(text, feed.updated), [], name);
  }
});

test('the schema uses no format a standard validator does not know', () => {
  // strict mode throws on unknown formats and keywords when compiling: reaching here says so.
  assert.doesNotMatch(JSON.stringify(schema), /"format":"(partial-date|uint\d+|double|float)"/);
});

for (const [what, feed] of BOTH_REFUSE) {
  test(`both refuse ${what}`, () => {
    const text = JSON.stringify(feed, null, 2);
    assert.equal(schemaSays(feed), false, `the schema accepted ${what}`);
    assert.notDeepEqual(checkerSays(text, today), [], `sendfeed accepted ${what}`);
  });
}

for (const [what, feed] of CHECKER_ONLY) {
  test(`only the checker refuses ${what} (no schema can say it)`, () => {
    assert.equal(schemaSays(feed), true, ajv.errorsText(schemaSays.errors));
    assert.notDeepEqual(checkerSays(JSON.stringify(feed, null, 2), today), [], what);
  });
}
