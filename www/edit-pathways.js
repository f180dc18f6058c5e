// Pathways in the editor (edit.html's "Pathways" section): every step and stage as a form, each
// text in every language of the feed side by side, and the map and the list as families will
// see them, redrawn as the officer types. Each change is one of send-core's typed pathway edits
// (through the editor's wasm); the core refuses, in words, an edit that would leave an arrow to
// nowhere or make the steps go round in a circle, and the message is shown at the field.

import { elementId } from './dist/send-editor.js';
import { languageName, missingNote, applyMissingFilter, countMissing } from './edit-languages.js';

const $ = (id) => document.getElementById(id);

let page = null;
let form = null;
let chosen = '';

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

function pathway() {
  return form.pathways.find((p) => p.id === chosen);
}

function stepTitle(id) {
  return pathway().steps.find((s) => s.id === id)?.title[0] || id;
}

/** The error message above the field `id` (GOV.UK's place for it), empty until needed. */
function errorSlot(id) {
  const slot = make('p', { class: 'error-message', id: `${id}-error` });
  slot.hidden = true;
  return slot;
}

function showProblem(id, message) {
  const slot = $(`${id}-error`);
  if (!slot) return;
  slot.replaceChildren(...(message ? [hidden('Error: '), message] : []));
  slot.hidden = !message;
  slot.closest('.form-group')?.classList.toggle('form-group--error', Boolean(message));
  const field = $(id);
  if (field && field.tagName !== 'FIELDSET') {
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((d) => d && d !== `${id}-error`);
    if (message) described.push(`${id}-error`);
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }
}

/** One text of a step or stage in every language, side by side. */
function texts(base, values, { label, name, multiline = false, hint = '', data }) {
  const row = make('div', { class: 'lang-row' });
  let missing = false;
  form.languages.forEach((lang, i) => {
    const id = `${base}-${lang}`;
    const value = values[i] ?? '';
    const lacks = i > 0 && !value && Boolean(values[0]);
    missing ||= lacks;
    const hints = [];
    if (hint) hints.push(make('p', { class: 'hint', id: `${id}-hint`, text: hint }));
    if (lacks) {
      hints.push(make('p', { class: 'hint missing-translation', id: `${id}-missing`, text: missingNote(lang) }));
    }
    const described = hints.map((h) => h.id).join(' ') || undefined;
    const field = multiline
      ? make('textarea', { id, rows: '3', class: 'editor-textarea', lang, dir: 'auto', 'aria-describedby': described })
      : make('input', { id, type: 'text', lang, dir: 'auto', 'aria-describedby': described });
    field.value = value;
    for (const [key, v] of Object.entries({ ...data, lang })) field.dataset[key] = v;
    row.append(make('div', { class: `form-group${lacks ? ' missing' : ''}` },
      // A one-language feed's box needs no language in its name.
      make('label', { for: id }, form.languages.length > 1 ? `${label} (${languageName(lang)})` : label, hidden(` ${name}`)),
      ...hints,
      errorSlot(id),
      field));
  });
  if (missing) row.classList.add('has-missing');
  return row;
}

function select(id, label, options, value, data, hiddenLabel = '') {
  const box = make('select', { id });
  for (const [v, words] of options) box.append(new Option(words, v));
  box.value = value;
  Object.assign(box.dataset, data);
  return make('div', { class: 'form-group' }, make('label', { for: id }, label, hidden(hiddenLabel)), errorSlot(id), box);
}

function button(text, name, data, cls = 'secondary') {
  const b = make('button', { type: 'button', class: cls }, text, hidden(` ${name}`));
  Object.assign(b.dataset, data);
  return b;
}

function stageBlock(stage, index, count) {
  const base = elementId('pws', stage.id);
  const name = `stage “${stage.title[0]}”`;
  const block = make('fieldset', { class: 'pw-stage', id: base, 'data-stage': stage.id },
    make('legend', { text: `Stage ${index + 1}: ${stage.title[0]}` }),
    errorSlot(base),
    texts(`${base}-title`, stage.title, { label: 'Title', name: `of ${name}`, data: { kind: 'stage-title', stage: stage.id } }));
  const buttons = make('div', { class: 'button-row' });
  if (index > 0) buttons.append(button('Move up', name, { action: 'stage-up', stage: stage.id }));
  if (index < count - 1) buttons.append(button('Move down', name, { action: 'stage-down', stage: stage.id }));
  buttons.append(button('Remove this stage', name, { action: 'stage-remove', stage: stage.id }, 'secondary warning'));
  block.append(buttons);
  return block;
}

function stepBlock(step, index) {
  const path = pathway();
  const base = elementId('pw', step.id);
  const name = `of step “${step.title[0]}”`;
  const data = (field) => ({ kind: 'step-text', step: step.id, field });
  const heading = make('h4', { id: `${base}-heading`, tabindex: '-1', text: `Step ${index + 1}: ${step.title[0]}` });
  const block = make('section', { class: 'pw-step', 'data-step': step.id, 'aria-labelledby': `${base}-heading` }, heading);
  block.append(texts(`${base}-title`, step.title, { label: 'Title', name, data: data('title') }));
  block.append(texts(`${base}-body`, step.body, { label: 'What happens', name: `at step “${step.title[0]}”`, multiline: true, data: data('body') }));
  block.append(select(`${base}-stage`, 'Stage', path.stages.map((s) => [s.id, s.title[0]]), step.stage, { kind: 'step-stage', step: step.id }, ` ${name}`));

  const services = make('fieldset', { class: 'form-group checkbox-list', id: `${base}-services` },
    make('legend', {}, 'Services that help at this step', hidden(` (${step.title[0]})`)), errorSlot(`${base}-services`));
  for (const service of form.services) {
    const id = elementId(`${base}-svc`, service.id);
    const box = make('input', { type: 'checkbox', id, 'data-kind': 'step-services', 'data-step': step.id, value: service.id });
    box.checked = step.services.includes(service.id);
    services.append(make('div', { class: 'checkbox' }, box, make('label', { for: id, text: service.name })));
  }
  block.append(services);

  const next = make('fieldset', { class: 'form-group checkbox-list', id: `${base}-next` },
    make('legend', {}, 'Next steps', hidden(` after “${step.title[0]}”`)),
    make('p', { class: 'hint', text: 'The steps families go on to from here. Tick none if this is where the pathway ends.' }),
    errorSlot(`${base}-next`));
  const logic = make('div', { class: 'radios' });
  for (const [value, words] of [['all', 'All of these'], ['any', 'One of these (families take one)']]) {
    const id = `${base}-logic-${value}`;
    const radio = make('input', { type: 'radio', id, name: `${base}-logic`, value, 'data-kind': 'step-next', 'data-step': step.id });
    radio.checked = step.logic === value;
    logic.append(make('div', { class: 'checkbox' }, radio, make('label', { for: id, text: words })));
  }
  next.append(logic);
  for (const other of path.steps) {
    if (other.id === step.id) continue;
    const id = elementId(`${base}-next`, other.id);
    const box = make('input', { type: 'checkbox', id, 'data-kind': 'step-next', 'data-step': step.id, value: other.id });
    box.checked = step.next.includes(other.id);
    next.append(make('div', { class: 'checkbox' }, box, make('label', { for: id, text: other.title[0] })));
  }
  block.append(next);

  block.append(texts(`${base}-while-waiting`, step.while_waiting, { label: 'What families can do while waiting', name, multiline: true, hint: 'One thing a line.', data: data('while-waiting') }));
  block.append(texts(`${base}-typical-wait`, step.typical_wait, { label: 'Typical wait', name, hint: 'In words, for example “about 12 weeks”.', data: data('typical-wait') }));
  block.append(timeLimit(step, base, name, data));
  const optional = make('input', { type: 'checkbox', id: `${base}-optional`, 'data-kind': 'step-optional', 'data-step': step.id });
  optional.checked = step.optional;
  block.append(make('div', { class: 'form-group' }, errorSlot(`${base}-optional`),
    make('div', { class: 'checkbox' }, optional,
      make('label', { for: `${base}-optional` }, 'Only some families need this step (optional)', hidden(` (${step.title[0]})`)))));
  if (form.indicators.length) {
    const figures = make('fieldset', { class: 'form-group checkbox-list', id: `${base}-indicators` },
      make('legend', {}, 'Figures that show how this step is going', hidden(` (${step.title[0]})`)),
      make('p', { class: 'hint', text: 'Families see the latest of each at this step, for example the number waiting.' }),
      errorSlot(`${base}-indicators`));
    for (const indicator of form.indicators) {
      const id = elementId(`${base}-ind`, indicator.id);
      const box = make('input', { type: 'checkbox', id, 'data-kind': 'step-indicators', 'data-step': step.id, value: indicator.id });
      box.checked = step.indicators.includes(indicator.id);
      figures.append(make('div', { class: 'checkbox' }, box, make('label', { for: id, text: indicator.name })));
    }
    block.append(figures);
  }
  const ages = make('fieldset', { class: 'form-group', id: `${base}-ages`, 'aria-describedby': `${base}-ages-hint` },
    make('legend', {}, 'Ages this step is for', hidden(` (${step.title[0]})`)),
    make('p', { class: 'hint', id: `${base}-ages-hint`, text: 'In years. Leave both empty if the step is for every child on the pathway.' }),
    errorSlot(`${base}-ages`));
  for (const [part, label, value] of [['min', 'Youngest', step.min_age], ['max', 'Oldest', step.max_age]]) {
    const id = `${base}-${part}-age`;
    const input = make('input', { type: 'text', id, inputmode: 'numeric', class: 'age-input', 'data-kind': 'step-ages', 'data-step': step.id });
    input.value = value;
    ages.append(make('div', { class: 'age' }, make('label', { for: id, text: label }), input));
  }
  block.append(ages);
  block.append(texts(`${base}-audience-text`, step.audience_text, { label: 'Who this step is for, in words', name, data: data('audience-text') }));

  const buttons = make('div', { class: 'button-row' });
  const sameStage = path.steps.filter((s) => s.stage === step.stage);
  const place = sameStage.findIndex((s) => s.id === step.id);
  if (place > 0) buttons.append(button('Move up', name.replace('of ', ''), { action: 'step-up', step: step.id }));
  if (place < sameStage.length - 1) buttons.append(button('Move down', name.replace('of ', ''), { action: 'step-down', step: step.id }));
  buttons.append(button('Add a step after this one', `(after “${step.title[0]}”)`, { action: 'step-add', step: step.id }));
  buttons.append(button('Remove this step', `(“${step.title[0]}”)`, { action: 'step-remove', step: step.id }, 'secondary warning'));
  block.append(buttons, make('div', { class: 'pw-dialog', id: `${base}-dialog` }));
  return block;
}

/** The time limit in law: its words and source in each language, and its weeks and days. */
function timeLimit(step, base, name, data) {
  const numbers = make('div', { class: 'form-group', id: `${base}-limit` },
    make('p', { class: 'hint', id: `${base}-limit-hint`, text: 'As a number too, if the law gives one, so the statutory clock can count it. Leave empty if not.' }),
    errorSlot(`${base}-limit`));
  for (const [part, label, value] of [['weeks', 'Weeks', step.weeks], ['days', 'Days', step.days]]) {
    const id = `${base}-limit-${part}`;
    const input = make('input', { type: 'text', id, inputmode: 'numeric', class: 'age-input', 'data-kind': 'step-limit', 'data-step': step.id, 'aria-describedby': `${base}-limit-hint` });
    input.value = value;
    numbers.append(make('div', { class: 'age' }, make('label', { for: id }, label, hidden(` of the time limit ${name}`)), input));
  }
  return make('fieldset', { class: 'form-group pw-limit' },
    make('legend', {}, 'Time limit in law (optional)', hidden(` ${name}`)),
    texts(`${base}-time-limit-text`, step.time_limit_text, { label: 'Time limit in words', name, hint: 'For example “within 6 weeks of the request”. Leave empty if the law sets none.', data: data('time-limit-text') }),
    numbers,
    texts(`${base}-time-limit-source`, step.time_limit_source, { label: 'Where the limit comes from', name, hint: 'The Act, regulation or code of practice that sets it.', data: data('time-limit-source') }));
}

function addStageForm() {
  return make('div', { class: 'form-group add-stage' },
    make('label', { for: 'pw-new-stage', text: 'Title of a new stage' }),
    errorSlot('pw-new-stage'),
    make('input', { type: 'text', id: 'pw-new-stage' }),
    button('Add the stage', '', { action: 'stage-add' }));
}

function drawPreview() {
  // A picture of the map: its boxes do nothing here, so they stay out of the tab order and
  // the screen reader reads the list of steps below it instead.
  $('pathway-map-preview').inert = true;
  try {
    page.editor().renderPathway($('pathway-map-preview'), $('pathway-list-preview'), chosen);
    // The family widget's help says how to move with the arrow keys, which do nothing here.
    const help = $('pathway-map-preview').querySelector('.sp-map__help');
    if (help) help.textContent = 'Each box is a step, in stages from top to bottom. Arrows show what comes next; dashed arrows lead to one of several choices. This is a picture of the map families will see: here its boxes do nothing, and the list of steps says the same.';
  } catch (error) {
    $('pathway-list-preview').textContent = `The preview cannot be drawn: ${error}.`;
  }
}

/** Rebuilds the forms from the draft, then focuses `focus` (an element id) if given. */
function build(focus) {
  form = page.editor().pathwaysForm();
  const choice = $('pathway-choice');
  if (!form.pathways.some((p) => p.id === chosen)) chosen = form.pathways[0]?.id ?? '';
  choice.replaceChildren(...form.pathways.map((p) => new Option(p.title, p.id)));
  choice.value = chosen;
  $('pathway-remove').hidden = !form.pathways.length;
  const path = pathway();
  $('pathway-stages').replaceChildren();
  $('pathway-steps').replaceChildren();
  if (!path) return;
  const own = make('fieldset', { class: 'pw-stage', id: elementId('pwp', path.id) },
    make('legend', { text: 'This pathway' }),
    texts(`${elementId('pwp', path.id)}-title`, path.title_in, { label: 'Title', name: 'of the pathway', data: { kind: 'pathway-text', field: 'title' } }),
    texts(`${elementId('pwp', path.id)}-summary`, path.summary_in, { label: 'Summary', name: 'of the pathway', multiline: true, hint: 'What the pathway is for, in a sentence or two.', data: { kind: 'pathway-text', field: 'summary' } }));
  $('pathway-stages').append(
    own,
    make('h3', { text: 'Stages' }),
    ...path.stages.map((stage, i) => stageBlock(stage, i, path.stages.length)),
    addStageForm(),
  );
  $('pathway-steps').append(make('h3', { id: 'pathway-steps-heading', tabindex: '-1', text: 'Steps' }), ...path.steps.map(stepBlock));
  applyMissingFilter();
  drawPreview();
  if (focus) $(focus)?.focus();
}

function changed() {
  drawPreview();
  page.edited();
}

/** Runs one edit; its refusal goes to the field `at`. True when it went in. */
function attempt(at, edit) {
  try {
    edit(page.editor());
  } catch (error) {
    showProblem(at, String(error).replace(/^Error: /, ''));
    return false;
  }
  showProblem(at, '');
  return true;
}

function nextChosen(step) {
  const base = elementId('pw', step);
  const steps = [...document.querySelectorAll(`#${CSS.escape(`${base}-next`)} input[type=checkbox]:checked`)].map((b) => b.value);
  const logic = document.querySelector(`#${CSS.escape(`${base}-next`)} input[type=radio]:checked`)?.value ?? 'all';
  return { steps, logic };
}

function typed(event) {
  const target = event.target;
  const { kind, step, field, lang, stage } = target.dataset;
  if (lang && lang !== form.languages[0]) {
    // Still missing once emptied again; no longer once typed.
    const english = $(target.id.replace(new RegExp(`-${lang}$`), `-${form.languages[0]}`))?.value;
    target.closest('.form-group').classList.toggle('missing', !target.value.trim() && Boolean(english));
    countMissing();
  }
  if (kind === 'step-text') {
    if (attempt(target.id, (e) => e.setStepText(chosen, step, field, lang, target.value))) changed();
  } else if (kind === 'pathway-text') {
    if (attempt(target.id, (e) => e.setPathwayText(chosen, field === 'summary', lang, target.value))) {
      if (field === 'title' && lang === form.languages[0]) $('pathway-choice').selectedOptions[0].text = target.value.trim();
      changed();
    }
  } else if (kind === 'stage-title') {
    if (attempt(target.id, (e) => e.setStageTitle(chosen, stage, lang, target.value))) changed();
  } else if (kind === 'step-limit') {
    const base = elementId('pw', step);
    if (attempt(`${base}-limit`, (e) => e.setStepTimeLimit(chosen, step, $(`${base}-limit-weeks`).value, $(`${base}-limit-days`).value))) changed();
  } else if (kind === 'step-ages') {
    const base = elementId('pw', step);
    if (attempt(`${base}-ages`, (e) => e.setStepAges(chosen, step, $(`${base}-min-age`).value, $(`${base}-max-age`).value))) changed();
  }
}

function picked(event) {
  const target = event.target;
  const { kind, step } = target.dataset;
  // The dialogs' own lists (a new step's stage, what to lead to instead) wait for their button.
  if (step === undefined) return;
  const base = elementId('pw', step);
  if (kind === 'step-stage') {
    if (attempt(target.id, (e) => e.setStepStage(chosen, step, target.value))) {
      page.edited();
      build(target.id);
    }
  } else if (kind === 'step-services') {
    const ids = [...document.querySelectorAll(`#${CSS.escape(`${base}-services`)} input:checked`)].map((b) => b.value);
    if (attempt(`${base}-services`, (e) => e.setStepServices(chosen, step, ids))) changed();
  } else if (kind === 'step-optional') {
    if (attempt(`${base}-optional`, (e) => e.setStepOptional(chosen, step, target.checked))) changed();
  } else if (kind === 'step-indicators') {
    const ids = [...document.querySelectorAll(`#${CSS.escape(`${base}-indicators`)} input:checked`)].map((b) => b.value);
    if (attempt(`${base}-indicators`, (e) => e.setStepIndicators(chosen, step, ids))) changed();
  } else if (kind === 'step-next') {
    const { steps, logic } = nextChosen(step);
    if (attempt(`${base}-next`, (e) => e.setStepNext(chosen, step, logic, steps))) {
      changed();
    } else if (target.type === 'checkbox') {
      target.checked = !target.checked;
    }
  }
}

function dialog(step, ...children) {
  const box = $(`${elementId('pw', step)}-dialog`);
  box.replaceChildren(make('div', { class: 'panel' }, ...children));
  return box;
}

function offerRemove(step) {
  const s = pathway().steps.find((x) => x.id === step);
  const base = `${elementId('pw', step)}-remove`;
  const children = [make('h5', { id: `${base}-heading`, tabindex: '-1', text: `Remove “${s.title[0]}”?` })];
  if (s.led_to_from.length) {
    const names = s.led_to_from.map((id) => `“${stepTitle(id)}”`).join(' and ');
    // Not a step that leads to it: that step would lead to itself.
    const options = pathway().steps.filter((x) => x.id !== step && !s.led_to_from.includes(x.id)).map((x) => [x.id, x.title[0]]);
    options.push(['', 'Nothing: take the arrow away']);
    // Where the step itself led (the first, when it led to several), or the first choice.
    const preferred = s.next[0] ?? options[0][0];
    children.push(
      make('p', { text: `${names} ${s.led_to_from.length === 1 ? 'leads' : 'lead'} to this step. Choose what ${s.led_to_from.length === 1 ? 'it' : 'they'} should lead to instead, so no arrow points to a step that is gone.` }),
      select(`${base}-instead`, 'Lead to instead', options, preferred, {}),
    );
  } else {
    children.push(make('p', { text: 'No step leads to it. The step and its arrows go.' }));
  }
  children.push(errorSlot(base),
    button('Remove the step', '', { action: 'step-remove-confirm', step }, 'warning'),
    button('Cancel', '', { action: 'dialog-cancel', step }));
  dialog(step, ...children);
  $(`${base}-heading`).focus();
}

function offerAdd(step) {
  const s = pathway().steps.find((x) => x.id === step);
  const base = `${elementId('pw', step)}-add`;
  const options = s.next.map((id) => [id, `“${stepTitle(id)}” (the new step goes between)`]);
  options.push(['', 'Nothing yet']);
  dialog(step,
    make('h5', { id: `${base}-heading`, tabindex: '-1', text: `A new step after “${s.title[0]}”` }),
    make('div', { class: 'form-group' },
      make('label', { for: `${base}-title`, text: 'Title of the new step' }),
      errorSlot(`${base}-title`),
      make('input', { type: 'text', id: `${base}-title` })),
    select(`${base}-stage`, 'Stage', pathway().stages.map((x) => [x.id, x.title[0]]), s.stage, {}),
    select(`${base}-before`, 'It leads to', options, options[0][0], {}),
    button('Add the step', '', { action: 'step-add-confirm', step }, ''),
    button('Cancel', '', { action: 'dialog-cancel', step }));
  $(`${base}-title`).focus();
}

function clicked(event) {
  const target = event.target.closest('button[data-action]');
  if (!target) return;
  const { action, step, stage } = target.dataset;
  // Only the stage buttons name a stage.
  const stageAt = stage === undefined ? '' : elementId('pws', stage);
  const structural = (at, edit, focus) => {
    if (attempt(at, edit)) {
      page.edited();
      build(focus);
    }
  };
  switch (action) {
    case 'step-up':
    case 'step-down':
      structural(`${elementId('pw', step)}-next`, (e) => e.moveStep(chosen, step, action === 'step-up'), `${elementId('pw', step)}-heading`);
      break;
    case 'step-remove': offerRemove(step); break;
    case 'step-add': offerAdd(step); break;
    case 'dialog-cancel':
      $(`${elementId('pw', step)}-dialog`).replaceChildren();
      $(`${elementId('pw', step)}-heading`).focus();
      break;
    case 'step-remove-confirm': {
      const instead = $(`${elementId('pw', step)}-remove-instead`)?.value || undefined;
      const after = pathway().steps.find((s) => s.next.includes(step))?.id;
      structural(`${elementId('pw', step)}-remove`, (e) => e.removeStep(chosen, step, instead), 'pathway-steps-heading');
      if (!pathway().steps.some((s) => s.id === step)) {
        const to = instead ?? after;
        $('pathway-problem').hidden = true;
        (to && $(`${elementId('pw', to)}-heading`) ? $(`${elementId('pw', to)}-heading`) : document.querySelector('#pathway-steps h4'))?.focus();
      }
      break;
    }
    case 'step-add-confirm': {
      const base = `${elementId('pw', step)}-add`;
      const before = $(`${base}-before`).value || undefined;
      const known = new Set(pathway().steps.map((s) => s.id));
      if (attempt(`${base}-title`, (e) => e.addStep(chosen, $(`${base}-title`).value, $(`${base}-stage`).value, step, before))) {
        page.edited();
        build();
        const added = pathway().steps.find((s) => !known.has(s.id));
        if (added) $(`${elementId('pw', added.id)}-heading`)?.focus();
      }
      break;
    }
    case 'stage-up':
    case 'stage-down':
      structural(stageAt, (e) => e.moveStage(chosen, stage, action === 'stage-up'), undefined);
      $(elementId('pws', stage))?.querySelector('button')?.focus();
      break;
    case 'stage-remove':
      structural(stageAt, (e) => e.removeStage(chosen, stage), 'pw-new-stage');
      break;
    case 'stage-add':
      structural('pw-new-stage', (e) => e.addStage(chosen, $('pw-new-stage').value), 'pw-new-stage');
      break;
    default:
  }
}

/** Asks before a whole pathway goes, saying what else it would affect. */
function offerRemovePathway() {
  const path = pathway();
  if (!path) return;
  const steps = path.steps.length === 1 ? '1 step' : `${path.steps.length} steps`;
  $('pathway-dialog').replaceChildren(make('div', { class: 'panel warning-panel' },
    make('h3', { id: 'pathway-remove-heading', tabindex: '-1', text: `Remove “${path.title}”?` }),
    make('p', { text: `Its ${steps} and stages go with it. Nothing else in the feed leads into it, so no arrow or service is left pointing at it. A page on your site that shows it by its id (data-pathway="${path.id}") will no longer find it: change that page too.` }),
    button('Remove the pathway', `“${path.title}”`, { action: 'pathway-remove-confirm' }, 'warning'),
    button('Keep it', '', { action: 'pathway-keep' })));
  $('pathway-remove-heading').focus();
}

function managed(event) {
  const target = event.target.closest('button[data-action]');
  if (!target) return;
  switch (target.dataset.action) {
    case 'pathway-remove': offerRemovePathway(); break;
    case 'pathway-keep':
      $('pathway-dialog').replaceChildren();
      $('pathway-remove').focus();
      break;
    case 'pathway-remove-confirm': {
      const { title } = pathway();
      if (attempt('pathway-remove', (e) => e.removePathway(chosen))) {
        chosen = '';
        $('pathway-dialog').replaceChildren();
        page.edited();
        build();
        $('pathway-status').textContent = `“${title}” was removed.`;
        $('pathway-choice').focus();
      }
      break;
    }
    case 'pathway-add': {
      const known = new Set(form.pathways.map((p) => p.id));
      const value = (id) => $(id).value;
      let refusal = '';
      try {
        page.editor().addPathway(value('pw-new-pathway'), value('pw-new-pathway-stage'), value('pw-new-pathway-step'));
      } catch (error) {
        refusal = String(error).replace(/^Error: /, '');
      }
      // Each refusal at the box it is about.
      const at = /first stage/.test(refusal) ? 'pw-new-pathway-stage' : /first step/.test(refusal) ? 'pw-new-pathway-step' : 'pw-new-pathway';
      for (const id of ['pw-new-pathway', 'pw-new-pathway-stage', 'pw-new-pathway-step']) showProblem(id, id === at ? refusal : '');
      if (refusal) {
        $(at).focus();
      } else {
        for (const id of ['pw-new-pathway', 'pw-new-pathway-stage', 'pw-new-pathway-step']) $(id).value = '';
        page.edited();
        chosen = page.editor().pathwaysForm().pathways.find((p) => !known.has(p.id))?.id ?? chosen;
        build();
        $('pathway-status').textContent = `“${pathway()?.title}” was added at the end of the list. Its stage and step are below: add what happens, the services and more steps.`;
        $('pathway-choice').focus();
      }
      break;
    }
    default:
  }
}

/** `page`: `{editor(), edited()}`: the current session, and what to do once the draft changed
 * (check it, list the changes, save the draft). */
export function setupPathways(pageHooks) {
  page = pageHooks;
  for (const id of ['pathway-stages', 'pathway-steps']) {
    $(id).addEventListener('input', (event) => {
      if (event.target.type === 'text' || event.target.tagName === 'TEXTAREA') typed(event);
    });
    $(id).addEventListener('change', (event) => {
      if (event.target.tagName === 'SELECT' || event.target.type === 'checkbox' || event.target.type === 'radio') picked(event);
    });
    $(id).addEventListener('click', clicked);
  }
  $('pathway-choice').addEventListener('change', (event) => {
    chosen = event.target.value;
    $('pathway-dialog').replaceChildren();
    build();
  });
  $('pathway-manage').addEventListener('click', managed);
}

/** A feed was opened, a draft resumed or changed outside this section: draw it again. */
export function openedPathways() {
  build();
}
