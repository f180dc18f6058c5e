// Each pathway interaction alone, in the bench page: the script (the handler, the wasm, the DOM
// changes) and then the layout it causes (forced), median of 9, for one or more builds side by
// side. What the pathway's keyboard-walk long tasks are made of (benchmarks.md, issue 20 item 7).
//
//   RATE=4 node bench/pathway-interactions.mjs NAME=DIST [NAME=DIST ...]
//
// DIST is a built www/dist. Buttons are found by their data-sp-action codes, as the widget
// writes them; an interaction the build does not offer is left out of its row.
import path from 'node:path';
import { launch } from '../e2e/support.mjs';
import { startServer } from './server.mjs';
import { PHONE } from './browser.mjs';

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
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/page?widgets=pathway&feed=/feed/tower-hamlets.json&size=1x`);
    await page.waitForSelector('[data-send-widget="pathway"][data-sp-state="ready"]');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const runs = [];
    for (let i = 0; i < REPS; i += 1) {
      runs.push(await page.evaluate(() => {
        const widget = document.querySelector('[data-send-widget="pathway"]');
        const all = (code) => [...widget.querySelectorAll(`[data-sp-action="${code}"]`)];
        const time = (act) => {
          const start = performance.now();
          act();
          const scripted = performance.now();
          void document.body.offsetHeight;
          return [scripted - start, performance.now() - scripted];
        };
        const out = {};
        const click = (label, code, pick = (list) => list[0]) => {
          const target = pick(all(code));
          if (target) out[label] = time(() => target.dispatchEvent(new MouseEvent('click', { bubbles: true })));
        };
        click('open a step', 'toggle');
        click('close it', 'toggle');
        click('show all steps', 'toggle-all');
        click('hide all steps', 'toggle-all');
        click('we are here', 'here');
        click('forget this', 'forget-here');
        const views = () => all('view');
        const other = views().find((b) => b.getAttribute('aria-pressed') === 'false');
        if (other) out['switch view'] = time(() => other.click());
        const back = views().find((b) => b.getAttribute('aria-pressed') === 'false');
        if (back) out['switch back'] = time(() => back.click());
        const langs = () => all('lang');
        const otherLang = langs().find((b) => b.getAttribute('aria-pressed') === 'false' || b.getAttribute('aria-current') !== 'true');
        if (otherLang) out['other language'] = time(() => otherLang.click());
        const firstLang = langs()[0];
        if (firstLang) out['first language again'] = time(() => firstLang.click());
        click('open a step on the map', 'open-step');
        click('close the map step', 'close-step');
        const finder = widget.querySelector('[data-sp-action="finder"] select, select[data-sp-action="finder"]');
        if (finder && finder.options.length > 1) {
          out['finder choice'] = time(() => {
            finder.value = finder.options[1].value;
            finder.dispatchEvent(new Event('change', { bubbles: true }));
          });
          click('clear the finder', 'clear-finder');
        }
        return out;
      }));
    }
    for (const key of Object.keys(runs[0])) {
      const script = median(runs.map((r) => r[key]?.[0] ?? NaN));
      const layout = median(runs.map((r) => r[key]?.[1] ?? NaN));
      (results[key] ??= {})[name] = `${script.toFixed(1)} + ${layout.toFixed(1)}`;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
const names = process.argv.slice(2).map((arg) => arg.split('=')[0]);
console.log(`| interaction (script + layout, ms, median of ${REPS} at ${rate}×) | ${names.join(' | ')} |`);
console.log(`| --- | ${names.map(() => '---').join(' | ')} |`);
for (const [key, row] of Object.entries(results)) {
  console.log(`| ${key} | ${names.map((n) => row[n] ?? '–').join(' | ')} |`);
}
