// Each tracker interaction alone, in the bench page: the script (the handler, the wasm, the DOM
// changes) and then the layout it causes (forced), median of 9, for one or more builds side by
// side. What the keyboard walk's longest task is made of (benchmarks.md, "Tracker runtime").
//
//   RATE=4 node bench/tracker-interactions.mjs NAME=DIST [NAME=DIST ...]
//
// DIST is a built www/dist (for another commit: build send-tracker alone into a copy of it).
//
// "Show all workstreams" is timed twice: a second after the page last changed, as a reader
// pressing it after reading does (the widget lays closed workstreams out ahead in idle moments
// since issue 20, item 7), and right after "Clear filters" has drawn the plan's filtered-out
// parts anew, before any idle moment.
import { timeInteractions } from './interactions.mjs';

await timeInteractions({
  widget: 'tracker',
  builds: process.argv.slice(2),
  rate: Number(process.env.RATE ?? 4),
  measure: async () => {
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
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1000));
    const toggleAll = () => q('[data-sp-action="toggle-all"]').click();
    const clear = () => q('[data-sp-action="clear-filters"]').click();
    await pause();
    const times = {
      'Show all workstreams (a second after the last change)': time(toggleAll),
      'Hide all workstreams': time(toggleAll),
      "one workstream's button": time(() => q('[data-sp-action="toggle"]').click()),
      'the same, closing': time(() => q('[data-sp-action="toggle"]').click()),
      'status filter': time(() => choose('complete')),
      'Clear filters (after a filter)': time(clear),
      'Clear filters (nothing filtered)': time(clear),
      'Show all workstreams (right after clearing)': time(toggleAll),
      'Hide all workstreams again': time(toggleAll),
    };
    // The next run starts as this one's "Clear filters" left the page: the parts it drew anew
    // not yet laid out.
    choose('complete');
    clear();
    return times;
  },
});
