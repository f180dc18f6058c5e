// Each widget interaction alone, for pathway-interactions.mjs and tracker-interactions.mjs: every
// build's bench page (sample feed, the bench's phone) at a CPU rate, the script's measurement run
// in the page REPS times, medians of its [script, layout] pairs, printed as one table; and the
// loop over builds they share with tracker-frames.mjs (`eachBuild`).
import path from 'node:path';
import { launch } from '../e2e/support.mjs';
import { startServer } from './server.mjs';
import { PHONE, median } from './browser.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');

/**
 * For each `NAME=DIST` argument in turn: the bench's server for that build and a fresh browser,
 * handed to `run(name, { browser, server })` and both stopped after it, whatever happens.
 */
export async function eachBuild(builds, run) {
  for (const arg of builds) {
    const [name, dist] = arg.split('=');
    const server = await startServer({
      dist: path.resolve(dist),
      feed: path.join(root, 'www/feed'),
      generated: path.join(root, 'target/bench'),
      bench: path.join(here, 'page'),
    });
    const browser = await launch();
    try {
      await run(name, { browser, server });
    } finally {
      await browser.close();
      await server.close();
    }
  }
}

/**
 * `builds`: NAME=DIST arguments; `measure`: a self-contained function the page runs, returning
 * `{ interaction: [script ms, layout ms] }` (an interaction it leaves out is shown as "–").
 */
export async function timeInteractions({ widget, builds, measure, reps = 9, rate = 4 }) {
  const results = {};
  const names = [];
  await eachBuild(builds, async (name, { browser, server }) => {
    names.push(name);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/page?widgets=${widget}&feed=/feed/tower-hamlets.json&size=1x`);
    await page.waitForSelector(`[data-send-widget="${widget}"][data-sp-state="ready"]`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const runs = [];
    for (let i = 0; i < reps; i += 1) runs.push(await page.evaluate(measure));
    for (const key of Object.keys(runs[0])) {
      const part = (p) => median(runs.map((r) => r[key]?.[p] ?? NaN));
      (results[key] ??= {})[name] = `${part(0).toFixed(1)} + ${part(1).toFixed(1)}`;
    }
  });
  console.log(`| ${widget} interaction (script + layout, ms, median of ${reps} at ${rate}×) | ${names.join(' | ')} |`);
  console.log(`| --- | ${names.map(() => '---:').join(' | ')} |`);
  for (const [key, row] of Object.entries(results)) {
    console.log(`| ${key} | ${names.map((n) => row[n] ?? '–').join(' | ')} |`);
  }
}
