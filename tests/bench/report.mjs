// The report: stable JSON keys for scripts (documented in www/docs/benchmarks.md), a flat
// `metrics` map that two runs can be compared by (compare.mjs), the targets of issue 7 with
// whether each was met, and a readable Markdown table.
import { round } from './sizes.mjs';

export const REPORT_FORMAT = 'send-pathways-bench/2';

const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (value, digits = 1) => (value == null ? '–' : `${value.toFixed(digits)} ms`);
const num = (value, digits = 1) => (value == null ? '–' : value.toFixed(digits));
const mark = (met) => (met == null ? '?' : met ? 'met' : '**missed**');

/** Every number a run produces, under a dotted key that stays the same from run to run. */
export function flatMetrics(report) {
  const metrics = {};
  const put = (key, value) => {
    if (value != null) metrics[key] = typeof value === 'number' ? round(value, 4) : value;
  };
  const { size, core, browser } = report;
  for (const row of size.files) {
    for (const kind of ['raw', 'gzip', 'brotli']) put(`size.${row.file}.${kind}`, row[kind]);
  }
  for (const kind of ['raw', 'gzip', 'brotli']) {
    for (const [name, loaded] of Object.entries(size.pages)) put(`size.page.${name}.${kind}`, loaded.total[kind]);
    put(`size.total.${kind}`, size.total[kind]);
    put(`size.peer.${size.peer.name}.${kind}`, size.peer.total[kind]);
  }
  put('size.ratio_to_peer_brotli', size.ratio_to_peer_brotli);
  for (const [operation, bySize] of Object.entries(core?.median_ms ?? {})) {
    for (const [feed, value] of Object.entries(bySize)) put(`core.${operation}.${feed}.median_ms`, value);
    put(`core.${operation}.ratio_100x_1x`, core.ratio_100x_to_1x[operation]);
    put(`core.${operation}.ratio_50x_1x`, core.ratio_50x_to_1x[operation]);
  }
  for (const s of browser?.scenarios ?? []) {
    put(`browser.${s.id}.interactive_ms`, s.interactive_ms.median);
    put(`browser.${s.id}.ready_ms`, s.ready_ms);
    put(`browser.${s.id}.json_parse_ms`, s.json_parse_ms.median);
    put(`browser.${s.id}.ratio_to_json_parse`, s.ratio_to_json_parse);
    put(`browser.${s.id}.load.cls`, s.load.cls);
    put(`browser.${s.id}.load.longest_task_ms`, s.load.longest_task_ms);
    if (s.keyboard) {
      put(`browser.${s.id}.keyboard.cls`, s.keyboard.cls);
      put(`browser.${s.id}.keyboard.longest_task_ms`, s.keyboard.longest_task_ms);
      put(`browser.${s.id}.keyboard.nodes_drawn.max`, s.keyboard.nodes_drawn?.max);
      put(`browser.${s.id}.keyboard.nodes_drawn.mean`, s.keyboard.nodes_drawn?.mean);
      put(`browser.${s.id}.keyboard.nodes_added.max`, s.keyboard.nodes_added?.max);
      put(`browser.${s.id}.keyboard.nodes_added.mean`, s.keyboard.nodes_added?.mean);
    }
  }
  put('memory.wasm_pages', browser?.memory?.wasm_pages);
  for (const t of report.startup?.throttles ?? []) {
    for (const page of ['ours', 'accordion', 'ours_linked']) {
      const s = t[page];
      if (!s) continue;
      for (const key of ['interactive_ms', 'settled_ms', 'ready_ms', 'busy_ms', 'forced_ms', 'longest_task_ms', 'tap_ms']) {
        put(`startup.${page}.cpu${t.cpu}.${key}`, s[key]);
      }
      for (const [kind, value] of Object.entries(s.kinds_ms)) put(`startup.${page}.cpu${t.cpu}.kinds.${kind}_ms`, value);
    }
    put(`startup.cpu${t.cpu}.ratio`, t.ratio);
    put(`startup.cpu${t.cpu}.linked_ratio`, t.linked_ratio);
  }
  return metrics;
}

/** Issue 7's targets, each with the measured value and whether it was met. */
export function targets(report) {
  const list = [];
  const add = (name, value, limit, met) => list.push({ name, value: round(value, 4), limit, met });
  add(`size.total.brotli <= 50000 bytes (heaviest page: ${report.size.heaviest_page})`, report.size.total.brotli, 50_000, report.size.within_budget);
  for (const s of report.browser?.scenarios ?? []) {
    if (s.feed === '1x' && s.cpu_throttle === 4 && s.widgets.length === 1) {
      const value = s.interactive_ms.median;
      add(`browser.${s.id}.interactive_ms <= 200`, value, 200, value == null ? null : value <= 200);
    }
  }
  const all = report.browser?.scenarios ?? [];
  if (all.length) {
    const cls = Math.max(...all.flatMap((s) => [s.load.cls, s.keyboard?.cls ?? 0]));
    const longest = Math.max(...all.flatMap((s) => [s.load.longest_task_ms, s.keyboard?.longest_task_ms ?? 0]));
    add('CLS == 0 (worst run, load and keyboard walk)', cls, 0, cls === 0);
    add('longest task <= 50 ms (worst run, load and keyboard walk)', longest, 50, longest <= 50);
  }
  // Linear scaling: 100× where the core reads it, 50× where its 5 MB limit stops at that.
  const linear = (operation, size, limit) => {
    const ratio = report.core?.[`ratio_${size}_to_1x`]?.[operation];
    if (ratio != null) add(`core.${operation}.ratio_${size}_1x <= ${limit} (linear)`, ratio, limit, ratio <= limit);
  };
  linear('widgets', '100x', 100);
  linear('pipeline', '50x', 50);
  return list;
}

/** The Markdown table printed at the end of a run and appended to the docs. */
export function markdown(report) {
  const { machine, size, core, browser } = report;
  const lines = [];
  const when = report.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  lines.push(
    `### ${when}${report.quick ? ' (quick)' : ''}`,
    '',
    `${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB; ${machine.chromium}; ${machine.rustc}; ` +
      `node ${machine.node}; load average ${machine.load_average.start.join(' ')} at start, ` +
      `${machine.load_average.end.join(' ')} at end; commit ${report.git.commit}${report.git.dirty ? ' with uncommitted changes' : ''}.`,
    '',
    '| what the snippet loads | raw | gzip | brotli |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const row of size.files) lines.push(`| ${row.file} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} |`);
  for (const [name, loaded] of Object.entries(size.pages)) {
    const budget = name === size.heaviest_page ? ' (heaviest; budget 50.0 kB brotli)' : '';
    const { raw, gzip, brotli } = loaded.total;
    lines.push(`| **total, ${name === 'both' ? 'page with both widgets' : `${name} page`}**${budget} | ${kb(raw)} | ${kb(gzip)} | **${kb(brotli)}** |`);
  }
  lines.push(
    `| peer: ${size.peer.name} ${size.peer.version} min JS + CSS | ${kb(size.peer.total.raw)} | ${kb(size.peer.total.gzip)} | ${kb(size.peer.total.brotli)} |`,
    '',
  );
  if (core) {
    lines.push(
      `| core, native (criterion median) | 1× (${kb(core.feeds['1x'])}) | 10× (${kb(core.feeds['10x'])}) | 50× (${kb(core.feeds['50x'])}) | 100× (${kb(core.feeds['100x'])}) | 50×/1× | 100×/1× |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const [operation, bySize] of Object.entries(core.median_ms)) {
      lines.push(
        `| ${operation} | ${ms(bySize['1x'], 3)} | ${ms(bySize['10x'], 2)} | ${ms(bySize['50x'], 1)} | ` +
          `${bySize['100x'] == null ? 'refused (over 5 MB)' : ms(bySize['100x'], 1)} | ` +
          `${num(core.ratio_50x_to_1x[operation])} | ${num(core.ratio_100x_to_1x[operation])} |`,
      );
    }
    lines.push('');
  }
  if (browser) {
    lines.push(
      `| browser, phone viewport (median of ${browser.runs}) | feed | CPU | wasm / feed arrived / ready | loader start → interactive | JSON.parse | ratio | CLS (load / walk) | longest task ms (load / walk) | transferred (compressed) / decoded |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const s of browser.scenarios) {
      const walk = s.keyboard;
      const failed = s.ready_runs < s.runs ? ` (${s.runs - s.ready_runs} of ${s.runs} not ready)` : '';
      lines.push(
        `| ${s.widgets.join(' + ')}${s.build ? ` (${s.build})` : ''}${failed}${s.fallback ? '' : ' (no fallback)'} | ${s.feed} | ${s.cpu_throttle}× | ` +
          `${num(s.wasm_arrived_ms, 0)} / ${num(s.feed_arrived_ms, 0)} / ${num(s.ready_ms, 0)} ms | ${ms(s.interactive_ms.median)} | ` +
          `${ms(s.json_parse_ms.median, 2)} | ${num(s.ratio_to_json_parse, 0)} | ${num(s.load.cls, 3)} / ${walk ? num(walk.cls, 3) : '–'} | ` +
          `${num(s.load.longest_task_ms, 0)} / ${walk ? num(walk.longest_task_ms, 0) : '–'} | ` +
          `${kb(s.transferred_bytes)} / ${kb(s.decoded_bytes)} |`,
      );
    }
    if (browser.memory) {
      lines.push(
        '',
        `wasm memory after mounting both widgets on the ${browser.memory.feed} feed: ${browser.memory.wasm_pages} pages ` +
          `(${(browser.memory.wasm_bytes / 1048576).toFixed(1)} MiB).`,
      );
    }
    lines.push('');
  }
  if (report.startup) {
    const { runs, throttles, traced } = report.startup;
    lines.push(
      `| startup against GOV.UK's accordion, phone viewport (median of ${runs}${traced ? ', traced' : ', untraced'}) | CPU | loader start → interactive | ratio | ready / settled | main thread busy | script / style / layout (forced) / paint / other | long tasks (longest) | tap → next frame |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const t of throttles) {
      const names = {
        ours: 'pathway widget, the loader alone (it adds the stylesheet)',
        accordion: 'govuk-frontend accordion, same steps',
        ours_linked: "pathway widget as the README's snippet (stylesheet linked before the placeholder)",
      };
      const ratios = { ours: t.ratio, ours_linked: t.linked_ratio };
      for (const page of Object.keys(names)) {
        const s = t[page];
        if (!s) continue;
        const k = s.kinds_ms;
        const failed = s.ready_runs < s.runs ? ` (${s.runs - s.ready_runs} of ${s.runs} not ready)` : '';
        lines.push(
          `| ${names[page]}${failed} | ${t.cpu}× | ` +
            `${ms(s.interactive_ms, 0)} | ${page in ratios ? `**${num(ratios[page], 2)}×**` : ''} | ${num(s.ready_ms, 0)} / ${num(s.settled_ms, 0)} ms | ${ms(s.busy_ms, 0)} | ` +
            `${num(k.script, 0)} / ${num(k.style, 0)} / ${num(k.layout, 0)} (${num(s.forced_ms, 0)}) / ${num(k.paint, 0)} / ${num(k.other, 0)} ms | ` +
            `${s.long_tasks} (${num(s.longest_task_ms, 0)} ms) | ${ms(s.tap_ms, 0)} (${s.taps_handled}/${s.ready_runs} handled) |`,
        );
      }
    }
    lines.push('');
  }
  lines.push('Targets:', '');
  for (const t of report.targets) lines.push(`- ${t.name}: ${t.value ?? '–'} (${mark(t.met)})`);
  lines.push('');
  return lines.join('\n');
}
