// The officer's feed checker: wires the page to the validator compiled to wasm.
// Everything runs in this page; nothing is uploaded.
import init, { checkFeed, renderPreview } from './dist/send-checker.js';

const $ = (id) => document.getElementById(id);
const text = $('feed-text');
const summary = $('summary');
const list = $('diagnostics');
const dateInput = $('check-date');
// What was typed is kept in this browser (never sent anywhere), so a reload loses nothing.
const TEXT_KEY = 'send-pathways:checker-text';

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Selects line `line` of the textarea and scrolls it into view. */
function goToLine(line, column) {
  const lines = text.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) start += lines[i].length + 1;
  const end = start + (lines[line - 1] ?? '').length;
  text.focus();
  text.setSelectionRange(start + Math.max(0, column - 1), end);
  const style = getComputedStyle(text);
  const lineHeight = parseFloat(style.lineHeight) || 20;
  text.scrollTop = Math.max(0, (line - 3) * lineHeight);
  // Long lines do not wrap: scroll sideways so the column is in view, a little in from the left.
  const canvas = goToLine.canvas ?? (goToLine.canvas = document.createElement('canvas'));
  const context = canvas.getContext('2d');
  context.font = style.font;
  const before = (lines[line - 1] ?? '').slice(0, Math.max(0, column - 1));
  const x = context.measureText(before).width;
  text.scrollLeft = Math.max(0, x - text.clientWidth / 3);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function showDiagnostics(result) {
  list.replaceChildren();
  for (const [i, d] of result.diagnostics.entries()) {
    const item = document.createElement('li');
    item.className = `diagnostic diagnostic--${d.severity}`;
    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'link-button';
    jump.textContent = `Line ${d.line}, column ${d.column}`;
    jump.addEventListener('click', () => goToLine(d.line, d.column));
    const severity = document.createElement('strong');
    severity.className = 'severity';
    severity.textContent = d.severity === 'error' ? 'Error' : 'Warning';
    const message = document.createElement('p');
    message.append(severity, ': ', d.message);
    const fix = document.createElement('p');
    fix.className = 'fix';
    fix.textContent = `How to fix: ${d.fix}`;
    item.append(jump, message);
    if (d.path) {
      // In words counted from 1, as the message counts; the path itself counts from 0.
      const path = document.createElement('p');
      path.className = 'path';
      path.textContent = `In ${result.places[i]} (${d.path}, which counts from 0)`;
      item.append(path);
    }
    item.append(fix);
    list.append(item);
  }
  const verdict = result.errors === 0
    ? 'the feed can be published'
    : 'fix the errors before publishing';
  summary.textContent = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}: ${verdict}.`;
}

function updatePathways() {
  const select = $('preview-pathway');
  const chosen = select.value;
  let ids = [];
  try {
    ids = (JSON.parse(text.value).pathways ?? []).map((p) => p.id).filter((id) => typeof id === 'string');
  } catch {
    return;
  }
  select.replaceChildren(...ids.map((id) => new Option(id, id, false, id === chosen)));
}

function preview() {
  const status = $('preview-status');
  const widget = $('preview-widget').value;
  $('preview-pathway').disabled = widget !== 'pathway';
  try {
    renderPreview(
      $('preview'),
      text.value,
      widget,
      widget === 'pathway' ? ($('preview-pathway').value || undefined) : undefined,
      $('preview-lang').value,
      dateInput.value || localToday(),
    );
    status.textContent = '';
    $('preview').dataset.shown = 'true';
  } catch (error) {
    // The last good preview stays, and says so, until the feed is fixed.
    status.textContent = $('preview').dataset.shown
      ? `The preview below is the last version without errors. It updates once this is fixed: ${error}.`
      : `No preview yet: ${error}.`;
  }
}

function keepText() {
  try {
    if (text.value.trim()) localStorage.setItem(TEXT_KEY, text.value);
    else localStorage.removeItem(TEXT_KEY);
  } catch {
    // Storage full or turned off: the check still runs, the text is just not kept.
  }
}

function check() {
  keepText();
  if (!text.value.trim()) {
    summary.textContent = 'Open or paste a feed to check it.';
    list.replaceChildren();
    return;
  }
  showDiagnostics(checkFeed(text.value, dateInput.value || localToday()));
  updatePathways();
  preview();
}

let timer;
function checkSoon() {
  clearTimeout(timer);
  timer = setTimeout(check, 400);
}

async function load(file) {
  text.value = await file.text();
  check();
}

await init({ module_or_path: new URL('./dist/send-checker_bg.wasm', import.meta.url) });
$('needs-js').hidden = true;
dateInput.value = localToday();
const kept = localStorage.getItem(TEXT_KEY);
if (kept) {
  text.value = kept;
  $('feed-text-hint').textContent = 'The check runs as you type. This is the text you had here last time, kept in this browser.';
  check();
}
text.addEventListener('input', checkSoon);
dateInput.addEventListener('change', check);
$('check').addEventListener('click', check);
$('feed-file').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) load(file);
});
text.addEventListener('dragover', (event) => event.preventDefault());
text.addEventListener('drop', (event) => {
  const [file] = event.dataTransfer?.files ?? [];
  if (file) {
    event.preventDefault();
    load(file);
  }
});
$('load-sample').addEventListener('click', async () => {
  const response = await fetch(new URL('./feed/tower-hamlets.json', import.meta.url));
  text.value = await response.text();
  check();
});
$('download').addEventListener('click', () => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text.value], { type: 'application/json' }));
  link.download = 'feed.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
for (const id of ['preview-widget', 'preview-pathway', 'preview-lang']) {
  $(id).addEventListener('change', preview);
}
document.body.dataset.checkerReady = 'true';
