// Where the pathway widget's script time goes at startup, by hand (not part of `cargo xtask
// bench`: the sampling profiler slows what it watches, so its runs are not the timed ones):
//
//   node bench/startup-profile.mjs --dist DIR [--runs N] [--page ours|ours_linked]
//
// The same page and phone as startup.mjs, with V8's sampling profiler (CDP Profiler, 100 µs)
// from before navigation to the page's "interactive" mark; each sample's own time goes to the
// function it was in, grouped: the wasm (the core and the widget: reading the feed, state, the
// view tree; the release wasm has no names), the loader's buildFromOps (the DOM from the view
// tree), the glue's calls into the browser by what they do (localStorage, reading the page's
// layout, writing the DOM, the feed's fetch and text), and the engine's own (compiling, garbage
// collection). Medians of the runs, in ms, at 1× and 4× CPU.
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch } from '../e2e/support.mjs';
import { median, PHONE } from './browser.mjs';
import { startServer } from './server.mjs';
import { STARTUP_PAGES } from './startup.mjs';
import { startupPages } from './startup-pages.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const value = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const dist = path.resolve(value('--dist') ?? path.join(root, 'www/dist'));
const runs = Number(value('--runs') ?? 5);
const which = value('--page') ?? 'ours';

/** The group a profile node's own time goes to. */
function group({ functionName: name, url }) {
  if (/\.wasm$/.test(url) || /^(wasm-function|\$)/.test(name)) return 'wasm (core + widget)';
  if (name === 'buildFromOps' || (name === 'node' && /send-pathways\.js$/.test(url))) return 'buildFromOps (DOM from the view tree)';
  if (/^__wbg_/.test(name)) {
    if (/Storage|setItem|getItem|removeItem/i.test(name)) return 'glue: localStorage';
    if (/getBoundingClientRect|offset|client|scroll|getComputedStyle|matchMedia/i.test(name)) return 'glue: reading layout';
    if (/fetch|text|json|arrayBuffer|response/i.test(name)) return 'glue: feed fetch and text';
    return 'glue: DOM and other calls';
  }
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'engine and browser (program)';
  if (name === '(idle)' || name === '(root)') return null;
  return 'other JavaScript (loader, glue, page)';
}

async function profileOnce(browser, origin, cpu) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchStartupDone' });
    const finished = new Promise((resolve) =>
      cdp.on('Runtime.bindingCalled', (event) => event.name === '__benchStartupDone' && resolve(JSON.parse(event.payload))),
    );
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}${STARTUP_PAGES[which].path}`, { waitUntil: 'commit' });
    const outcome = await finished;
    const { profile } = await cdp.send('Profiler.stop');
    if (outcome.state !== 'ready') throw new Error(`${which}: ${outcome.state} ${outcome.error ?? ''}`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const groups = {};
    const names = {};
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id).callFrame;
      const into = group(frame);
      if (!into) return;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      groups[into] = (groups[into] ?? 0) + ms;
      const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}`;
      names[key] = (names[key] ?? 0) + ms;
    });
    return { groups, names };
  } finally {
    await context.close();
  }
}

const govuk = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist/govuk');
const server = await startServer(
  { dist, feed: path.join(root, 'www/feed'), bench: path.join(here, 'page'), govuk },
  { pages: await startupPages(root) },
);
const browser = await launch();
try {
  for (const cpu of [1, 4]) {
    const samples = [];
    for (let run = 0; run < runs; run += 1) samples.push(await profileOnce(browser, server.origin, cpu));
    const medians = (key) => {
      const all = [...new Set(samples.flatMap((s) => Object.keys(s[key])))];
      return all
        .map((name) => [name, median(samples.map((s) => s[key][name] ?? 0))])
        .sort((a, b) => b[1] - a[1]);
    };
    console.log(`\n${which} at ${cpu}× CPU, median of ${runs} profiled runs (ms of own time, navigation → interactive):`);
    for (const [name, ms] of medians('groups')) console.log(`  ${name.padEnd(42)} ${ms.toFixed(1).padStart(7)}`);
    console.log('  top functions:');
    for (const [name, ms] of medians('names').slice(0, 12)) console.log(`    ${name.padEnd(60)} ${ms.toFixed(1).padStart(7)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
