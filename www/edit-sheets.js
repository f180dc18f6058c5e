// Spreadsheets in the editor (edit.html's "Spreadsheets" section): the measures and figures as
// XLSX or CSV to download, and a filled-in sheet read back. Reading a sheet changes nothing: the
// page lists what each row will change and which rows are refused and why, and only "Apply"
// changes the draft. The rows, the refusals and the files are send-core's `sheet` module (the
// same code as `sendfeed export` and `sendfeed import`), reached through the editor's wasm.

const $ = (id) => document.getElementById(id);

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

let page = null;
let pending = null;

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function list(id, items) {
  $(id).replaceChildren(...items.map(item));
  $(id).closest('.sheet-list').hidden = items.length === 0;
}

function fileProblem(message) {
  const slot = $('sheet-file-error');
  slot.replaceChildren();
  if (message) {
    const prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = 'Error: ';
    slot.append(prefix, message);
  }
  slot.hidden = !message;
  $('sheet-file-group').classList.toggle('form-group--error', Boolean(message));
  const input = $('sheet-file');
  if (message) input.setAttribute('aria-describedby', 'sheet-file-hint sheet-file-error');
  else input.setAttribute('aria-describedby', 'sheet-file-hint');
}

function forget() {
  pending?.free();
  pending = null;
  $('sheet-preview').hidden = true;
}

function download(event) {
  const button = event.target.closest('button[data-sheet]');
  if (!button) return;
  const { sheet, kind } = button.dataset;
  const editor = page.editor();
  const today = page.today();
  let bytes;
  try {
    bytes = sheet === 'measures' ? editor.measuresSheet(kind, today) : editor.figuresSheet(kind, today);
  } catch (error) {
    $('sheet-result').textContent = `The sheet could not be made: ${error}.`;
    return;
  }
  const name = `send-${sheet}-${today}.${kind}`;
  const link = document.createElement('a');
  link.download = name;
  link.href = URL.createObjectURL(new Blob([bytes], { type: TYPES[kind] }));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  $('sheet-result').textContent = `Downloaded ${name}. Fill it in, save it, then upload it below.`;
}

async function upload(event) {
  const [file] = event.target.files;
  forget();
  $('sheet-result').textContent = '';
  if (!file) return;
  let read;
  try {
    read = page.editor().readSheet(file.name, new Uint8Array(await file.arrayBuffer()), page.today());
  } catch (error) {
    fileProblem(`${file.name} cannot be read: ${error}.`);
    return;
  }
  fileProblem('');
  pending = read;
  const report = read.report();
  const changes = report.rows.flatMap((row) => row.changes.map((words) => `${row.label}: ${words}`));
  const refused = report.rows.flatMap((row) => row.reasons.map((reason) => `${row.label}: ${reason}`));
  const notes = report.rows.flatMap((row) => row.notes.map((note) => `${row.label}: ${note}`));
  $('sheet-preview-heading').textContent = `What ${file.name} will change`;
  $('sheet-summary').textContent = `${report.summary} Nothing has changed yet.`;
  list('sheet-changes', changes);
  list('sheet-refused', refused);
  list('sheet-notes', notes);
  const apply = $('sheet-apply');
  apply.hidden = report.changes === 0;
  apply.textContent = report.changes === 1 ? 'Apply this change' : `Apply these ${report.changes} changes`;
  $('sheet-nothing').hidden = report.changes !== 0;
  $('sheet-preview').hidden = false;
  $('sheet-preview-heading').focus();
}

function applySheet() {
  if (!pending) return;
  const n = pending.report().changes;
  try {
    page.editor().applySheet(pending);
  } catch (error) {
    fileProblem(`Nothing was changed: ${error}.`);
    forget();
    $('sheet-file').focus();
    return;
  }
  forget();
  $('sheet-file').value = '';
  page.changed();
  const result = $('sheet-result');
  result.textContent = `${n === 1 ? '1 change' : `${n} changes`} from the sheet made to the draft. They are listed under “What you changed”.`;
  result.focus();
}

function cancel() {
  forget();
  $('sheet-file').value = '';
  $('sheet-result').textContent = 'The sheet was not applied: nothing changed.';
  $('sheet-file').focus();
}

/** `page`: `{editor(), today(), changed()}`, the editor page's current session, today's date
 * (YYYY-MM-DD) and what to redraw once the draft changed. */
export function setupSheets(pageHooks) {
  page = pageHooks;
  $('sheet-downloads').addEventListener('click', download);
  $('sheet-file').addEventListener('change', upload);
  $('sheet-apply').addEventListener('click', applySheet);
  $('sheet-cancel').addEventListener('click', cancel);
  $('sheet-result').setAttribute('tabindex', '-1');
}

/** A feed was opened or a draft resumed: a sheet read against the old one no longer applies. */
export function openedSheets() {
  forget();
  fileProblem('');
  $('sheet-file').value = '';
  $('sheet-result').textContent = '';
}
