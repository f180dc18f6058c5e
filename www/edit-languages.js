// Languages side by side, everywhere in the editor: beside the box of each text in the feed's
// first language, one box for each other language of the feed (its `lang` set, its label naming
// the field and the language), and one "Only texts missing a translation" filter across every
// section. The feed's `languages` list decides which boxes there are; a feed in one language
// shows its one box, as before. A translation goes into the feed through the core
// (`send_core::edit::languages`), which refuses one typed before there is any English.

const $ = (id) => document.getElementById(id);

let page = null;
/** `[{code, name}]`: the feed's languages, the first the one families fall back to. */
let languages = [{ code: 'en', name: 'English' }];

function make(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

const hidden = (text) => make('span', { class: 'visually-hidden', text });

/** A language's name in English ("Bengali"), or its code when the editor has none. */
export function languageName(code) {
  return languages.find((l) => l.code === code)?.name ?? code;
}

/** The feed's language codes, in its order. */
export function languageCodes() {
  return languages.map((l) => l.code);
}

/** The note a box gets when its translation is missing: what families see instead. */
export function missingNote(code) {
  const first = languages[0].name;
  const name = languageName(code);
  return `No ${name} yet: families reading in ${name} see the ${first}.`;
}

/**
 * `group` is a text's form group in the feed's first language (label, hint, error slot, box).
 * With more languages, its label says the language and a box follows for each other one, in a
 * row; `values` are the text in each language, `place` where the core puts a translation
 * (`{kind, ...}`). One language: `group` as it is.
 */
export function besideEnglish(group, values, place) {
  if (languages.length < 2 || !place) return group;
  const control = group.querySelector('input, textarea');
  const label = group.querySelector('label');
  const [first, ...others] = languages;
  const text = label.firstChild?.nodeType === Node.TEXT_NODE ? label.firstChild : null;
  const optional = / \(optional\)$/.test(text?.textContent ?? '');
  const visible = (text?.textContent ?? '').replace(/ \(optional\)$/, '');
  const named = (name) => `${visible} (${name}${optional ? ', optional' : ''})`;
  const where = label.querySelector('.visually-hidden')?.textContent ?? '';
  if (text) text.textContent = named(first.name);
  control.setAttribute('lang', first.code);
  control.setAttribute('dir', 'auto');
  const row = make('div', { class: 'lang-row' }, group);
  let missing = false;
  others.forEach(({ code, name }) => {
    const i = languages.findIndex((l) => l.code === code);
    const id = `${control.id}-${code}`;
    const value = values?.[i] ?? '';
    const lacks = !value && Boolean(values?.[0]);
    missing ||= lacks;
    const note = lacks ? [make('p', { class: 'hint missing-translation', id: `${id}-missing`, text: missingNote(code) })] : [];
    const box = control.tagName === 'TEXTAREA'
      ? make('textarea', { id, rows: control.getAttribute('rows') ?? '3', class: 'editor-textarea' })
      : make('input', { id, type: 'text' });
    box.setAttribute('lang', code);
    box.setAttribute('dir', 'auto');
    if (note.length) box.setAttribute('aria-describedby', note[0].id);
    box.value = value;
    box.dataset.translate = JSON.stringify(place);
    box.dataset.lang = code;
    row.append(make('div', { class: `form-group${lacks ? ' missing' : ''}` },
      make('label', { for: id }, named(name), hidden(where)),
      ...note,
      make('p', { class: 'error-message', id: `${id}-error`, hidden: '' }),
      box));
  });
  if (missing) row.classList.add('has-missing');
  return row;
}

/** A translation typed: into the feed through the core, its refusal (if any) at the box. */
function translated(event) {
  const box = event.target;
  if (!box.dataset?.translate || !page.editor()) return;
  const english = box.closest('.lang-row')?.querySelector('.form-group:first-child :is(input, textarea)');
  box.closest('.form-group').classList.toggle('missing', !box.value.trim() && Boolean(english?.value.trim()));
  let refused;
  try {
    // The place as plain values: a kind, a key and up to three numbers (see TextPlace::from_parts).
    const place = JSON.parse(box.dataset.translate);
    const key = place.indicator ?? place.field ?? '';
    const numbers = place.kind === 'evidence' ? [place.workstream, place.action, place.measure] : [place.index, 0, 0];
    refused = page.editor().setTranslation(place.kind, key, ...numbers, box.dataset.lang, box.value);
  } catch (error) {
    console.error(`SEND Pathways editor: ${error}`);
    return;
  }
  page.translated(box, refused ?? '');
  countMissing();
}

/** Says how many texts are missing a translation now (a box typed in counts at once). */
export function countMissing() {
  const missing = document.querySelectorAll('#editor .lang-row .form-group.missing').length;
  $('missing-count').textContent = languages.length < 2
    ? ''
    : `${missing === 1 ? '1 text is' : `${missing} texts are`} missing a translation.`;
}

/** Shows only the texts missing a translation (and what names them), or everything. Rows are
 * marked when drawn, so a box filled in meanwhile stays in view until the filter is used again. */
export function applyMissingFilter() {
  const only = languages.length > 1 && $('filter-missing-translation').checked;
  for (const row of document.querySelectorAll('#editor .lang-row')) {
    row.classList.toggle('has-missing', Boolean(row.querySelector('.form-group.missing')));
  }
  $('editor').classList.toggle('only-missing', only);
  countMissing();
}

/** A feed was opened or a draft resumed: the languages it has, and what the editor says. */
export function openedLanguages(list) {
  languages = list.length ? list : languages;
  const [first, ...others] = languages;
  const names = (items, word) => items.map((l) => l.name).join(` ${word} `);
  $('languages-note').textContent = others.length
    ? `Each text is shown in ${names(languages, 'and')} side by side. A text left empty in ${names(others, 'or')} is shown to families in ${first.name}, marked as ${first.name} for screen readers. If you change the ${first.name} of a translated text, change its translations too: they would otherwise still say the old words.`
    : `This feed has one language, ${first.name}. To translate its texts, add the language to the feed's "languages" list; each text then shows here in every language side by side.`;
  $('missing-filter').hidden = others.length === 0;
  if (!others.length) $('filter-missing-translation').checked = false;
}

/** `pageHooks`: `{editor(), translated(box, refusal)}`: the session, and what to do once a
 * translation went in or was refused (show the refusal at the box, check, save the draft). */
export function setupLanguages(pageHooks) {
  page = pageHooks;
  $('editor').addEventListener('input', translated);
  $('filter-missing-translation').addEventListener('change', applyMissingFilter);
}
