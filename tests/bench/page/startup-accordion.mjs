// The startup comparison, GOV.UK Frontend's side: loader start (its module asked for) →
// `initAll()` has run, then the frame that shows the enhanced accordion. See startup-marks.mjs.
import { afterReady, done } from './startup-marks.mjs';

performance.mark('bench:loader-start');
try {
  const { initAll } = await import('/govuk/govuk-frontend.min.js');
  performance.mark('bench:init-start');
  initAll();
  performance.mark('bench:init-end');
  afterReady('ready');
} catch (error) {
  done('error', error);
}
