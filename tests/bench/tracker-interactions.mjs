// Each tracker interaction alone, in the bench page: the script (the handler, the wasm, the DOM
// changes) and then the layout it causes (forced), median of 9, for one or more builds side by
// side. What the keyboard walk's longest task is made of (benchmarks.md, "Tracker runtime").
//
//   RATE=4 node bench/tracker-interactions.mjs NAME=DIST [NAME=DIST ...]
//
// DIST is a built www/dist (for another commit: build send-tracker alone into a copy of it).
import path from 'node:path';
import { launch } from '../e2e/support.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const REPS = 9;
const rate = Number(process.env.RATE ?? 4);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = {};
for (const arg of process.argv.slice(2)) {
  const [name, dist] = arg.split('=');
  const server = await startServer({
    dist: path.resolve(dist),
    feed: path.join(root, 'www/feed'),
    generated: path.join(root, 'target/bench'),
    bench: path.join(here, 'page'),
  });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/page?widgets=tracker&feed=/feed/tower-hamlets.json&size=1x`);
    await page.waitForSelector('[data-send-widget="tracker"][data-sp-state="ready"]');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const runs = [];
    for (let i = 0; i < REPS; i += 1) {
      runs.push(await page.evaluate(() => {
        const widget = document.querySelector('[data-send-widget="tracker"]');
        const q = (selector) => widget.querySelector(selector);
        const time = (act) => {
          const start = performance.now();
          act();
          const scripted = performance.now();
          void document.body.offsetHeight;
          return [scripted - start, performance.now() - scripted];
        };
        const status = q('select[name="status"]');
        const choose = (value) => { status.value = value; status.dispatchEvent(new Event('change', { bubbles: true })); };
        return {
          'Show all workstreams': time(() => q('[data-sp-action="toggle-all"]').click()),
          'Hide all workstreams': time(() => q('[data-sp-action="toggle-all"]').click()),
          "one workstream's button": time(() => q('[data-sp-action="toggle"]').click()),
          'the same, closing': time(() => q('[data-sp-action="toggle"]').click()),
          'status filter': time(() => choose('complete')),
          'Clear filters (after a filter)': time(() => q('[data-sp-action="clear-filters"]').click()),
          'Clear filters (nothing filtered)': time(() => q('[data-sp-action="clear-filters"]').click()),
        };
      }));
    }
    for (const key of Object.keys(runs[0])) {
      results[key] ??= {};
      results[key][name] = [0, 1].map((part) => Math.round(median(runs.map((r) => r[key][part])) * 10) / 10);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
console.log(`script + layout, ms, median of ${REPS}, ${rate}x CPU`);
for (const [key, byBuild] of Object.entries(results)) {
  console.log(`${key.padEnd(34)} ${Object.entries(byBuild).map(([n, [s, l]]) => `${n} ${s} + ${l}`).join('   ')}`);
}
