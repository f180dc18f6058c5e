// SEND Pathways loader: the one script an editor adds to a page.
//
// It finds its wasm and CSS next to itself (import.meta.url), so the snippet works from any
// path or host; loads only the wasm build the page's widgets need; mounts every placeholder,
// and any added to the page later; and shares one wasm instance, and so one fetch per feed URL,
// between the widgets of a build. If anything fails, placeholders keep their fallback HTML and
// the cause goes to the console for the editor.
const here = import.meta.url;
performance.mark('send-pathways:start');

// Subresource Integrity of the glue and wasm each build loads, by file name. `cargo xtask
// dist` fills this in for the release files (the snippet's own integrity hash covers this
// loader, and so these); the development copy in www/dist checks nothing.
const INTEGRITY = {};

// The builds and their files, by name (`cargo xtask dist` rewrites these names to the hashed
// release names). A page with one kind of widget downloads only that widget's build; a page
// with both, the build with both; a page with none yet, nothing until one appears; a placeholder
// of the other kind added later loads the build with both. Each widget build has its stylesheet:
// a one-widget build's holds the rules both widgets use and its own (cut from the whole one by
// `cargo xtask build`), the build with both has the whole one.
const BUILDS = {
  'send-widgets': { glue: 'send-widgets.js', wasm: 'send-widgets_bg.wasm', css: 'send-pathways.css' },
  'send-pathway': { glue: 'send-pathway.js', wasm: 'send-pathway_bg.wasm', css: 'send-pathway.css' },
  'send-tracker': { glue: 'send-tracker.js', wasm: 'send-tracker_bg.wasm', css: 'send-tracker.css' },
  'send-checker': { glue: 'send-checker.js', wasm: 'send-checker_bg.wasm' },
};
const ONE_KIND = { pathway: 'send-pathway', tracker: 'send-tracker' };
const BOTH = 'send-widgets';

/** The build for these placeholders (their kinds, as the wasm reads them). */
function buildFor(elements) {
  const kinds = new Set([...elements].map((e) => (e.getAttribute('data-send-widget') ?? '').trim()));
  const [only] = kinds;
  return kinds.size === 1 && Object.hasOwn(ONE_KIND, only) ? ONE_KIND[only] : BOTH;
}

/** Starts a build's downloads: its wasm at once, and its glue, checked when the release says. */
function fetchBuild(name) {
  const files = BUILDS[name];
  const wasm = fetch(new URL(files.wasm, here), { integrity: INTEGRITY[files.wasm] ?? '' });
  wasm.catch(() => {}); // a failure is reported where it is awaited, by init()
  const glue = new URL(files.glue, here);
  if (INTEGRITY[files.glue]) {
    // import() cannot carry an integrity hash; a module preload can, and import() then uses
    // the module it checked (or fails with it).
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = glue.href;
    link.integrity = INTEGRITY[files.glue];
    link.crossOrigin = 'anonymous';
    document.head.append(link);
  }
  return { name, wasm, glue };
}

const SVG = 'http://www.w3.org/2000/svg';
/**
 * Builds the detached DOM of a widget from the wasm's instructions (`Node::to_ops` in the
 * core): NUL-separated tokens; an element is its tag, attribute count, names and values, child
 * count and children; a text is `#` and the text. Texts become text nodes and values attribute
 * values, never markup. One call per tree: building node by node from wasm crosses into
 * JavaScript for every element, attribute and text.
 */
function buildFromOps(ops) {
  const tokens = ops.split('\0');
  let at = 0;
  const node = (inSvg) => {
    const tag = tokens[at++];
    if (tag === '#') return document.createTextNode(tokens[at++]);
    const svg = inSvg || tag === 'svg';
    const element = svg ? document.createElementNS(SVG, tag) : document.createElement(tag);
    for (let n = Number(tokens[at++]); n > 0; n -= 1) element.setAttribute(tokens[at++], tokens[at++]);
    for (let n = Number(tokens[at++]); n > 0; n -= 1) element.append(node(svg));
    return element;
  };
  return node(false);
}

/** Imports a build's glue and instantiates its wasm; resolves to its `mountOne`. */
async function start({ wasm, glue }) {
  const module = await import(glue.href);
  await module.default({ module_or_path: wasm });
  module.useBuilder(buildFromOps);
  // The build's `unmount` goes with its `mountOne`, for placeholders a page removes.
  const mountOne = (element) => module.mountOne(element);
  mountOne.unmount = module.unmount;
  return mountOne;
}

/** Ends the widgets in placeholders the page removed: their listeners and state go. */
function unmountRemoved(records) {
  const removed = records.flatMap((r) =>
    [...r.removedNodes].flatMap((n) =>
      n.nodeType !== 1 ? [] : [n, ...n.querySelectorAll('[data-sp-state]')].filter((e) => e.matches('[data-sp-state]')),
    ),
  );
  for (const element of removed.filter((e) => !e.isConnected)) {
    for (const mounter of started.values()) mounter.then((mount) => mount.unmount?.(element)).catch(() => {});
  }
}

/** The placeholders not yet mounted. */
const waiting = () => document.querySelectorAll('[data-send-widget]:not([data-sp-state])');

/**
 * Marks the placeholders the loader is starting a widget in: while marked (and while the widget
 * loads), the stylesheet skips their fallback's panels off the screen, which the widget is about
 * to close. Only the loader marks, so a page whose loader never runs keeps its fallback as is.
 */
const STARTING = 'data-sp-starting';
const markStarting = (elements) => elements.forEach((e) => e.setAttribute(STARTING, ''));
const unmarkStarting = (elements) => elements.forEach((e) => e.removeAttribute(STARTING));

/** Each started build's `mountOne`, by build name. */
const started = new Map();

/**
 * Starts the first build, `name`: by default the one for the placeholders on the page now. The
 * wasm is asked for at once, alongside its glue, rather than once the glue has arrived and run:
 * on a slow phone the two downloads overlap. A page with no placeholder fetches nothing until
 * one appears.
 */
function startFirst(name = buildFor(waiting())) {
  ensureStylesheet(name);
  const first = fetchBuild(name);
  const mountOne = start(first);
  started.set(first.name, mountOne);
  return mountOne;
}

/** The `mountOne` of a build that can mount `element`: the one in use, or the one with both. */
function mounterFor(element) {
  if (started.size === 0) return startFirst();
  const name = buildFor([element]);
  const usable = [...started.keys()].find((built) => built === name || built === BOTH);
  if (usable) return started.get(usable);
  ensureStylesheet(BOTH);
  const both = start(fetchBuild(BOTH));
  started.set(BOTH, both);
  return both;
}

/**
 * Adds the stylesheet of a build unless the page already links it or the whole one (which holds
 * every build's rules). The whole one, added after a one-widget one, holds all that one's rules
 * in the same order, so the two together style as the whole one alone.
 */
function ensureStylesheet(name) {
  const whole = new URL(BUILDS[BOTH].css, here).href;
  const href = new URL(BUILDS[name].css, here).href;
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href || l.href === whole);
  if (linked) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/**
 * Asks the browser for each feed the page's placeholders name while the wasm is still
 * downloading and compiling, so the two arrive side by side rather than one after the other.
 * The widget's own request (with its time limit, retry and saved copy) is then answered from
 * this preload; a feed that fails here is simply fetched again by the widget.
 */
function preloadFeeds() {
  const preloaded = new Set(
    [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.href),
  );
  for (const element of document.querySelectorAll('[data-send-widget][data-feed]:not([data-sp-state])')) {
    let url;
    try {
      url = new URL(element.getAttribute('data-feed'), document.baseURI);
    } catch {
      continue; // the widget explains a bad address itself
    }
    if (!/^https?:$/.test(url.protocol) || preloaded.has(url.href)) continue;
    preloaded.add(url.href);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // The same request mode and credentials as the widget's fetch(), or it would not match.
    link.crossOrigin = 'anonymous';
    link.href = url.href;
    document.head.append(link);
  }
}

/**
 * For editors: when a feed could not be read, loads the officer's checker (a separate wasm that
 * families never download otherwise) and lists every problem in the console.
 */
async function explainBrokenFeeds() {
  const broken = document.querySelectorAll('[data-sp-error="invalid-feed"]:not([data-sp-explained])');
  const urls = new Set();
  for (const element of broken) {
    element.setAttribute('data-sp-explained', '');
    urls.add(new URL(element.getAttribute('data-feed'), document.baseURI).href);
  }
  if (urls.size === 0) return;
  const build = fetchBuild('send-checker');
  const checker = await import(build.glue.href);
  await checker.default({ module_or_path: build.wasm });
  const today = new Date().toISOString().slice(0, 10);
  for (const url of urls) {
    const result = checker.checkFeed(await (await fetch(url)).text(), today);
    console.group(`SEND Pathways: the feed ${url} has ${result.errors} error(s) and ${result.warnings} warning(s)`);
    for (const d of result.diagnostics) {
      const log = d.severity === 'error' ? console.error : console.warn;
      log(`${url}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.path ? ` (at ${d.path})` : ''}. Fix: ${d.fix}`);
    }
    console.groupEnd();
  }
}

/**
 * Mounts one placeholder in its own wasm call. A bug (a Rust panic) aborts that call only: the
 * panic hook has already put the notice in this widget and signals `send-pathways:panic`,
 * since the aborted call's promise never settles; the next placeholder mounts as usual.
 */
async function mountPlaceholder(element) {
  markStarting([element]);
  const mounted = await mountMarked(element);
  unmarkStarting([element]);
  return mounted;
}

async function mountMarked(element) {
  let mountOne;
  try {
    mountOne = await mounterFor(element);
  } catch (error) {
    // The build this placeholder needs could not be loaded; the others still mount.
    console.error('SEND Pathways could not load the widget for a placeholder; it keeps its own content.', error);
    return false;
  }
  return new Promise((resolve) => {
    const panicked = () => resolve(false);
    element.addEventListener('send-pathways:panic', panicked, { once: true });
    mountOne(element)
      .catch((error) => {
        console.error('SEND Pathways could not mount a widget; the page keeps its own content.', error);
        return false;
      })
      .then((mounted) => {
        element.removeEventListener('send-pathways:panic', panicked);
        resolve(mounted);
      });
  });
}

let mounting = Promise.resolve();
/**
 * Mounts new placeholders one at a time (so widgets on one feed share one fetch); a batch that
 * finds nothing new does nothing.
 */
function mountNew() {
  mounting = mounting
    .then(async () => {
      if (waiting().length === 0) return;
      // The feeds only once the page has a placeholder (and the stylesheet with its build).
      preloadFeeds();
      for (const element of waiting()) {
        await mountPlaceholder(element);
      }
    })
    .then(explainBrokenFeeds)
    .catch((error) => {
      console.error('SEND Pathways could not mount a widget; the page keeps its own content.', error);
    });
  return mounting;
}

try {
  const placeholders = waiting();
  if (placeholders.length > 0) {
    markStarting(placeholders);
    preloadFeeds();
    await startFirst(buildFor(placeholders));
  }
  await mountNew();
  // Placeholders a CMS adds after load (tabs, accordions, "load more") mount too.
  new MutationObserver((records) => {
    const added = records.some((r) =>
      [...r.addedNodes].some(
        (n) => n.nodeType === 1 && (n.matches('[data-send-widget]') || n.querySelector('[data-send-widget]')),
      ),
    );
    if (added) mountNew();
    unmountRemoved(records);
  }).observe(document.documentElement, { childList: true, subtree: true });
} catch (error) {
  unmarkStarting(document.querySelectorAll(`[${STARTING}]`));
  console.error('SEND Pathways could not start; the page keeps its own content.', error);
}
