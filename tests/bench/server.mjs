// The bench's own static server, on 127.0.0.1 only, so the browser fetches the widgets over
// real HTTP as a council page would (Playwright's request routing would add its own overhead
// to every fetch inside the measured time).
//
//   /dist/…        the snapshot of the built snippet the run measures
//   /feed/…        www/feed/ (the sample feed)
//   /generated/…   target/bench/ (the 10× and 100× feeds and their fallback HTML)
//   /bench/…       tests/bench/page/ (the bench page's scripts)
//   /page?widgets=pathway,tracker&feed=URL&size=1x   the bench page (see benchPage)
//   /govuk/…       govuk-frontend's dist/govuk/ (the startup comparison's accordion)
//   any path in `pages`   a page made before the run (startup-pages.mjs)
//
// Every response is cross-origin isolated (COOP + COEP), which gives performance.now() its fine
// resolution for timing JSON.parse, and uncached, so every run fetches everything. Bodies go
// out compressed by Accept-Encoding (brotli at its highest level, else gzip), as a council's
// server with compression sends them, so the bytes the browser reports as transferred are
// what a family's phone downloads. Every file is compressed before the server starts
// listening (compressing is not what the bench times: done on the first request it held the
// event loop for over a second inside the measured load).
import http from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const HEADERS = {
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

/** Compressed bodies, by encoding and path: the files do not change during a run. */
const compressed = new Map();

/**
 * Brotli at its highest level, as files compressed ahead are sent; above 1 MB (the 10× to 100×
 * feeds) level 5, as a server compressing on the fly would, or warming would take minutes.
 */
function compress(encoding, body) {
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 9 });
  const quality = body.length > 1_000_000 ? 5 : 11;
  return zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/** The body and its Content-Encoding for a request that accepts `accepted`. */
function encode(accepted, key, body) {
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding || body.length < 1024) return { body, headers: {} };
  const cacheKey = `${encoding}:${key}`;
  if (!compressed.has(cacheKey)) compressed.set(cacheKey, compress(encoding, body));
  return { body: compressed.get(cacheKey), headers: { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } };
}

/** Compresses every file the pages can ask for, before the first is asked for. */
async function warm(roots) {
  for (const root of Object.values(roots)) {
    const names = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of names) {
      if (!entry.isFile() || !TYPES[path.extname(entry.name)]) continue;
      const file = path.join(root, entry.name);
      const body = await readFile(file);
      for (const encoding of ['br', 'gzip']) encode(encoding, file, body);
    }
  }
}

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A plain council-like page: a heading and text, one placeholder per widget (each with its
 * no-JS fallback for that feed size when the run wrote one), more text after them, so a widget that changed height on mount
 * would shift it. The loader is imported by page/start.mjs, which times it.
 */
function benchPage({ widgets, feed, fallbacks }) {
  const placeholders = widgets.map(
    (widget, i) => `<div data-send-widget="${escape(widget)}" data-feed="${escape(feed)}">
${fallbacks[i]}
</div>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>SEND Pathways bench: ${escape(widgets.join(' and '))}</title>
<script src="/bench/observe.js"></script>
<link rel="stylesheet" href="/dist/send-pathways.css">
</head>
<body>
<main>
<h1>Local Offer: support for families</h1>
<p>Before the widget: a paragraph of the council's own text, as on a Local Offer page.</p>
${placeholders.join('\n<p>Between the widgets: more of the council\'s text.</p>\n')}
<p id="after">After the widget: more of the council's text, which must not move when it mounts.</p>
</main>
<script type="module" src="/bench/start.mjs"></script>
</body>
</html>
`;
}

/**
 * Starts the server on a free port. `roots` maps the URL prefixes above to folders; `pages`
 * maps paths to whole HTML pages. Returns { origin, requested (Set of paths served), close() }.
 */
export async function startServer(roots, { pages = new Map() } = {}) {
  await warm(roots);
  const requested = new Set();
  const fallbacks = new Map();
  /** The no-JS fallback the bench wrote for this widget and feed size, or nothing. */
  const fallbackFor = async (widget, size) => {
    const name = `fallback-${widget}-${size}.html`;
    if (!size || !/^fallback-[a-z]+-[0-9]+x\.html$/.test(name)) return '';
    if (!fallbacks.has(name)) {
      fallbacks.set(name, await readFile(path.join(roots.generated, name), 'utf8').catch(() => ''));
    }
    return fallbacks.get(name);
  };
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    requested.add(url.pathname);
    try {
      if (pages.has(url.pathname)) {
        const out = encode(request.headers['accept-encoding'] ?? '', url.pathname, Buffer.from(pages.get(url.pathname)));
        response.writeHead(200, { ...HEADERS, ...out.headers, 'Content-Type': TYPES['.html'], 'Content-Length': out.body.length });
        response.end(out.body);
        return;
      }
      if (url.pathname === '/page') {
        const widgets = (url.searchParams.get('widgets') ?? 'pathway').split(',');
        const size = url.searchParams.get('size');
        const html = benchPage({
          widgets,
          feed: url.searchParams.get('feed') ?? '/feed/tower-hamlets.json',
          fallbacks: await Promise.all(widgets.map((widget) => fallbackFor(widget, size))),
        });
        const out = encode(request.headers['accept-encoding'] ?? '', url.href, Buffer.from(html));
        response.writeHead(200, { ...HEADERS, ...out.headers, 'Content-Type': TYPES['.html'], 'Content-Length': out.body.length });
        response.end(out.body);
        return;
      }
      const [, prefix, ...rest] = url.pathname.split('/');
      const root = roots[prefix];
      const relative = path.normalize(decodeURIComponent(rest.join('/')));
      if (!root || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error('no');
      const file = path.join(root, relative);
      const out = encode(request.headers['accept-encoding'] ?? '', file, await readFile(file));
      response.writeHead(200, {
        ...HEADERS,
        ...out.headers,
        'Content-Type': TYPES[path.extname(relative)] ?? 'application/octet-stream',
        'Content-Length': out.body.length,
      });
      response.end(out.body);
    } catch {
      response.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
