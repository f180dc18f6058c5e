// Bytes on the wire: raw, gzip and brotli (each at its highest level, as a CDN or a
// precompressing build would serve them) of every file the snippet loads, and of the peer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

/** The files the snippet loads: the loader, the glue it imports, the wasm and the CSS. */
export const SNIPPET_FILES = [
  'send-pathways.js',
  'send-widgets.js',
  'send-widgets_bg.wasm',
  'send-pathways.css',
];

/** The budget in issue 7: everything the snippet loads, at most 50 kB (50,000 bytes) brotli. */
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
 * Sizes of the snippet in `dist`, plus any other file under /dist/ the browser asked for in
 * this run (`alsoRequested`), so a new file the loader starts to fetch cannot go uncounted.
 */
export async function sizes(dist, alsoRequested = []) {
  const files = [...new Set([...SNIPPET_FILES, ...alsoRequested])];
  const ours = await measure(dist, files);
  const govuk = await peer();
  return {
    budget_brotli_bytes: BUDGET_BROTLI_BYTES,
    files: ours.files,
    total: ours.total,
    within_budget: ours.total.brotli <= BUDGET_BROTLI_BYTES,
    over_budget_brotli_bytes: Math.max(0, ours.total.brotli - BUDGET_BROTLI_BYTES),
    peer: govuk,
    ratio_to_peer_brotli: round(ours.total.brotli / govuk.total.brotli, 2),
  };
}

export const round = (value, digits = 3) =>
  value == null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));
