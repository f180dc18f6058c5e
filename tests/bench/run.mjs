// `cargo xtask bench` hands over to this after building: sizes, the criterion estimates the
// native bench left, and the browser runs, into one report.
//
//   node bench/run.mjs --dist DIR --generated DIR --out DIR [--criterion DIR] [--docs FILE]
//                      [--runs N] [--startup-runs N] [--startup-untraced] [--quick]
//                      [--only SCENARIO,...]
//
// --quick is the smoke `cargo xtask test` runs: one run per scenario, sample feed only,
// no throttle, no criterion, nothing appended to the docs. `--only startup` runs only the
// startup comparison against GOV.UK's accordion (startup.mjs; 11 runs a page, --startup-runs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { browserBench } from './browser.mjs';
import { flatMetrics, markdown, REPORT_FORMAT, targets } from './report.mjs';
import { startServer } from './server.mjs';
import { round, sizes } from './sizes.mjs';
import { startupBench } from './startup.mjs';
import { startupPages } from './startup-pages.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');

function options(argv) {
  const value = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    dist: path.resolve(value('--dist') ?? path.join(root, 'www/dist')),
    generated: path.resolve(value('--generated') ?? path.join(root, 'target/bench')),
    out: path.resolve(value('--out') ?? path.join(root, 'target/bench')),
    criterion: value('--criterion') && path.resolve(value('--criterion')),
    docs: value('--docs') && path.resolve(value('--docs')),
    runs: Number(value('--runs') ?? (quick ? 1 : 5)),
    // The startup comparison: 11 runs a page, as issue 20 measured it.
    startupRuns: Number(value('--startup-runs') ?? (quick ? 1 : 11)),
    // --startup-untraced: the same runs without the trace, to see what tracing costs.
    startupTraced: !argv.includes('--startup-untraced'),
    // Only these scenario ids (comma-separated), e.g. `--only tracker.1x.cpu4` to measure one.
    only: value('--only')?.split(','),
  };
}

const log = (message) => console.log(`==> ${message}`);

const command = (program, args) => {
  try {
    return execFileSync(program, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const require = createRequire(import.meta.url);
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    chromium: command(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version']),
    rustc: command('rustc', ['--version']),
    node: process.version,
    playwright_core: require('playwright-core/package.json').version,
    load_average: { start: os.loadavg().map((l) => round(l, 2)) },
  };
}

/** Feed sizes the native bench measures; parse, validate and pipeline stop at 50× (5 MB limit). */
export const CORE_SIZES = ['1x', '10x', '50x', '100x'];
const OPERATIONS = ['parse', 'deserialize', 'validate', 'render_pathway', 'render_tracker', 'widgets', 'pipeline'];

/** Criterion's median for each operation and feed size, in milliseconds (null: not measured). */
async function core(criterion, generated) {
  const median_ms = {};
  const ci_ms = {};
  const ratio100 = {};
  const ratio50 = {};
  for (const operation of OPERATIONS) {
    median_ms[operation] = {};
    ci_ms[operation] = {};
    for (const feed of CORE_SIZES) {
      const file = path.join(criterion, operation, feed, 'new/estimates.json');
      if (!existsSync(file)) {
        median_ms[operation][feed] = null;
        ci_ms[operation][feed] = null;
        continue;
      }
      const estimates = JSON.parse(await readFile(file, 'utf8'));
      median_ms[operation][feed] = round(estimates.median.point_estimate / 1e6, 4);
      const { lower_bound, upper_bound } = estimates.median.confidence_interval;
      ci_ms[operation][feed] = [round(lower_bound / 1e6, 4), round(upper_bound / 1e6, 4)];
    }
    const by = median_ms[operation];
    ratio100[operation] = by['100x'] == null ? null : round(by['100x'] / by['1x'], 1);
    ratio50[operation] = by['50x'] == null ? null : round(by['50x'] / by['1x'], 1);
  }
  const bytes = (file) => readFileSync(file).length;
  const feeds = { '1x': bytes(path.join(root, 'www/feed/tower-hamlets.json')) };
  for (const size of CORE_SIZES.slice(1)) feeds[size] = bytes(path.join(generated, `feed-${size}.json`));
  return {
    feeds,
    median_ms,
    median_ci95_ms: ci_ms,
    ratio_100x_to_1x: ratio100,
    ratio_50x_to_1x: ratio50,
  };
}

/**
 * The browser scenarios: each widget alone, then both together for memory. The large feed is
 * 50× the sample: the widgets refuse feeds over 5 MB (MAX_FEED_BYTES), which the 100× is.
 */
function scenarios(opts) {
  const feeds = { '1x': '/feed/tower-hamlets.json' };
  if (!opts.quick && existsSync(path.join(opts.generated, 'feed-50x.json'))) {
    feeds['50x'] = '/generated/feed-50x.json';
  }
  const throttles = opts.quick ? [1] : [1, 4];
  const list = [];
  for (const widget of ['pathway', 'tracker']) {
    for (const [feed, feedUrl] of Object.entries(feeds)) {
      for (const cpu of throttles) {
        list.push({
          id: `${widget}.${feed}.cpu${cpu}`,
          widgets: [widget],
          feed,
          feedUrl,
          cpu_throttle: cpu,
          walk: feed === '1x',
        });
      }
    }
  }
  if (opts.only) return list.filter((s) => opts.only.includes(s.id));
  const memoryFeed = feeds['50x'] ? '50x' : '1x';
  list.push({
    id: `both.${memoryFeed}.cpu1`,
    widgets: ['pathway', 'tracker'],
    feed: memoryFeed,
    feedUrl: feeds[memoryFeed],
    cpu_throttle: 1,
    walk: false,
  });
  return list;
}

async function main() {
  const opts = options(process.argv.slice(2));
  await mkdir(opts.out, { recursive: true });
  const report = {
    format: REPORT_FORMAT,
    date: new Date().toISOString(),
    quick: opts.quick,
    git: {
      commit: command('git', ['rev-parse', '--short', 'HEAD']),
      dirty: command('git', ['status', '--porcelain', '--untracked-files=no']) !== '',
    },
    machine: machine(),
  };

  log('Browser: headless Chromium on the bench page');
  const govuk = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist/govuk');
  const server = await startServer(
    {
      dist: opts.dist,
      feed: path.join(root, 'www/feed'),
      generated: opts.generated,
      bench: path.join(here, 'page'),
      govuk,
    },
    { pages: await startupPages(root) },
  );
  let scenarioResults;
  try {
    scenarioResults = await browserBench({
      origin: server.origin,
      scenarios: scenarios(opts),
      runs: opts.runs,
      log,
    });
    if (!opts.only || opts.only.includes('startup')) {
      log(`Startup: loader start → interactive against GOV.UK's accordion (${opts.startupRuns} runs a page)`);
      report.startup = await startupBench({
        origin: server.origin,
        runs: opts.startupRuns,
        throttles: opts.quick ? [1] : [1, 4],
        traced: opts.startupTraced,
        log,
      });
    }
  } finally {
    await server.close();
  }
  const memoryRun = scenarioResults.find((s) => s.widgets.length > 1);
  report.browser = {
    runs: opts.runs,
    scenarios: scenarioResults.filter((s) => s !== memoryRun),
    memory: memoryRun && {
      feed: memoryRun.feed,
      widgets: memoryRun.widgets,
      build: memoryRun.build,
      wasm_bytes: memoryRun.wasm_bytes,
      wasm_pages: memoryRun.wasm_bytes == null ? null : memoryRun.wasm_bytes / 65536,
      interactive_ms: memoryRun.interactive_ms.median,
      error: memoryRun.error,
    },
  };

  log('Sizes: raw, gzip -9, brotli -q 11');
  const alsoRequested = [...server.requested]
    .filter((p) => p.startsWith('/dist/'))
    .map((p) => p.slice('/dist/'.length));
  report.size = await sizes(opts.dist, alsoRequested);

  if (opts.criterion) {
    log('Core: criterion estimates');
    report.core = await core(opts.criterion, opts.generated);
  }

  report.machine.load_average.end = os.loadavg().map((l) => round(l, 2));
  report.targets = targets(report);
  report.metrics = flatMetrics(report);
  const table = markdown(report);
  await writeFile(path.join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(opts.out, 'report.md'), table);
  console.log(`\n${table}`);
  log(`Wrote ${path.relative(root, path.join(opts.out, 'report.json'))} and report.md`);
  if (opts.docs) {
    await appendFile(opts.docs, `\n${table}`);
    log(`Appended the table to ${path.relative(root, opts.docs)}`);
  }
  const broken = scenarioResults.filter((s) => s.ready_runs === 0).map((s) => s.id);
  for (const t of report.startup?.throttles ?? []) {
    for (const page of ['ours', 'accordion', 'ours_linked']) {
      if (t[page]?.ready_runs === 0) broken.push(`startup.${page}.cpu${t.cpu}`);
    }
  }
  if (broken.length) {
    console.error(`bench: no run became ready for ${broken.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
