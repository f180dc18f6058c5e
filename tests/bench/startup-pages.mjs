// The two pages of the startup comparison (issue 20, item 8), generated from the demo page's
// no-JavaScript fallback, which `crates/cli/tests/demo_fallback.rs` keeps equal to what the
// core renders from the sample feed. So both pages hold the same nine steps of the autism
// pathway, word for word, and nothing here types their content:
//
// - ours: the loader alone on a plain page (the placeholder as www/index.html has it, with
//   its fallback); the loader adds the widget's stylesheet itself, as it does for an editor
//   who pastes only the script;
// - ours_linked: the README's snippet: the same with the widget's stylesheet linked right
//   before the placeholder, where an editor pasting into a page's content puts it: the
//   difference is what the loader's adding the stylesheet costs inside the window;
// - accordion: GOV.UK Frontend's accordion as its documentation sets it up (its stylesheet in
//   the head, `govuk-frontend-supported` on the body, `initAll()` from its module), one
//   section per step: the step's title as the heading, its stage as the summary, and the
//   step's panel (body, services, what comes next) as the content.
//
// Both pages start their script the same way (page/startup-*.mjs) and leave marks the driver
// reads after the run (startup.mjs).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const START = '<!-- sendfeed:fallback pathway autism -->';
const END = '<!-- /sendfeed:fallback -->';

/** The demo page's pathway placeholder: its opening tag and the fallback inside it. */
export async function demoPlaceholder(root) {
  const page = await readFile(path.join(root, 'www/index.html'), 'utf8');
  const open = /<div data-send-widget="pathway"[^>]*>/.exec(page);
  const from = page.indexOf(START);
  const to = page.indexOf(END, from);
  if (!open || from < 0 || to < 0) throw new Error('www/index.html: no pathway placeholder with its fallback markers');
  return { open: open[0], fallback: page.slice(from + START.length, to).trim() };
}

/**
 * The fallback's title, lead, steps (title, stage and panel HTML) and what follows the list,
 * read from the renderer's own markup; throws if that markup no longer has the shape read here.
 */
export function fallbackSteps(fallback) {
  const text = (re, what) => {
    const found = re.exec(fallback);
    if (!found) throw new Error(`the pathway fallback has no ${what}`);
    return found[1];
  };
  const stages = [...fallback.matchAll(/<div class="sp-stage"[^>]*>\s*<h3 class="sp-stage__title">(.*?)<\/h3>/g)].map(
    (m) => ({ at: m.index, title: m[1] }),
  );
  const starts = [...fallback.matchAll(/<li class="sp-step(?: [^"]*)?"[^>]*>/g)].map((m) => m.index);
  const steps = starts.map((at, i) => {
    const chunk = fallback.slice(at, starts[i + 1] ?? fallback.length);
    const title = /<span class="sp-step__title">(.*?)<\/span>/.exec(chunk);
    const panel = /<div class="sp-step__panel"[^>]*>/.exec(chunk);
    const close = chunk.lastIndexOf('</div></li>');
    if (!title || !panel || close < panel.index) throw new Error(`step ${i + 1} of the pathway fallback has no title or panel`);
    return {
      title: title[1],
      stage: stages.filter((s) => s.at < at).at(-1)?.title ?? '',
      panel: chunk.slice(panel.index + panel[0].length, close),
    };
  });
  if (steps.length === 0) throw new Error('the pathway fallback has no steps');
  const help = /<div class="sp-help">([\s\S]*?)<\/div><p class="sp-updated">/.exec(fallback);
  return {
    title: text(/<h2[^>]*class="sp-title"[^>]*>(.*?)<\/h2>/, 'title'),
    lead: text(/<p class="sp-lead">(.*?)<\/p>/, 'lead'),
    audience: text(/<p class="sp-audience">(.*?)<\/p>/, 'audience'),
    steps,
    help: help?.[1] ?? '',
    updated: text(/<p class="sp-updated">(.*?)<\/p>/, '"last checked" line'),
  };
}

/** Our markup in GOV.UK's classes: the renderer's classes go, paragraphs and lists get theirs. */
const govukContent = (html) =>
  html
    .replace(/ class="sp-[^"]*"/g, '')
    .replace(/<p>/g, '<p class="govuk-body">')
    .replace(/<ul>/g, '<ul class="govuk-list govuk-list--bullet">')
    .replace(/<dl>/g, '<dl class="govuk-body">')
    .replace(/<a href/g, '<a class="govuk-link" href');

const head = (title, extra) => `<!doctype html>
<html lang="en"${extra.html ?? ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${extra.head ?? ''}</head>`;

const INTRO = `<h1>Local Offer: support for families</h1>
<p>Before the steps: a paragraph of the council's own text, as on a Local Offer page.</p>`;
const OUTRO = `<p id="after">After the steps: more of the council's text.</p>`;

/**
 * The loader (started by page/startup-ours.mjs) and the placeholder; with `linked`, the
 * README's snippet: the pathway's stylesheet linked right before the placeholder (the loader
 * then adds none).
 */
export function oursPage({ open, fallback }, { linked = false } = {}) {
  const stylesheet = linked ? '<link rel="stylesheet" href="/dist/send-pathway.css">\n' : '';
  return `${head('Startup bench: SEND Pathways pathway widget', {})}
<body>
<main>
${INTRO}
${stylesheet}${open}
${fallback}
</div>
${OUTRO}
</main>
<script type="module" src="/bench/startup-ours.mjs"></script>
</body>
</html>
`;
}

/** GOV.UK Frontend's accordion holding the same steps, set up as its documentation says. */
export function accordionPage({ fallback }) {
  const pathway = fallbackSteps(fallback);
  const sections = pathway.steps.map(
    (step, i) => `<div class="govuk-accordion__section">
<div class="govuk-accordion__section-header">
<h3 class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="steps-heading-${i + 1}">${step.title}</span></h3>
<div class="govuk-accordion__section-summary govuk-body" id="steps-summary-${i + 1}">${step.stage}</div>
</div>
<div id="steps-content-${i + 1}" class="govuk-accordion__section-content">${govukContent(step.panel)}</div>
</div>`,
  );
  return `${head('Startup bench: GOV.UK Frontend accordion', {
    html: ' class="govuk-template"',
    head: '<link rel="stylesheet" href="/govuk/govuk-frontend.min.css">\n',
  })}
<body class="govuk-template__body">
<script src="/bench/govuk-supported.js"></script>
<div class="govuk-width-container">
<main class="govuk-main-wrapper">
${INTRO}
<section aria-labelledby="steps-title">
<h2 class="govuk-heading-l" id="steps-title">${pathway.title}</h2>
<p class="govuk-body-l">${pathway.lead}</p>
<p class="govuk-body">${pathway.audience}</p>
<div class="govuk-accordion" data-module="govuk-accordion" id="steps">
${sections.join('\n')}
</div>
${govukContent(pathway.help)}
<p class="govuk-body">${pathway.updated}</p>
</section>
${OUTRO}
</main>
</div>
<script type="module" src="/bench/startup-accordion.mjs"></script>
</body>
</html>
`;
}

/** Both pages, by the path the bench's server serves them at. */
export async function startupPages(root) {
  const placeholder = await demoPlaceholder(root);
  return new Map([
    // At the top, as www/index.html is, so the placeholder's relative feed address still works.
    ['/startup-ours', oursPage(placeholder)],
    ['/startup-accordion', accordionPage(placeholder)],
    ['/startup-ours-linked', oursPage(placeholder, { linked: true })],
  ]);
}
