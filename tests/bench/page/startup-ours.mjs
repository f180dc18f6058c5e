// The startup comparison, our side: loader start → the widget's root says ready
// (`data-sp-state`), then the frame that shows it. See startup-marks.mjs.
import { afterReady, done } from './startup-marks.mjs';

const root = document.querySelector('[data-send-widget]');
// A mutation observer runs right after the task that set the attribute: mount has finished
// wiring its events by then.
const observer = new MutationObserver(() => {
  const state = root.getAttribute('data-sp-state');
  if (state !== 'ready' && state !== 'failed') return;
  observer.disconnect();
  if (state === 'ready') afterReady(state);
  else done(state, root.getAttribute('data-sp-error'));
});
observer.observe(root, { attributes: true, attributeFilter: ['data-sp-state'] });

performance.mark('bench:loader-start');
try {
  await import('/dist/send-pathways.js');
  performance.mark('bench:loader-done');
} catch (error) {
  done('error', error);
}
