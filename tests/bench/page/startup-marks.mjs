// What both startup pages (startup-ours.mjs, startup-accordion.mjs) share: marks the driver
// reads after the run, and one call to the CDP binding the driver added, so nothing polls the
// page while it starts. Imported statically, so it is fetched before the measured window.

/**
 * Marks `bench:interactive` once the frame after "ready" has been drawn (a task queued from the
 * next animation frame runs once that frame's rendering is done), then tells the driver.
 */
export function afterReady(state) {
  performance.mark('bench:ready');
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('bench:interactive');
      done(state);
    }, 0),
  );
}

/** Tells the driver the run is over (the binding `__benchStartupDone`, see startup.mjs). */
export function done(state, error) {
  const message = JSON.stringify({ state, error: error ? String(error?.stack ?? error) : null });
  if (typeof window.__benchStartupDone === 'function') window.__benchStartupDone(message);
}
