// Each pathway interaction alone, in the bench page: the script (the handler, the wasm, the DOM
// changes) and then the layout it causes (forced), median of 9, for one or more builds side by
// side. What the pathway's keyboard-walk long tasks are made of (benchmarks.md, issue 20 item 7).
//
//   RATE=4 node bench/pathway-interactions.mjs NAME=DIST [NAME=DIST ...]
//
// DIST is a built www/dist. Buttons are found by their data-sp-action codes, as the widget
// writes them; an interaction the build does not offer is left out of its row.
import { timeInteractions } from './interactions.mjs';

await timeInteractions({
  widget: 'pathway',
  builds: process.argv.slice(2),
  rate: Number(process.env.RATE ?? 4),
  measure: () => {
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
    // The language not chosen: the switch's buttons say which is by aria-pressed.
    const notChosen = () => langs().find((b) => b.getAttribute('aria-pressed') === 'false');
    const otherLang = notChosen();
    if (otherLang) out['other language'] = time(() => otherLang.click());
    const firstLang = notChosen();
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
  },
});
