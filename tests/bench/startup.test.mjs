// The startup comparison's own pieces, without a browser: `node --test bench/startup.test.mjs`.
// The trace events below are made up for the test (names as Chromium writes them).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'node:test';
import { accordionPage, demoPlaceholder, fallbackSteps, oursPage } from './startup-pages.mjs';
import { mainThread } from './trace.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

test('the accordion holds the autism pathway steps of the sample feed, in order, with their bodies', async () => {
  const feed = JSON.parse(await readFile(path.join(root, 'www/feed/tower-hamlets.json'), 'utf8'));
  const autism = feed.pathways.find((p) => p.id === 'autism');
  const text = (value) => (typeof value === 'string' ? value : value.en);
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const placeholder = await demoPlaceholder(root);
  const { steps } = fallbackSteps(placeholder.fallback);
  const html = (s) => s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"');
  assert.deepEqual(
    steps.map((s) => html(s.title)),
    autism.steps.map((s) => text(s.title)),
  );
  const page = html(accordionPage(placeholder));
  for (const step of autism.steps) assert.ok(page.includes(escape(text(step.body)).slice(0, 80)), step.id);
  assert.equal(page.match(/class="govuk-accordion__section"/g).length, autism.steps.length);
  assert.ok(oursPage(placeholder).includes(placeholder.fallback));
  assert.ok(!oursPage(placeholder).includes('.css'));
  assert.ok(oursPage(placeholder, { linked: true }).includes(`<link rel="stylesheet" href="/dist/send-pathway.css">\n${placeholder.open}`));
});

const X = (name, ts, dur, tid = 1) => ({ name, ph: 'X', ts, dur, pid: 1, tid, cat: 'devtools.timeline' });
const mark = (name, ts) => ({ name, ph: 'R', ts, pid: 1, tid: 1, cat: 'blink.user_timing' });

test('main-thread work between two marks: own time by kind, forced layout, long tasks, settled', () => {
  const events = [
    mark('start', 1_000),
    // A 60 ms task: a script that forces 10 ms of layout, and 5 ms of the task's own.
    X('RunTask', 1_000, 60_000),
    X('FunctionCall', 1_000, 55_000),
    X('Layout', 20_000, 10_000),
    // A style recalculation of the browser's own, not from script.
    X('RunTask', 70_000, 8_000),
    X('UpdateLayoutTree', 70_000, 8_000),
    // Another thread: not counted.
    X('RunTask', 1_000, 90_000, 2),
    mark('end', 100_000),
    // A long task 300 ms after the end: within the quiet window, so it moves "settled".
    X('RunTask', 400_000, 70_000),
  ];
  const main = mainThread(events, { from: 'start', to: 'end', quietMs: 500 });
  assert.equal(main.window_ms, 99);
  assert.equal(main.busy_ms, 68);
  assert.deepEqual(main.kinds_ms, { script: 45, style: 8, layout: 10, paint: 0, html: 0, other: 5 });
  assert.equal(main.forced_ms, 10);
  assert.equal(main.long_tasks, 2);
  assert.equal(main.longest_task_ms, 70);
  assert.equal(main.settled_ms, 469);
  assert.equal(mainThread(events, { from: 'start', to: 'end', quietMs: 100 }).settled_ms, 99);
  assert.equal(mainThread(events, { from: 'start', to: 'missing' }), null);
});
