// Bytes on the wire: raw, gzip and brotli (each at its highest level, as a CDN or a
// precompressing build would serve them) of every file the snippet loads, and of the peer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

/**
 * What the snippet loads, by the widgets on the page: the loader, the build it picks (one
 * widget's alone, or both), and that build's stylesheet (a one-widget build's is cut from the
 * whole one, which the page with both loads). The bench measures each page.
 */
const page = (build, css) => ['send-pathways.js', `${build}.js`, `${build}_bg.wasm`, css];
export const PAGES = {
  pathway: page('send-pathway', 'send-pathway.css'),
  tracker: page('send-tracker', 'send-tracker.css'),
  both: page('send-widgets', 'send-pathways.css'),
};

/**
 * The budget in issue 7: everything the snippet loads, at most 50 kB (50,000 bytes) brotli,
 * judged on the heaviest page.
 */
export const BUDGET_BROTLI_BYTES = 50_000;

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

const sum = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

async function measure(dir, files) {
  const rows = [];
  for (const file of files) {
    rows.push({ file, ...compressedSizes(await readFile(path.join(dir, file))) });
  }
  return { files: rows, total: sum(rows) };
}

/** govuk-frontend's minified JS and CSS from its npm package (tests/package.json pins it). */
async function peer() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('govuk-frontend/package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8'));
  const dir = path.join(path.dirname(manifest), 'dist/govuk');
  const measured = await measure(dir, ['govuk-frontend.min.js', 'govuk-frontend.min.css']);
  return { name: 'govuk-frontend', version, ...measured };
}

/**
 * Sizes of what the snippet loads from `dist` on each page, plus any other file under /dist/ the
 * browser asked for in this run (`alsoRequested`), counted on every page, so a new file the
 * loader starts to fetch cannot go uncounted. The total is the heaviest page's.
 */
export async function sizes(dist, alsoRequested = []) {
  const extra = alsoRequested.filter((file) => !Object.values(PAGES).some((files) => files.includes(file)));
  const files = [...new Set([...Object.values(PAGES).flat(), ...extra])];
  const ours = await measure(dist, files);
  const pages = {};
  for (const [kind, list] of Object.entries(PAGES)) {
    const loaded = [...list, ...extra];
    pages[kind] = { files: loaded, total: sum(ours.files.filter((row) => loaded.includes(row.file))) };
  }
  const [heaviest] = Object.entries(pages).sort(([, a], [, b]) => b.total.brotli - a.total.brotli)[0];
  const total = pages[heaviest].total;
  const govuk = await peer();
  return {
    budget_brotli_bytes: BUDGET_BROTLI_BYTES,
    files: ours.files,
    pages,
    heaviest_page: heaviest,
    total,
    within_budget: total.brotli <= BUDGET_BROTLI_BYTES,
    over_budget_brotli_bytes: Math.max(0, total.brotli - BUDGET_BROTLI_BYTES),
    peer: govuk,
    ratio_to_peer_brotli: round(total.brotli / govuk.total.brotli, 2),
  };
}

export const round = (value, digits = 3) =>
  value == null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));
