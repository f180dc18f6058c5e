// Each tracker interaction alone, in the bench page: the script (the handler, the wasm, the DOM
// changes) and then the layout it causes (forced), median of 9, for one or more builds side by
// side. What the keyboard walk's longest task is made of (benchmarks.md, "Tracker runtime").
//
//   RATE=4 node bench/tracker-interactions.mjs NAME=DIST [NAME=DIST ...]
//
// DIST is a built www/dist (for another commit: build send-tracker alone into a copy of it).
import { timeInteractions } from './interactions.mjs';

await timeInteractions({
  widget: 'tracker',
  builds: process.argv.slice(2),
  rate: Number(process.env.RATE ?? 4),
  measure: () => {
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
  },
});
