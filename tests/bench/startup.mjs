// Loader start → interactive, our pathway widget against GOV.UK Frontend's accordion holding
// the same steps (issue 20, item 8): both pages (startup-pages.mjs) in one run, alternating,
// on fresh pages, on the bench's phone, at each CPU throttle.
//
// Nothing polls the page while it starts: each page marks its own moments (page/startup-*.mjs)
// and calls a CDP binding when it is done; the marks are read afterwards with
// performance.getEntriesByType('mark'), and a trace (Tracing, devtools.timeline) recorded over
// the run gives the long tasks and where the main thread's time went. (The main bench's
// waitForFunction, polling from right after goto, puts a task of its own into what it times:
// 22 ms at 1× and 73 ms at 4×, issue 20.) After the trace, one tap on the first step's button
// checks that the page answers it, and times it.
import { launch } from '../e2e/support.mjs';
import { median, PHONE } from './browser.mjs';
import { mainThread } from './trace.mjs';

export const STARTUP_PAGES = {
  ours: { path: '/startup-ours', button: '[data-send-widget] .sp-step button[aria-expanded]' },
  accordion: { path: '/startup-accordion', button: '.govuk-accordion__section-button' },
  ours_linked: { path: '/startup-ours-linked', button: '[data-send-widget] .sp-step button[aria-expanded]' },
};
// v8.execute: the script run from microtasks (a module's code after an `await`) is in no other.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];
/** Traced after the page says it is done, for work it left for later. */
const TAIL_MS = 1000;
/** A long task starting this soon after "interactive" moves it (see trace.mjs's settled_ms). */
const QUIET_MS = 500;
const RUN_TIMEOUT_MS = 60_000;

const withTimeout = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  ]);

/** Ends the trace and reads it back from its stream. */
async function traceEvents(cdp) {
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(chunks.join(''));
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

/** One tap on the first step's button: handled (its aria-expanded flips) and how fast. */
async function tap(page, selector) {
  const button = page.locator(selector).first();
  await button.scrollIntoViewIfNeeded();
  await page.evaluate((selector) => {
    const target = document.querySelector(selector);
    window.__benchTap = { before: target?.getAttribute('aria-expanded') };
    // From the input's own time stamp to the frame after the handler ran.
    addEventListener('pointerdown', (event) => (window.__benchTap.input = event.timeStamp), { capture: true, once: true });
    addEventListener(
      'click',
      () =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            window.__benchTap.frame = performance.now();
            window.__benchTap.after = document.querySelector(selector)?.getAttribute('aria-expanded');
          }, 0),
        ),
      { capture: true, once: true },
    );
  }, selector);
  await button.click({ timeout: 10_000 });
  await page.waitForFunction(() => window.__benchTap.frame !== undefined, null, { timeout: 10_000 });
  const result = await page.evaluate(() => window.__benchTap);
  return {
    handled: result.before != null && result.after != null && result.before !== result.after,
    ms: result.input === undefined ? null : result.frame - result.input,
  };
}

/** One fresh page, traced from before navigation to TAIL_MS after it says it is done. */
async function oneStartup(browser, origin, which, cpu, traced) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // GOV.UK's stylesheet asks for GDS Transport, which only GOV.UK may use: the server has
      // no fonts, so the accordion falls back to Arial, as a council's page would.
      if (message.type() === 'error' && !message.location().url.includes('/assets/fonts/')) errors.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchStartupDone' });
    const finished = new Promise((resolve) =>
      cdp.on('Runtime.bindingCalled', (event) => {
        if (event.name === '__benchStartupDone') resolve(JSON.parse(event.payload));
      }),
    );
    if (traced) {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      });
    }
    let outcome;
    try {
      await page.goto(`${origin}${STARTUP_PAGES[which].path}`, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
      outcome = await withTimeout(finished, RUN_TIMEOUT_MS, which);
      await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
    } catch (error) {
      outcome = { state: 'timeout', error: error.message };
    }
    const events = traced ? await traceEvents(cdp) : [];
    const marks = Object.fromEntries(
      (await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))),
    );
    // When each file had arrived, from loader start: how much of the window is waiting.
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.responseEnd]),
    );
    const since = (name) =>
      marks[name] === undefined || marks['bench:loader-start'] === undefined
        ? null
        : marks[name] - marks['bench:loader-start'];
    const ready = outcome.state === 'ready';
    const main = ready && traced ? mainThread(events, { from: 'bench:loader-start', to: 'bench:interactive', quietMs: QUIET_MS }) : null;
    const tapped = ready ? await tap(page, STARTUP_PAGES[which].button).catch((error) => ({ handled: false, ms: null, error: error.message })) : null;
    return {
      state: outcome.state,
      error: outcome.error ?? errors[0] ?? null,
      interactive_ms: since('bench:interactive'),
      ready_ms: since('bench:ready'),
      init_ms: marks['bench:init-end'] === undefined ? null : marks['bench:init-end'] - marks['bench:init-start'],
      arrived_ms: Object.fromEntries(
        resources
          .filter(([file]) => !file.startsWith('/bench/') && !file.startsWith('/assets/'))
          .map(([file, at]) => [file, at - (marks['bench:loader-start'] ?? 0)]),
      ),
      main,
      tap: tapped,
    };
  } finally {
    await context.close();
  }
}

const round1 = (value) => (value == null ? null : Math.round(value * 10) / 10);

/** Medians of a page's runs at one throttle (worst run for long tasks). */
function summarise(samples) {
  const ok = samples.filter((s) => s.state === 'ready');
  const med = (pick) => round1(median(ok.map(pick)));
  const kinds = Object.keys(ok[0]?.main?.kinds_ms ?? {});
  return {
    runs: samples.length,
    ready_runs: ok.length,
    error: samples.find((s) => s.error)?.error ?? null,
    interactive_ms: med((s) => s.interactive_ms),
    interactive_all: samples.map((s) => round1(s.interactive_ms)),
    settled_ms: med((s) => s.main?.settled_ms),
    ready_ms: med((s) => s.ready_ms),
    init_ms: med((s) => s.init_ms),
    arrived_ms: Object.fromEntries(
      Object.keys(ok[0]?.arrived_ms ?? {}).map((file) => [file, med((s) => s.arrived_ms[file])]),
    ),
    busy_ms: med((s) => s.main?.busy_ms),
    kinds_ms: Object.fromEntries(kinds.map((kind) => [kind, med((s) => s.main?.kinds_ms[kind])])),
    forced_ms: med((s) => s.main?.forced_ms),
    long_tasks: Math.max(0, ...ok.map((s) => s.main?.long_tasks ?? 0)),
    longest_task_ms: Math.max(0, ...ok.map((s) => s.main?.longest_task_ms ?? 0)),
    tap_ms: med((s) => s.tap?.ms),
    taps_handled: ok.filter((s) => s.tap?.handled).length,
    top: ok[Math.floor(ok.length / 2)]?.main?.top ?? [],
  };
}

/**
 * Every page `runs` times at each throttle, taking turns to go first; `traced: false`
 * leaves the trace out (to see what tracing itself costs: the marks are timed either way).
 * Returns { runs, traced, tail_ms, quiet_ms, pages, throttles: [{ cpu, ours, accordion,
 * ours_linked, ratio (ours ÷ accordion), settled_ratio, linked_ratio (ours_linked ÷ accordion) }] }.
 */
export async function startupBench({ origin, runs, throttles, log, traced = true }) {
  const browser = await launch();
  const results = [];
  try {
    for (const cpu of throttles) {
      const pages = Object.keys(STARTUP_PAGES);
      const samples = Object.fromEntries(pages.map((which) => [which, []]));
      for (let run = 0; run < runs; run += 1) {
        const order = [...pages.slice(run % pages.length), ...pages.slice(0, run % pages.length)];
        for (const which of order) samples[which].push(await oneStartup(browser, origin, which, cpu, traced));
      }
      const { ours, accordion, ours_linked } = Object.fromEntries(pages.map((which) => [which, summarise(samples[which])]));
      const ratio = (a, key) => (a[key] && accordion[key] ? Math.round((a[key] / accordion[key]) * 100) / 100 : null);
      results.push({
        cpu,
        ours,
        accordion,
        ours_linked,
        ratio: ratio(ours, 'interactive_ms'),
        settled_ratio: ratio(ours, 'settled_ms'),
        linked_ratio: ratio(ours_linked, 'interactive_ms'),
      });
      log(
        `startup at ${cpu}× CPU: README snippet ${ours_linked.interactive_ms} ms, accordion ${accordion.interactive_ms} ms ` +
          `(${ratio(ours_linked, 'interactive_ms')}×; the loader alone: ${ours.interactive_ms} ms, ${ratio(ours, 'interactive_ms')}×), ` +
          `${ours.ready_runs}, ${accordion.ready_runs} and ${ours_linked.ready_runs} of ${runs} ready` +
          (ours.error ? `; ours: ${ours.error.split('\n')[0]}` : '') +
          (accordion.error ? `; accordion: ${accordion.error.split('\n')[0]}` : ''),
      );
    }
  } finally {
    await browser.close();
  }
  return {
    runs,
    traced,
    tail_ms: TAIL_MS,
    quiet_ms: QUIET_MS,
    pages: Object.fromEntries(Object.entries(STARTUP_PAGES).map(([k, v]) => [k, v.path])),
    throttles: results,
  };
}
