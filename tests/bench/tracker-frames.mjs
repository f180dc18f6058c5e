// What the browser spends drawing the tracker's page after each kind of change: the frame's
// rendering (style, layout, paint, commit) from its animation-frame callback to the first task
// after it, median of REPS fresh pages, for one or more builds side by side. The frame after
// "Show all workstreams" is the last long task of the tracker's keyboard walk (benchmarks.md,
// "Tracker: what a frame of this page costs"); the changes that are not the widget's (a colour,
// a pixel of height) say how much of any frame is the page's size rather than the change.
//
//   RATE=4 REPS=9 node bench/tracker-frames.mjs NAME=DIST [NAME=DIST ...]
//
// STYLE='css' adds a stylesheet to every page first, to try a rule before building it in.
import { eachBuild } from './interactions.mjs';
import { PHONE, median } from './browser.mjs';

const rate = Number(process.env.RATE ?? 4);
const reps = Number(process.env.REPS ?? 9);
const style = process.env.STYLE ?? '';

/** Runs in the page: each change, then the rendering of the frame that shows it, in ms. */
async function frames() {
  const widget = document.querySelector('[data-send-widget="tracker"]');
  const title = widget.querySelector('.sp-title');
  const button = (selector, i = 0) => widget.querySelectorAll(selector)[i];
  const rendering = (change) =>
    new Promise((resolve) => {
      change();
      requestAnimationFrame(() => {
        const start = performance.now();
        setTimeout(() => resolve(performance.now() - start), 0);
      });
    });
  // Longer than the widget's wait before it lays closed workstreams out ahead, and its round.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1500));
  const times = {};
  await pause();
  times['"Show all workstreams", first time'] = await rendering(() => button('[data-sp-action="toggle-all"]').click());
  await pause();
  times['"Hide all workstreams"'] = await rendering(() => button('[data-sp-action="toggle-all"]').click());
  await pause();
  times['"Show all workstreams", again'] = await rendering(() => button('[data-sp-action="toggle-all"]').click());
  await pause();
  button('[data-sp-action="toggle-all"]').click();
  await pause();
  const workstreams = widget.querySelectorAll('[data-sp-action="toggle"]').length;
  times["the last workstream's button, opening"] = await rendering(() => button('[data-sp-action="toggle"]', workstreams - 1).click());
  await pause();
  times['the same, closing'] = await rendering(() => button('[data-sp-action="toggle"]', workstreams - 1).click());
  await pause();
  times['nothing changed'] = await rendering(() => {});
  times['not the widget: the title recoloured'] = await rendering(() => { title.style.color = '#1d70b8'; });
  times['not the widget: the title 1 px taller (all below moves)'] = await rendering(() => { title.style.paddingTop = '1px'; });
  return times;
}

const results = {};
const names = [];
await eachBuild(process.argv.slice(2), async (name, { browser, server }) => {
  names.push(name);
  const runs = [];
  for (let i = 0; i < reps; i += 1) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/page?widgets=tracker&feed=/feed/tower-hamlets.json&size=1x`);
    await page.waitForSelector('[data-send-widget="tracker"][data-sp-state="ready"]');
    if (style) await page.addStyleTag({ content: style });
    // Where a reader pressing "Show all" is: the button on the screen.
    await page.locator('[data-send-widget="tracker"] [data-sp-action="toggle-all"]').scrollIntoViewIfNeeded();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    runs.push(await page.evaluate(frames));
    await context.close();
  }
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]);
    (results[key] ??= {})[name] = `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
  }
});
console.log(`| frame rendering after (ms, median (range) of ${reps} pages at ${rate}×) | ${names.join(' | ')} |`);
console.log(`| --- | ${names.map(() => '---:').join(' | ')} |`);
for (const [key, row] of Object.entries(results)) console.log(`| ${key} | ${names.map((n) => row[n] ?? '–').join(' | ')} |`);
