// Reads a Chromium trace (the Tracing domain's devtools.timeline events) for the startup
// comparison: the page's main thread between two of its own performance marks, its long tasks,
// and where its time went, by kind of work.

/** Kinds of main-thread work, by trace event name (a name not listed is "other"). */
const KINDS = {
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'InvalidateLayout', 'ScheduleStyleRecalculation'],
  layout: ['Layout', 'UpdateLayout'],
  paint: ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'UpdateLayerTree', 'Commit', 'CompositeLayers', 'Decode Image'],
  html: ['ParseHTML'],
  script: [
    'EvaluateScript',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'RunMicrotasks',
    'CompileScript',
    'CompileCode',
    'CacheModule',
    'CacheScript',
    'RequestAnimationFrame',
    'TimerInstall',
    'XHRReadyStateChange',
  ],
};
const KIND_OF = new Map(Object.entries(KINDS).flatMap(([kind, names]) => names.map((name) => [name, kind])));

/** The kind of work a trace event is. */
export function kindOf(name) {
  if (KIND_OF.has(name)) return KIND_OF.get(name);
  if (/^(v8|V8|wasm|Wasm)[.:]/.test(name)) return 'script';
  return 'other';
}

const isTask = (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

/** Complete events (`X`, and `B`/`E` pairs joined) of one thread, sorted, with `end`. */
function threadEvents(events, pid, tid) {
  const list = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && Number.isFinite(e.dur)) list.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) list.push({ name: begin.name, ts: begin.ts, end: e.ts });
    }
  }
  return list.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/**
 * Main-thread work between the page's marks `from` and `to` (names of performance marks the
 * page set, found in the trace as blink.user_timing events), in milliseconds:
 * - `window_ms`: the window's length;
 * - `busy_ms`: time inside tasks in it; `kinds_ms`: that time by kind of work (each event's own
 *   time, less the events inside it), with `forced_ms`: style and layout run from inside a
 *   script (the script asked for a size, so the browser restyled or laid out there and then);
 * - `long_tasks`, `longest_task_ms`: tasks over 50 ms overlapping the window or starting up to
 *   `quietMs` after it (work a widget leaves for after its first frame delays a tap as much);
 * - `settled_ms`: from `from` to the end of the last such task, or to `to` if later: the first
 *   moment a tap is handled at once, followed by `quietMs` without a long task;
 * - `top`: the ten event names with the most own time, to see what "other" is.
 * Null when the marks are not in the trace.
 */
export function mainThread(events, { from, to, quietMs = 500 }) {
  const mark = (name) => events.find((e) => e.name === name && String(e.cat).includes('blink.user_timing'));
  const start = mark(from);
  const stop = mark(to);
  if (!start || !stop) return null;
  const list = threadEvents(events, start.pid, start.tid);
  const t0 = start.ts;
  const t1 = stop.ts;
  const clipped = (e) => Math.max(0, Math.min(e.end, t1) - Math.max(e.ts, t0));

  const kinds = { script: 0, style: 0, layout: 0, paint: 0, html: 0, other: 0 };
  let forced = 0;
  let busy = 0;
  const own = new Map();
  const stack = [];
  for (const e of list) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    e.kind = isTask(e) ? 'other' : kindOf(e.name);
    e.inScript = Boolean(parent && (parent.kind === 'script' || parent.inScript));
    e.own = clipped(e);
    if (parent) parent.own -= e.own;
    else if (isTask(e)) busy += e.own;
    stack.push(e);
  }
  for (const e of list) {
    if (e.own <= 0) continue;
    kinds[e.kind] += e.own;
    if ((e.kind === 'style' || e.kind === 'layout') && e.inScript) forced += e.own;
    own.set(e.name, (own.get(e.name) ?? 0) + e.own);
  }

  const quiet = quietMs * 1000;
  const long = list.filter((e) => isTask(e) && e.end - e.ts > 50_000 && e.end > t0);
  let settled = t1;
  for (let moved = true; moved; ) {
    moved = false;
    for (const task of long) {
      if (task.ts < settled + quiet && task.end > settled) {
        settled = task.end;
        moved = true;
      }
    }
  }
  const counted = long.filter((task) => task.ts < settled + quiet);
  const ms = (us) => Math.round(us) / 1000;
  return {
    window_ms: ms(t1 - t0),
    busy_ms: ms(busy),
    kinds_ms: Object.fromEntries(Object.entries(kinds).map(([kind, us]) => [kind, ms(us)])),
    forced_ms: ms(forced),
    long_tasks: counted.length,
    longest_task_ms: ms(counted.reduce((max, task) => Math.max(max, task.end - task.ts), 0)),
    settled_ms: ms(settled - t0),
    top: [...own.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, us]) => ({ name, ms: ms(us) })),
  };
}
