// Compares two bench reports key by key: `node bench/compare.mjs OLD.json NEW.json`.
// Works on the flat `metrics` map, whose keys stay the same from run to run.
import { readFile } from 'node:fs/promises';

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error('usage: node bench/compare.mjs OLD.json NEW.json');
  process.exit(2);
}
const [before, after] = await Promise.all(
  [oldPath, newPath].map(async (p) => JSON.parse(await readFile(p, 'utf8')).metrics),
);
const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
const width = Math.max(...keys.map((k) => k.length));
for (const key of keys) {
  const a = before[key];
  const b = after[key];
  const change = typeof a === 'number' && typeof b === 'number' && a !== 0 ? `${(((b - a) / a) * 100).toFixed(1)}%` : '';
  console.log(`${key.padEnd(width)}  ${String(a ?? '–').padStart(12)}  ${String(b ?? '–').padStart(12)}  ${change.padStart(8)}`);
}
