// Loaded first, in <head>, before the widget's CSS and loader: records every layout shift and
// every long task (over 50 ms, the browser reports no shorter ones) from the start of the page.
'use strict';
window.__bench = { shifts: [], tasks: [] };
(function observe() {
  const record = (list) => {
    for (const entry of list.getEntries()) {
      if (entry.entryType === 'layout-shift') {
        window.__bench.shifts.push({ at: entry.startTime, value: entry.value, input: entry.hadRecentInput });
      } else {
        window.__bench.tasks.push({ at: entry.startTime, duration: entry.duration });
      }
    }
  };
  const observers = ['layout-shift', 'longtask'].map((type) => {
    const observer = new PerformanceObserver(record);
    observer.observe({ type, buffered: true });
    return observer;
  });
  // Entries are delivered asynchronously: the driver calls this before reading them.
  window.__bench.flush = () => observers.forEach((o) => record({ getEntries: () => o.takeRecords() }));
})();
