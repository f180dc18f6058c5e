// Times the snippet on the bench page: from the moment the loader is asked for to the moment
// the widget is interactive (every placeholder says it is ready, with its events wired, and the
// frame that shows it has been rendered), then, in
// the same page and at the same CPU throttle, plain JSON.parse of the same feed text: the
// browser's own floor for reading that feed. Results go to window.__bench for the driver.
const bench = window.__bench;
const placeholders = [...document.querySelectorAll('[data-send-widget]')];
const feedUrl = placeholders[0].getAttribute('data-feed');

/** Resolves when every placeholder is ready or failed; the time is when the last one was. */
const settled = new Promise((resolve) => {
  const check = () => {
    const states = placeholders.map((p) => p.getAttribute('data-sp-state'));
    if (states.every((state) => state === 'ready' || state === 'failed')) {
      // Mutation observers run right after the task that set the attribute, i.e. after mount
      // finished wiring its events.
      bench.readyAt ??= performance.now();
      bench.state = states.every((state) => state === 'ready') ? 'ready' : 'failed';
      resolve();
    }
  };
  const observer = new MutationObserver(check);
  for (const placeholder of placeholders) {
    observer.observe(placeholder, { attributes: true, attributeFilter: ['data-sp-state'] });
  }
});

/** Two frames: the mounted widget is laid out and painted, and any shift it caused recorded. */
const twoFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

// Whether every placeholder carried its no-JS fallback, as the README tells editors to do: a
// bare placeholder grows when the widget mounts, which is a layout shift of the page's making.
bench.fallback = placeholders.every((p) => p.childElementCount > 0);

bench.loaderStart = performance.now();
try {
  await import('/dist/send-pathways.js');
  bench.loaderDone = performance.now();
  // The loader's module finishes after it has mounted every placeholder, so by now each one is
  // ready or failed; one the loader never touched (it could not start) counts as failed.
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
  if (bench.readyAt === undefined) throw new Error('the loader finished without mounting the widgets');
  bench.readyMs = bench.readyAt - bench.loaderStart;
  // Interactive is later than ready: the browser must still style, lay out and paint what the
  // widget put in the page before a reader sees it or a tap is handled. A task queued from the
  // next animation frame runs once that frame's rendering is done.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  bench.interactiveMs = performance.now() - bench.loaderStart;
  // Where the time went: when the wasm and the feed had arrived, from the loader's start.
  const arrived = (url) => {
    const entry = performance.getEntriesByName(new URL(url, location.href).href)[0];
    return entry ? entry.responseEnd - bench.loaderStart : null;
  };
  // The build the loader picked for this page (one widget's, or both's).
  const wasm = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .find((p) => /^\/dist\/send-[a-z]+_bg\.wasm$/.test(p));
  bench.build = wasm?.slice('/dist/'.length, -'_bg.wasm'.length);
  bench.wasmArrivedMs = wasm ? arrived(wasm) : null;
  bench.feedArrivedMs = arrived(feedUrl);
  await twoFrames();
  // The load window ends here: what follows is the bench's own work, not the widget's.
  bench.loadEnd = performance.now();

  // Memory: the glue hands back the instance the loader started (init runs once per page).
  const glue = await import(`/dist/${bench.build}.js`);
  const exports = await glue.default();
  bench.wasmBytes = exports.memory.buffer.byteLength;

  const text = await (await fetch(feedUrl)).text();
  bench.feedBytes = new TextEncoder().encode(text).length;
  const before = performance.now();
  const parsed = JSON.parse(text);
  bench.jsonParseMs = performance.now() - before;
  bench.jsonKeys = Object.keys(parsed).length;
} catch (error) {
  bench.error = String(error?.stack ?? error);
  bench.state ??= 'error';
}
bench.done = true;
