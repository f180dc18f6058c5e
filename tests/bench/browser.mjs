// The widgets in headless Debian Chromium: time to interactive, JSON.parse of the same feed,
// layout shifts, long tasks, a keyboard walk and wasm memory. Medians over fresh pages.
import { launch } from '../e2e/support.mjs';

/** Tab stops visited in a keyboard walk, at most (pressing Enter on each button on the way). */
const WALK_STOPS = 60;
/**
 * A mid-range phone, as Lighthouse's mobile preset emulates one (its 4× CPU throttle is the
 * issue's too): council pages are read on phones, and a phone's narrow column is where the
 * pathway map gives way to the list and where a widget's height matters most.
 */
export const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
/** Long enough for the 100× feed at 4× throttle on a busy two-core machine. */
const PAGE_TIMEOUT_MS = 180_000;

export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Sum of shifts not caused by input (what CLS counts), and the longest long task, in a window:
 * the load (page start to two frames after the last widget is ready) or the keyboard walk.
 */
function phase(bench, from, to) {
  const inWindow = (t) => t >= from && t < to;
  const shifts = bench.shifts.filter((s) => inWindow(s.at) && !s.input);
  const tasks = bench.tasks.filter((t) => inWindow(t.at));
  return {
    cls: shifts.reduce((sum, s) => sum + s.value, 0),
    long_tasks: tasks.length,
    longest_task_ms: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

/** Tabs through the widgets, pressing Enter on every button, and says how far it got. */
async function keyboardWalk(page) {
  await page.evaluate(() => {
    window.__bench.flush();
    window.__bench.walkStart = performance.now();
  });
  let stops = 0;
  let buttons = 0;
  // DOM nodes each Enter drew anew (the widgets' nodesDrawn counter, read from the build the
  // loader picked): what an interaction replaced rather than patched.
  const drawnSoFar = () =>
    page.evaluate(async () => {
      const glue = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => /\/send-(pathway|tracker|widgets)(\.[0-9a-f]+)?\.js$/.test(n));
      const exports = glue ? await import(glue) : {};
      return typeof exports.nodesDrawn === 'function' ? exports.nodesDrawn() : null;
    });
  const drawn = [];
  // The same seen from the page, for any build (one without nodesDrawn too): nodes added to
  // the document, each with everything inside it.
  await page.evaluate(() => {
    window.__benchAdded = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          window.__benchAdded += 1 + (node.nodeType === 1 ? node.querySelectorAll('*').length : 0);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const addedSoFar = () => page.evaluate(() => window.__benchAdded);
  const added = [];
  for (let presses = 0; presses < WALK_STOPS * 3 && stops < WALK_STOPS; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      return { inWidget: Boolean(active?.closest('[data-send-widget]')), tag: active?.tagName };
    });
    if (!focused.inWidget) {
      if (stops > 0) break;
      continue;
    }
    stops += 1;
    if (focused.tag === 'BUTTON') {
      const before = await drawnSoFar();
      const addedBefore = await addedSoFar();
      await page.keyboard.press('Enter');
      buttons += 1;
      const after = await drawnSoFar();
      if (before != null && after != null) drawn.push(after - before);
      added.push((await addedSoFar()) - addedBefore);
    }
  }
  // Two frames for the last Enter's layout, then whatever the observers still hold.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.evaluate(() => window.__bench.flush());
  const summary = (counts) =>
    counts.length
      ? {
          interactions: counts.length,
          total: counts.reduce((sum, n) => sum + n, 0),
          max: Math.max(...counts),
          mean: counts.reduce((sum, n) => sum + n, 0) / counts.length,
        }
      : null;
  return { stops, buttons, nodes_drawn: summary(drawn), nodes_added: summary(added) };
}

/** One fresh page: load, measure, optionally walk. */
async function oneRun(browser, origin, scenario, walk) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.cpu_throttle });
    const query = new URLSearchParams({
      widgets: scenario.widgets.join(','),
      feed: scenario.feedUrl,
      size: scenario.feed,
    });
    await page.goto(`${origin}/page?${query}`, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench?.done, null, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 50,
    });
    await page.evaluate(() => window.__bench.flush());
    let result = await page.evaluate(() => ({ ...window.__bench, flush: undefined }));
    const load = phase(result, 0, result.loadEnd ?? Infinity);
    // What crossed the network for the page and everything it loaded, compressed as sent, and
    // the same bodies decoded: what a phone downloads beside what it holds.
    const bytes = await page.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ];
      const sum = (key) => entries.reduce((total, entry) => total + (entry[key] ?? 0), 0);
      return { transferred: sum('transferSize'), decoded: sum('decodedBodySize') };
    });
    let keyboard = null;
    if (walk && result.state === 'ready') {
      const reached = await keyboardWalk(page);
      result = await page.evaluate(() => ({ ...window.__bench, flush: undefined }));
      keyboard = { ...reached, ...phase(result, result.walkStart, Infinity) };
    }
    return {
      state: result.state ?? 'timeout',
      error: result.error ?? errors[0] ?? null,
      interactive_ms: result.interactiveMs ?? null,
      ready_ms: result.readyMs ?? null,
      build: result.build ?? null,
      wasm_arrived_ms: result.wasmArrivedMs ?? null,
      feed_arrived_ms: result.feedArrivedMs ?? null,
      fallback: result.fallback ?? null,
      json_parse_ms: result.jsonParseMs ?? null,
      feed_bytes: result.feedBytes ?? null,
      wasm_bytes: result.wasmBytes ?? null,
      transferred_bytes: bytes.transferred,
      decoded_bytes: bytes.decoded,
      load,
      keyboard,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs every scenario `runs` times on fresh pages and summarises each: medians for times, the
 * worst run for CLS and long tasks (a budget of "none" is broken by any run).
 */
export async function browserBench({ origin, scenarios, runs, log }) {
  const browser = await launch();
  const results = [];
  try {
    for (const scenario of scenarios) {
      const samples = [];
      for (let run = 0; run < runs; run += 1) {
        samples.push(await oneRun(browser, origin, scenario, scenario.walk && run === 0));
      }
      const ok = samples.filter((s) => s.state === 'ready');
      const interactive = median(ok.map((s) => s.interactive_ms));
      const jsonParse = median(ok.map((s) => s.json_parse_ms));
      const walk = samples.find((s) => s.keyboard)?.keyboard ?? null;
      const summary = {
        id: scenario.id,
        widgets: scenario.widgets,
        feed: scenario.feed,
        cpu_throttle: scenario.cpu_throttle,
        runs: samples.length,
        ready_runs: ok.length,
        error: samples.find((s) => s.error)?.error ?? null,
        feed_bytes: samples[0]?.feed_bytes ?? null,
        build: samples.find((s) => s.build)?.build ?? null,
        interactive_ms: {
          median: interactive,
          min: ok.length ? Math.min(...ok.map((s) => s.interactive_ms)) : null,
          max: ok.length ? Math.max(...ok.map((s) => s.interactive_ms)) : null,
          all: samples.map((s) => s.interactive_ms),
        },
        ready_ms: median(ok.map((s) => s.ready_ms)),
        json_parse_ms: { median: jsonParse, all: samples.map((s) => s.json_parse_ms) },
        wasm_arrived_ms: median(ok.map((s) => s.wasm_arrived_ms)),
        feed_arrived_ms: median(ok.map((s) => s.feed_arrived_ms)),
        fallback: samples.every((s) => s.fallback),
        ratio_to_json_parse: interactive != null && jsonParse ? interactive / jsonParse : null,
        load: {
          cls: Math.max(...samples.map((s) => s.load.cls)),
          long_tasks: Math.max(...samples.map((s) => s.load.long_tasks)),
          longest_task_ms: Math.max(...samples.map((s) => s.load.longest_task_ms)),
        },
        keyboard: walk,
        wasm_bytes: median(ok.map((s) => s.wasm_bytes)),
        transferred_bytes: median(ok.map((s) => s.transferred_bytes)),
        decoded_bytes: median(ok.map((s) => s.decoded_bytes)),
      };
      log(
        `${scenario.id}: ${fmt(summary.interactive_ms.median)} ms to interactive ` +
          `(JSON.parse ${fmt(summary.json_parse_ms.median, 2)} ms), ${ok.length}/${runs} ready` +
          (summary.error ? `; error: ${summary.error.split('\n')[0]}` : ''),
      );
      results.push(summary);
    }
  } finally {
    await browser.close();
  }
  return results;
}

const fmt = (value, digits = 0) => (value == null ? '–' : value.toFixed(digits));
