// The officer's editor: wires edit.html to the core's editing session compiled to wasm
// (dist/send-editor.js). What an edit does, what a field may hold, what families will see and
// what changed are all worked out by the core; this file builds the form and keeps the draft.
// Nothing is uploaded: the draft lives in this browser's localStorage.
import init, { Editor, statusChoices, contactFields, serviceFields, characterCount, longTextLimit, elementId } from './dist/send-editor.js';
import { setupSheets, openedSheets } from './edit-sheets.js';
import { setupPathways, openedPathways } from './edit-pathways.js';
import { setupLanguages, openedLanguages, besideEnglish, applyMissingFilter } from './edit-languages.js';

const DRAFT_KEY = 'send-pathways:editor-draft';
const $ = (id) => document.getElementById(id);
let editor = null;
let choices = [];
let contactBoxes = [];
let wordBoxes = [];

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function hhmm(date) {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

function make(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

function hidden(text) {
  return make('span', { class: 'visually-hidden', text });
}

// ---- The draft --------------------------------------------------------------------------

function readDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    return draft && typeof draft.original === 'string' && typeof draft.current === 'string' ? draft : null;
  } catch {
    return null;
  }
}

function saveDraft() {
  const saved = new Date();
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({
      original: editor.originalText(),
      current: editor.currentText(),
      saved: saved.toISOString(),
    }));
    $('draft-status').textContent = `Draft saved at ${hhmm(saved)}`;
  } catch (error) {
    $('draft-status').textContent = `Your draft could not be saved in this browser (${error.message}): download the feed before you close the page.`;
  }
}

// ---- Opening ----------------------------------------------------------------------------

function showOpen() {
  $('editor').hidden = true;
  $('open-section').hidden = false;
  const draft = readDraft();
  $('draft-offer').hidden = !draft;
  if (draft) {
    const saved = new Date(draft.saved);
    $('draft-offer-text').textContent =
      `You have a draft saved in this browser at ${hhmm(saved)} on ${saved.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}. Opening another feed replaces it.`;
  }
}

function openProblem(message) {
  const problem = $('open-problem');
  problem.textContent = message;
  problem.hidden = !message;
}

function start(made) {
  editor = made;
  openProblem('');
  $('open-section').hidden = true;
  $('editor').hidden = false;
  openedLanguages(editor.languages());
  buildTermly();
  formProblems.clear();
  buildFigures();
  buildUpdates();
  buildServices();
  openedSheets();
  openedPathways();
  applyMissingFilter();
  refresh();
  saveDraft();
  $('termly-heading').focus();
}

/** The draft changed outside the forms (a sheet applied): every form shows it as it is now. */
function redrawAll() {
  buildTermly();
  buildFigures();
  buildUpdates();
  buildServices();
  openedPathways();
  applyMissingFilter();
  refresh();
  saveDraft();
}

function openText(text) {
  try {
    start(Editor.open(text));
  } catch (error) {
    openProblem(`This feed cannot be opened: ${error}. The feed checker lists every problem with its line.`);
  }
}

async function openAddress() {
  const address = $('feed-address').value.trim();
  let url;
  try {
    url = new URL(address, window.location.href);
  } catch {
    openProblem('Enter the feed’s address on this site, for example feed/tower-hamlets.json');
    return;
  }
  if (url.origin !== window.location.origin) {
    openProblem('Enter the address of a feed on this site, for example feed/tower-hamlets.json. To edit a feed from elsewhere, download it and open the file.');
    return;
  }
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    openText(await response.text());
  } catch (error) {
    openProblem(`The feed at ${address} could not be opened: ${error.message}.`);
  }
}

// ---- The termly update ------------------------------------------------------------------

function fieldId(row, field) {
  return `m-${row.id}-${field}`;
}

function formGroup(...children) {
  return make('div', { class: 'form-group' }, ...children);
}

function errorSlot(id) {
  const slot = make('p', { class: 'error-message', id });
  slot.hidden = true;
  return slot;
}

function statusField(row) {
  const id = fieldId(row, 'status');
  const select = make('select', { id, 'data-edit': 'status' });
  select.append(new Option('No status recorded', ''));
  for (const choice of choices) select.append(new Option(choice.words, choice.code));
  select.value = row.status;
  return formGroup(
    make('label', { for: id }, 'Status', hidden(` of ${row.name}`)),
    errorSlot(`${id}-error`),
    select,
  );
}

function evidenceField(row) {
  const id = fieldId(row, 'evidence');
  const area = make('textarea', {
    id, rows: '3', class: 'editor-textarea', 'data-edit': 'evidence', 'aria-describedby': `${id}-hint`,
  });
  area.value = row.evidence;
  return besideEnglish(formGroup(
    make('label', { for: id }, 'Evidence', hidden(` for ${row.name}`)),
    make('p', { class: 'hint', id: `${id}-hint`, text: 'What shows the status: a report, a figure, a decision and its date.' }),
    errorSlot(`${id}-error`),
    area,
  ), row.evidence_in, { kind: 'evidence', workstream: row.workstream, action: row.action, measure: row.measure });
}

function dateField(row) {
  const base = fieldId(row, 'confirmed');
  const box = (part, label, width) => {
    const id = `${base}-${part}`;
    const input = make('input', {
      id, type: 'text', inputmode: 'numeric', class: width, 'data-edit': 'confirmed', 'data-part': part,
    });
    input.value = row.confirmed_on[part];
    return make('div', {}, make('label', { for: id, text: label }), input);
  };
  const fieldset = make(
    'fieldset',
    { role: 'group', 'aria-describedby': `${base}-hint`, id: `${base}-group` },
    make('legend', {}, 'Confirmed on', hidden(` for ${row.name}`)),
    make('p', { class: 'hint', id: `${base}-hint`, text: 'For example, 27 3 2026. Leave the day empty if you know only the month.' }),
    errorSlot(`${base}-error`),
    make('div', { class: 'date-input' },
      box('day', 'Day', 'date-input__day'),
      box('month', 'Month', 'date-input__month'),
      box('year', 'Year', 'date-input__year')),
  );
  return formGroup(fieldset);
}

function needsTag(row) {
  const tag = make('p', { class: 'needs-update' });
  if (row.needs_update) tag.append(make('strong', { class: 'tag', text: 'Needs an update' }), ` ${row.needs_update_because}`);
  return tag;
}

function familySees(row) {
  return make('p', { class: 'family-sees' }, 'What families will see: ', make('strong', { text: row.family_sees }));
}

function measureBlock(row) {
  const block = make('div', {
    class: 'measure', id: `measure-${row.id}`, 'data-workstream': String(row.workstream),
    'data-needs': String(row.needs_update),
  });
  block.leads = row.leads;
  block.where = [row.workstream, row.action, row.measure];
  block.append(
    make('h5', { text: `Measure ${row.measure + 1}` }),
    make('p', { class: 'measure__text', text: row.text }),
    make('dl', { class: 'measure__facts' },
      make('dt', { text: 'Deadline' }), make('dd', { text: row.deadline }),
      make('dt', { text: row.leads.length === 1 ? 'Lead' : 'Leads' }), make('dd', { text: row.leads.join('; ') || 'None named' })),
    needsTag(row),
    statusField(row),
    evidenceField(row),
    dateField(row),
    familySees(row),
  );
  return block;
}

function buildTermly() {
  const groups = editor.termlyUpdate(localToday());
  const leads = new Set();
  const container = $('termly');
  container.replaceChildren();
  const workstreamSelect = $('filter-workstream');
  workstreamSelect.replaceChildren(new Option('All workstreams', ''));
  groups.forEach((workstream, w) => {
    workstreamSelect.append(new Option(workstream.title, String(w)));
    const section = make('section', { class: 'workstream', 'data-workstream': String(w) }, make('h3', { text: workstream.title }));
    for (const action of workstream.actions) {
      const group = make('div', { class: 'action' },
        make('h4', { class: 'action-heading', text: `Action ${action.reference}: ${action.title}` }));
      for (const row of action.measures) {
        row.leads.forEach((lead) => leads.add(lead));
        group.append(measureBlock(row));
      }
      section.append(group);
    }
    container.append(section);
  });
  const leadSelect = $('filter-lead');
  leadSelect.replaceChildren(new Option('All leads', ''));
  for (const lead of [...leads].sort()) leadSelect.append(new Option(lead, lead));
  applyFilters();
}

function applyFilters() {
  const needs = $('filter-needs-update').checked;
  const lead = $('filter-lead').value;
  const workstream = $('filter-workstream').value;
  let shown = 0;
  let total = 0;
  for (const block of document.querySelectorAll('.measure')) {
    total += 1;
    const visible = (!needs || block.dataset.needs === 'true')
      && (!lead || block.leads.includes(lead))
      && (!workstream || block.dataset.workstream === workstream);
    block.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const group of document.querySelectorAll('.action, .workstream')) {
    group.hidden = !group.querySelector('.measure:not([hidden])');
  }
  $('filter-count').textContent = `Showing ${shown} of ${total} measures`;
}

/** Puts a row the core returned back on the page; `dates` also refreshes the date boxes. */
function showRow(row, dates) {
  const block = $(`measure-${row.id}`);
  block.dataset.needs = String(row.needs_update);
  block.querySelector('.needs-update').replaceWith(needsTag(row));
  block.querySelector('.family-sees').replaceWith(familySees(row));
  if (dates) {
    for (const part of ['day', 'month', 'year']) $(fieldId(row, `confirmed-${part}`)).value = row.confirmed_on[part];
  }
}

function edited(event) {
  const input = event.target;
  const kind = input.dataset?.edit;
  if (!kind || !editor) return;
  const [w, a, m] = input.closest('.measure').where;
  const today = localToday();
  try {
    if (kind === 'status') showRow(editor.setStatus(w, a, m, input.value, today), true);
    if (kind === 'evidence') showRow(editor.setEvidence(w, a, m, input.value, today), true);
    if (kind === 'confirmed') {
      const base = `m-${w}-${a}-${m}-confirmed`;
      showRow(editor.setConfirmedOn(w, a, m, $(`${base}-day`).value, $(`${base}-month`).value, $(`${base}-year`).value, today), false);
    }
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  refresh();
  saveDraft();
}


// ---- Figures ----------------------------------------------------------------------------

/** Problems with what was typed in an "Add a figure" form, by field id: shown at the field and
 *  in the summary until fixed; nothing is added meanwhile, so they do not block the download. */
const formProblems = new Map();

function textBox(id, label, value, props = {}, hint = '') {
  const input = make('input', { id, type: 'text', ...props, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) });
  input.value = value;
  const hintText = hint ? [make('p', { class: 'hint', id: `${id}-hint`, text: hint })] : [];
  return formGroup(make('label', { for: id }, ...label), ...hintText, errorSlot(`${id}-error`), input);
}

function figureItem(indicator, figure) {
  const where = ` of ${indicator.title}, ${figure.period}`;
  const remove = make('button', { type: 'button', class: 'secondary', 'data-figure-action': 'remove', 'data-index': String(figure.index) },
    'Remove', hidden(` the figure for ${figure.period} from ${indicator.title}`));
  return make('li', {},
    make('p', {}, make('strong', { text: figure.period })),
    textBox(`${elementId('fig', indicator.id)}-${figure.index}-value`, ['Figure', hidden(where)], figure.value,
      { inputmode: 'decimal', 'data-figure-edit': 'value', 'data-index': String(figure.index) }),
    besideEnglish(textBox(`${elementId('fig', indicator.id)}-${figure.index}-note`, ['Note (optional)', hidden(where)], figure.note,
      { 'data-figure-edit': 'note', 'data-index': String(figure.index) }),
    figure.note_in, { kind: 'figure-note', indicator: indicator.id, index: figure.index }),
    remove);
}

function addForm(indicator) {
  const base = elementId('add', indicator.id);
  const box = (part, label, width) => {
    const id = `${base}-period-${part}`;
    return make('div', {}, make('label', { for: id, text: label }), make('input', { id, type: 'text', inputmode: 'numeric', class: width }));
  };
  return make('fieldset', { class: 'add-figure' },
    make('legend', {}, 'Add a figure', hidden(` to ${indicator.title}`)),
    formGroup(make('fieldset', { role: 'group', 'aria-describedby': `${base}-period-hint`, id: `${base}-period-group` },
      make('legend', {}, 'Period', hidden(` of the new figure for ${indicator.title}`)),
      make('p', { class: 'hint', id: `${base}-period-hint`, text: 'Month and year, for example 3 2024. Leave the day empty unless the figure is for one day.' }),
      errorSlot(`${base}-period-error`),
      make('div', { class: 'date-input' }, box('day', 'Day', 'date-input__day'), box('month', 'Month', 'date-input__month'), box('year', 'Year', 'date-input__year')))),
    textBox(`${base}-value`, ['New figure', hidden(` for ${indicator.title}`)], '', { inputmode: 'decimal' },
      indicator.percent ? 'A percentage, for example 45.5' : 'A number, for example 210'),
    textBox(`${base}-note`, ['Note for the new figure (optional)', hidden(` for ${indicator.title}`)], ''),
    make('button', { type: 'button', 'data-figure-action': 'add' }, 'Add the figure', hidden(` to ${indicator.title}`)));
}

function indicatorBlock(indicator) {
  const block = make('div', { class: 'indicator-figures', id: elementId('ind', indicator.id) });
  block.indicator = indicator.id;
  const list = indicator.figures.length
    ? make('ul', { class: 'figure-list' }, ...indicator.figures.map((figure) => figureItem(indicator, figure)))
    : make('p', { text: 'No figures yet: add the first one below.' });
  const preview = make('div', { class: 'figure-preview' });
  block.append(
    make('h3', { text: indicator.title }),
    make('p', { class: 'figure-status', role: 'status', tabindex: '-1' }),
    list,
    addForm(indicator),
    make('details', {}, make('summary', {}, 'What families will see', hidden(` for ${indicator.title}`)), preview),
  );
  return block;
}

function drawPreview(block) {
  try {
    editor.renderIndicator(block.querySelector('.figure-preview'), block.indicator);
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
  }
}

function buildFigures() {
  const container = $('figures');
  container.replaceChildren();
  for (const indicator of editor.indicatorFigures()) {
    const block = indicatorBlock(indicator);
    container.append(block);
    drawPreview(block);
  }
}

function rebuildIndicator(id, message) {
  const indicator = editor.indicatorFigures().find((i) => i.id === id);
  const block = indicatorBlock(indicator);
  $(elementId('ind', id)).replaceWith(block);
  drawPreview(block);
  const status = block.querySelector('.figure-status');
  status.textContent = message;
  status.focus();
}

function figureAction(event) {
  const button = event.target.closest('[data-figure-action]');
  if (!button || !editor) return;
  const block = button.closest('.indicator-figures');
  const id = block.indicator;
  const base = elementId('add', id);
  for (const key of [...formProblems.keys()]) if (key.startsWith(`${base}-`)) formProblems.delete(key);
  try {
    if (button.dataset.figureAction === 'remove') {
      const index = Number(button.dataset.index);
      const period = editor.indicatorFigures().find((i) => i.id === id).figures[index].period;
      editor.removeFigure(id, index);
      rebuildIndicator(id, `The figure for ${period} was removed.`);
    } else {
      const value = (part) => $(`${base}-${part}`).value;
      const result = editor.addFigure(id, value('period-day'), value('period-month'), value('period-year'), value('value'), value('note'), localToday());
      if (!result.added) {
        formProblems.set(`${base}-${result.problem.part}`, result.problem.message);
        refresh();
        $(`${base}-${result.problem.part}`).focus();
        return;
      }
      rebuildIndicator(id, ['The figure was added.', ...result.warnings].join(' Warning: '));
    }
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  refresh();
  saveDraft();
}

function figureEdited(event) {
  const input = event.target;
  const kind = input.dataset?.figureEdit;
  if (!kind || !editor) return;
  const block = input.closest('.indicator-figures');
  const index = Number(input.dataset.index);
  try {
    if (kind === 'value') editor.setFigureValue(block.indicator, index, input.value);
    if (kind === 'note') editor.setFigureNote(block.indicator, index, input.value);
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  drawPreview(block);
  refresh();
  saveDraft();
}


// ---- You said, we did -------------------------------------------------------------------

function longBox(id, label, value, hint = '') {
  const area = make('textarea', { id, rows: '3', class: 'editor-textarea', ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) });
  area.value = value;
  const hintText = hint ? [make('p', { class: 'hint', id: `${id}-hint`, text: hint })] : [];
  return formGroup(make('label', { for: id }, ...label), ...hintText, errorSlot(`${id}-error`), area);
}

/** The boxes of one entry (listed with `upd-N` and its `index`, or the new one with
 *  `upd-new`, whose texts are translated once it is added). */
function entryFields(base, entry, actions, where, index = null) {
  const place = (kind) => (index === null ? null : { kind, index });
  const box = (part, label, width) => {
    const id = `${base}-date-${part}`;
    const input = make('input', { id, type: 'text', inputmode: 'numeric', class: width });
    input.value = entry.date[part];
    return make('div', {}, make('label', { for: id, text: label }), input);
  };
  const chosen = new Set(entry.actions);
  const boxes = actions.map((action, i) => {
    const id = `${base}-action-${i}`;
    const input = make('input', { id, type: 'checkbox', value: action.reference, 'data-action-ref': '' });
    input.checked = chosen.has(action.reference);
    return make('div', { class: 'checkbox' }, input, make('label', { for: id, text: `${action.reference} ${action.title}` }));
  });
  return [
    formGroup(make('fieldset', { role: 'group', 'aria-describedby': `${base}-date-hint`, id: `${base}-date-group` },
      make('legend', {}, 'Date', hidden(where)),
      make('p', { class: 'hint', id: `${base}-date-hint`, text: 'Month and year, for example 2 2024. Add the day if you know it.' }),
      errorSlot(`${base}-date-error`),
      make('div', { class: 'date-input' }, box('day', 'Day', 'date-input__day'), box('month', 'Month', 'date-input__month'), box('year', 'Year', 'date-input__year')))),
    besideEnglish(longBox(`${base}-you-said`, ['You said (optional)', hidden(where)], entry.you_said, 'What families told the council, in their words.'),
      entry.you_said_in, place('you-said')),
    besideEnglish(longBox(`${base}-we-did`, ['We did', hidden(where)], entry.we_did), entry.we_did_in, place('we-did')),
    besideEnglish(textBox(`${base}-source`, ['Source (optional)', hidden(where)], entry.source, {}, 'The document that says so, for example the SEND Improvement Board annual report 2023/24.'),
      entry.source_in, place('source')),
    make('details', {}, make('summary', {}, `Actions it belongs to (${chosen.size} chosen)`, hidden(where)),
      make('fieldset', { class: 'filters' }, make('legend', {}, 'Actions it belongs to', hidden(where)), ...boxes)),
  ];
}

function typedEntry(base) {
  const value = (part) => $(`${base}-${part}`).value;
  return {
    date: { day: value('date-day'), month: value('date-month'), year: value('date-year') },
    you_said: value('you-said'),
    we_did: value('we-did'),
    source: value('source'),
    actions: [...document.querySelectorAll(`[id^="${base}-action-"]:checked`)].map((box) => box.value),
  };
}

function buildUpdates(message = '', focus = false) {
  const { entries, actions } = editor.updates();
  const empty = { date: { day: '', month: '', year: '' }, you_said: '', we_did: '', source: '', actions: [] };
  const status = make('p', { class: 'figure-status', role: 'status', tabindex: '-1', id: 'updates-status', text: message });
  const list = make('ol', { class: 'figure-list' }, ...entries.map((entry) => {
    const where = ` of entry ${entry.index + 1}, ${entry.date_words}`;
    const item = make('li', { class: 'update-entry', 'data-index': String(entry.index) },
      make('h3', { text: `Entry ${entry.index + 1}: ${entry.date_words}` }),
      ...entryFields(`upd-${entry.index}`, entry, actions, where, entry.index),
      make('button', { type: 'button', class: 'secondary', 'data-update-action': 'remove', 'data-index': String(entry.index) },
        'Remove', hidden(` entry ${entry.index + 1}, ${entry.date_words}`)));
    return item;
  }));
  const add = make('fieldset', { class: 'add-figure' },
    make('legend', {}, 'Add an entry'),
    ...entryFields('upd-new', empty, actions, ' of the new entry'),
    make('button', { type: 'button', 'data-update-action': 'add' }, 'Add the entry'));
  $('updates').replaceChildren(status, list, add);
  if (focus) status.focus();
}

function updateAction(event) {
  const button = event.target.closest('[data-update-action]');
  if (!button || !editor) return;
  for (const key of [...formProblems.keys()]) if (key.startsWith('upd-new-')) formProblems.delete(key);
  try {
    if (button.dataset.updateAction === 'remove') {
      const index = Number(button.dataset.index);
      editor.removeUpdate(index);
      buildUpdates(`Entry ${index + 1} was removed.`, true);
    } else {
      const result = editor.addUpdate(typedEntry('upd-new'), localToday());
      if (!result.added) {
        formProblems.set(`upd-new-${result.problem.part}`, result.problem.message);
        refresh();
        $(`upd-new-${result.problem.part}`).focus();
        return;
      }
      buildUpdates('The entry was added at the end of the list.', true);
    }
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  refresh();
  saveDraft();
}

function updateEdited(event) {
  const item = event.target.closest('.update-entry');
  if (!item || !editor || event.target.dataset.translate) return;
  const index = Number(item.dataset.index);
  try {
    editor.changeUpdate(index, typedEntry(`upd-${index}`), localToday());
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  refresh();
  saveDraft();
}


// ---- Services ---------------------------------------------------------------------------

const CONTACT_HINTS = {
  phone: 'Digits and spaces, for example 020 7364 5000',
  email: 'The address alone, for example send@example.gov.uk',
  url: 'The full address, starting https://',
  note: 'For example, Monday to Friday, 9am to 5pm',
};
const LONG_WORDS = new Set(['description', 'eligibility', 'access']);

/** The note under a box whose text also has translations (issue 15 edits them side by side). */
function showNotes(service) {
  for (const slot of document.querySelectorAll(`[data-service="${service.index}"] .translation-note`)) {
    const note = service.notes.find((n) => n.field === slot.dataset.noteFor);
    slot.textContent = note ? note.message : '';
    slot.hidden = !note;
    slot.classList.toggle('translation-note--stale', Boolean(note?.stale));
  }
}

function withNote(group, id, field) {
  const note = make('p', { class: 'hint translation-note', id: `${id}-translation`, 'data-note-for': field });
  note.hidden = true;
  const control = group.querySelector('input, textarea');
  group.insertBefore(note, control);
  const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  ids.add(note.id);
  control.setAttribute('aria-describedby', [...ids].join(' '));
  return group;
}

function serviceBlock(service) {
  const where = ` for ${service.name}`;
  const words = wordBoxes.map(([code, label, hint], i) => {
    const id = `svc-${service.index}-${code}`;
    const props = { 'data-word': code };
    const group = LONG_WORDS.has(code)
      ? longBox(id, [label, hidden(where)], service.words[i], hint)
      : textBox(id, [label, hidden(where)], service.words[i], props, hint);
    group.querySelector('textarea')?.setAttribute('data-word', code);
    return besideEnglish(withNote(group, id, code), service.words_in[i], { kind: 'service', index: service.index, field: code });
  });
  const translated = {
    name: [service.contact_name_in, { kind: 'contact-name', index: service.index }],
    note: [service.contact_note_in, { kind: 'contact-note', index: service.index }],
  };
  const boxes = contactBoxes.map(([field, label], i) => besideEnglish(withNote(textBox(
    `svc-${service.index}-${field}`, [label, hidden(where)], service.contact[i],
    { 'data-contact': field, ...(field === 'phone' ? { inputmode: 'tel', autocomplete: 'off' } : {}), ...(field === 'email' ? { spellcheck: 'false' } : {}) },
    CONTACT_HINTS[field] ?? '',
  ), `svc-${service.index}-${field}`, field), ...(translated[field] ?? [])));
  const used = service.used_by.length
    ? `Used by ${service.used_by.length === 1 ? '1 place' : `${service.used_by.length} places`} in the pathways.`
    : 'Not used by any step.';
  const block = make('div', { class: 'indicator-figures service', 'data-service': String(service.index), id: `svc-${service.index}` },
    make('h3', { class: 'service-name', text: service.name }),
    make('p', { class: 'hint', text: used }),
    ...words,
    make('h4', {}, 'Contact', hidden(where)),
    ...boxes,
    make('div', { class: 'remove-check', role: 'alert' }),
    make('button', { type: 'button', class: 'secondary', 'data-service-action': 'remove' }, 'Remove this service', hidden(` (${service.name})`)));
  return block;
}

function buildServices(message = '', focus = false) {
  const all = editor.services();
  const status = make('p', { class: 'figure-status', role: 'status', tabindex: '-1', id: 'services-status', text: message });
  const add = make('fieldset', { class: 'add-figure' },
    make('legend', {}, 'Add a service'),
    textBox('svc-new-name', ['Name of the new service'], '', {}, 'You can add what it does, who it is for and its contact once it is added.'),
    make('button', { type: 'button', 'data-service-action': 'add' }, 'Add the service'));
  const blocks = all.map(serviceBlock);
  $('services').replaceChildren(status, ...blocks, add);
  for (const service of all) showNotes(service);
  if (focus) status.focus();
}

function serviceEdited(event) {
  const field = event.target.dataset?.contact;
  const word = event.target.dataset?.word;
  if ((!field && !word) || !editor) return;
  const block = event.target.closest('[data-service]');
  const index = Number(block.dataset.service);
  try {
    if (field) editor.setContactField(index, field, event.target.value);
    else editor.setServiceText(index, word, event.target.value);
    const service = editor.services()[index];
    if (word === 'service-name') block.querySelector('.service-name').textContent = service.name;
    showNotes(service);
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  refresh();
  saveDraft();
}

function serviceAction(event) {
  const button = event.target.closest('[data-service-action]');
  if (!button || !editor) return;
  const action = button.dataset.serviceAction;
  formProblems.delete('svc-new-name');
  if (action === 'add') {
    const name = $('svc-new-name').value;
    const problem = editor.addService(name);
    if (problem) {
      formProblems.set('svc-new-name', problem);
      refresh();
      $('svc-new-name').focus();
      return;
    }
    buildServices(`${name.trim()} was added at the end of the list. Add what it does and its contact.`);
    $(`svc-${editor.services().length - 1}-description`)?.focus();
    refresh();
    saveDraft();
    return;
  }
  const block = button.closest('[data-service]');
  const index = Number(block.dataset.service);
  const name = block.querySelector('.service-name').textContent;
  if (action === 'keep') {
    block.querySelector('.remove-check').replaceChildren();
    block.querySelector('[data-service-action="remove"]').focus();
    return;
  }
  const refused = editor.removeService(index, action === 'remove-everywhere');
  if (refused) {
    // Say which steps still use it, and offer to take it out of them too.
    const check = block.querySelector('.remove-check');
    check.replaceChildren(make('div', { class: 'warning-panel' },
      make('p', { text: refused }),
      make('button', { type: 'button', class: 'warning-button', 'data-service-action': 'remove-everywhere' }, 'Remove it from those places and remove the service', hidden(` (${name})`)),
      make('button', { type: 'button', class: 'secondary', 'data-service-action': 'keep' }, 'Keep the service', hidden(` (${name})`))));
    check.querySelector('button').focus();
    return;
  }
  // Steps may have changed: draw every section again, then say what happened.
  redrawAll();
  const status = $('services-status');
  status.textContent = `${name} was removed${action === 'remove-everywhere' ? ', and taken out of the steps that used it' : ''}.`;
  status.focus();
}

// ---- Character counts (GOV.UK pattern) --------------------------------------------------
// Under every long text box: the limit in its description, a visible count that follows each
// key, and a polite announcement once typing pauses (not on every key). The limit and the
// words are the core's.

const SPOKEN_AFTER_MS = 1000;

function addCount(area) {
  if (area.dataset.counted || !area.id) return;
  area.dataset.counted = 'true';
  const info = make('p', { class: 'visually-hidden', id: `${area.id}-count-info`, text: `You can enter up to ${longTextLimit()} characters` });
  const shown = make('p', { class: 'hint char-count', 'aria-hidden': 'true' });
  const spoken = make('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  area.after(info, shown, spoken);
  const ids = new Set((area.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  ids.add(info.id);
  area.setAttribute('aria-describedby', [...ids].join(' '));
  showCount(area, false);
}

function showCount(area, speak) {
  const shown = area.nextElementSibling?.nextElementSibling;
  const spoken = shown?.nextElementSibling;
  if (!shown?.classList.contains('char-count')) return;
  const words = characterCount(area.value);
  shown.textContent = words;
  shown.classList.toggle('char-count--over', words.endsWith('too many'));
  clearTimeout(area.countTimer);
  if (speak) area.countTimer = setTimeout(() => { spoken.textContent = words; }, SPOKEN_AFTER_MS);
}

function addCounts(root) {
  for (const area of root.querySelectorAll('textarea.editor-textarea')) addCount(area);
}

// ---- Checking and publishing ------------------------------------------------------------

let publication = null;

function showFieldErrors(errors) {
  for (const slot of document.querySelectorAll('#termly .error-message, #figures .error-message, #updates .error-message, #services .error-message')) {
    slot.hidden = true;
    slot.replaceChildren();
    slot.closest('.form-group')?.classList.remove('form-group--error');
  }
  for (const control of document.querySelectorAll('#termly [aria-invalid], #figures [aria-invalid], #updates [aria-invalid], #services [aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const error of errors) {
    const field = error.field && $(error.field);
    if (!field) continue;
    const group = field.closest('.form-group');
    const slot = group.querySelector('.error-message');
    if (!slot.hidden) continue;
    slot.append(hidden('Error: '), error.message);
    slot.hidden = false;
    group.classList.add('form-group--error');
    field.setAttribute('aria-invalid', 'true');
    const described = group.querySelector('fieldset') ?? field;
    const ids = new Set((described.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
    ids.add(slot.id);
    described.setAttribute('aria-describedby', [...ids].join(' '));
  }
}

function showSummary(errors) {
  const list = $('error-summary-list');
  list.replaceChildren();
  for (const error of errors) {
    if (error.field && $(error.field)) {
      const link = make('a', { href: `#${error.field}`, text: error.message });
      list.append(make('li', {}, link));
    } else {
      list.append(make('li', { text: error.message }));
    }
  }
  $('error-summary').hidden = errors.length === 0;
}

function refresh() {
  publication = editor.publish(localToday());
  const { errors, warnings } = publication.check;
  const typed = [...formProblems].map(([field, message]) => ({ field, message }));
  showFieldErrors([...errors, ...typed]);
  showSummary([...errors, ...typed]);
  $('publish-verdict').textContent = errors.length
    ? `There ${errors.length === 1 ? 'is 1 problem' : `are ${errors.length} problems`} to fix before you can download the feed. They are listed at the top of the page.`
    : `The feed passes the checks${warnings.length ? `, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} to read` : ''}. Downloading it sets "last checked" to today.`;
  $('changes').replaceChildren(...(publication.changes.length
    ? publication.changes.map((change) => make('li', { text: change }))
    : [make('li', { text: 'No changes yet.' })]));
  $('warnings-summary').textContent = `Warnings (${warnings.length})`;
  $('warnings').replaceChildren(...warnings.map((w) => make('li', { text: w.message })));
  $('download-hint').textContent = '';
}

function download() {
  refresh();
  if (!publication.text) {
    $('download-hint').textContent = 'The feed was not downloaded: fix the problems listed at the top of the page first.';
    $('error-summary').focus();
    return;
  }
  const link = make('a', { download: publication.file_name });
  link.href = URL.createObjectURL(new Blob([publication.text], { type: 'application/json' }));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  $('download-hint').textContent = `Downloaded ${publication.file_name}. Publish it on your site in place of the old feed.`;
}

// ---- Start ------------------------------------------------------------------------------

await init({ module_or_path: new URL('./dist/send-editor_bg.wasm', import.meta.url) });
choices = statusChoices();
contactBoxes = contactFields();
wordBoxes = serviceFields();
$('needs-js').hidden = true;
$('termly-heading').setAttribute('tabindex', '-1');
$('open-address').addEventListener('click', openAddress);
$('feed-file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  if (file) openText(await file.text());
});
$('drop-zone').addEventListener('dragover', (event) => event.preventDefault());
$('drop-zone').addEventListener('drop', async (event) => {
  const [file] = event.dataTransfer?.files ?? [];
  if (file) {
    event.preventDefault();
    openText(await file.text());
  }
});
$('continue-draft').addEventListener('click', () => {
  const draft = readDraft();
  if (!draft) return showOpen();
  try {
    start(Editor.resume(draft.original, draft.current));
  } catch (error) {
    openProblem(`Your draft cannot be opened: ${error}.`);
  }
});
$('discard-draft').addEventListener('click', () => {
  localStorage.removeItem(DRAFT_KEY);
  editor = null;
  showOpen();
  $('open-heading').setAttribute('tabindex', '-1');
  $('open-heading').focus();
});
$('termly').addEventListener('change', (event) => {
  if (event.target.tagName === 'SELECT') edited(event);
});
$('termly').addEventListener('input', (event) => {
  if (event.target.tagName !== 'SELECT') edited(event);
});
$('error-summary-list').addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  const field = $(link.getAttribute('href').slice(1));
  if (field) {
    event.preventDefault();
    for (const group of [field.closest('.measure'), field.closest('.action'), field.closest('.workstream')]) {
      group?.removeAttribute('hidden');
    }
    field.focus();
    field.closest('.form-group')?.scrollIntoView({ block: 'start' });
  }
});
for (const id of ['filter-needs-update', 'filter-lead', 'filter-workstream']) $(id).addEventListener('change', applyFilters);
$('download').addEventListener('click', download);
$('figures').addEventListener('click', figureAction);
$('figures').addEventListener('input', figureEdited);
$('updates').addEventListener('click', updateAction);
$('updates').addEventListener('input', updateEdited);
$('services').addEventListener('input', serviceEdited);
$('services').addEventListener('click', serviceAction);
// Every long text box, whichever section drew it, gets its count as it appears.
new MutationObserver(() => addCounts($('editor'))).observe($('editor'), { childList: true, subtree: true });
document.addEventListener('input', (event) => {
  if (event.target.matches?.('textarea[data-counted]')) showCount(event.target, true);
});
setupSheets({ editor: () => editor, today: localToday, changed: redrawAll });
setupPathways({ editor: () => editor, edited: () => { refresh(); saveDraft(); } });
setupLanguages({
  editor: () => editor,
  translated: (box, refusal) => {
    if (refusal) formProblems.set(box.id, refusal);
    else formProblems.delete(box.id);
    const service = box.closest('[data-service]');
    if (service) showNotes(editor.services()[Number(service.dataset.service)]);
    refresh();
    saveDraft();
  },
});
showOpen();
document.body.dataset.editorReady = 'true';
