// Helpers shared by the editor's browser tests (editor-sheets, editor-pathways and
// editor-other-feed): saving a download, reading and writing the CSV the export writes,
// comparing two feeds, the sheet preview's lists and the map preview's arrows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Clicks the button named `name` and saves what it downloads in `dir` (as `as`, or the
 * name the page gave it). */
export async function download(page, dir, name, as) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(dir, as ?? file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** RFC 4180 CSV, as the export writes it (quotes doubled, line breaks inside quotes). */
export function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(field); field = ''; rows.push([]); i += 1;
    } else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  if (rows.at(-1).length === 0) rows.pop();
  return rows;
}

export function writeCsv(rows) {
  const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every leaf path where `a` and `b` differ; a member present in one only is a difference. */
export function differences(a, b, path = '') {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
}

export function yesterday() {
  const d = new Date(Date.now() - 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The list under the preview's sub-heading (`Will change`, `Refused …`), item by item. */
export async function listUnder(page, heading) {
  const list = page.locator('#sheet-preview .sheet-list').filter({ has: page.getByRole('heading', { name: heading }) });
  if (!(await list.isVisible())) return [];
  return list.getByRole('listitem').allInnerTexts();
}

/** The map preview's arrows as "from → to" step ids, from where each arrow starts and ends:
 * on the bottom or side of one box and the top of another. */
export async function arrows(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#pathway-map-preview svg');
    const boxes = [...svg.querySelectorAll('.sp-map__node')].map((node) => {
      const r = node.querySelector('.sp-map__box');
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)));
      return { id: node.dataset.step, x, y, w, h };
    });
    const on = (box, [px, py], edge) => px >= box.x - 1 && px <= box.x + box.w + 1
      && (edge === 'top' ? Math.abs(py - box.y) <= 1 : py >= box.y - 1 && py <= box.y + box.h + 1);
    return [...svg.querySelectorAll('.sp-map__edge')].map((line) => {
      const points = line.getAttribute('points').trim().split(/\s+/).map((p) => p.split(',').map(Number));
      const from = boxes.find((b) => on(b, points[0], 'any'))?.id ?? '?';
      const to = boxes.find((b) => on(b, points.at(-1), 'top'))?.id ?? '?';
      return `${from} → ${to}`;
    }).sort();
  });
}
