// The embed-code builder: options in, snippets and a live preview (iframe mode) out. The
// script snippet, the WordPress block and the shortcode carry the text-only version (the
// fallback for readers without JavaScript), rendered here from the feed by the core's own
// renderer (the checker build's renderFallback), exactly as `sendfeed render` prints it.
import initChecker, { renderFallback } from './dist/send-checker.js';

const $ = (id) => document.getElementById(id);
const base = new URL('.', location.href).href;
const checkerReady = initChecker();
/** The feed's text, as last loaded; '' when it could not be read. */
let feedText = '';

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** A feed text in English, or its first language: for the builder's own lists. */
const words = (text, fallback) => (typeof text === 'string' ? text : text?.en ?? Object.values(text ?? {})[0] ?? fallback);

/** "2021 to July 2024", "from September 2024": a plan's period as the feed gives it. */
function periodWords(period) {
  const when = (date) => {
    const [year, month] = String(date).split('-');
    if (!month) return year;
    const name = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${name} ${year}`;
  };
  if (period?.start && period?.end) return `${when(period.start)} to ${when(period.end)}`;
  if (period?.start) return `from ${when(period.start)}`;
  if (period?.end) return `until ${when(period.end)}`;
  return '';
}

/** How many plans (with ids) the feed lists: the plan choice shows for a tracker only when there are two or more. */
let planCount = 0;

/** The plan list: offered only when the feed has more than one plan with an id (version 2). */
function listPlans(feed) {
  const select = $('plan');
  const chosen = select.value;
  const plans = (Array.isArray(feed?.plans) ? feed.plans : []).filter((p) => typeof p?.id === 'string');
  const options = plans.map((p) => {
    const period = periodWords(p.period);
    const label = `${words(p.title, p.id)}${period ? ` (${period})` : ''}${p.lifecycle === 'closed' ? ', closed' : ''}`;
    return new Option(label, p.id, false, p.id === chosen);
  });
  select.replaceChildren(new Option('The current plan', '', false, !plans.some((p) => p.id === chosen)), ...options);
  planCount = plans.length;
}

async function loadPathways() {
  const select = $('pathway');
  const chosen = select.value;
  try {
    const response = await fetch(new URL($('feed').value, base));
    if (!response.ok) throw new Error(`the feed address answered ${response.status}`);
    feedText = await response.text();
    $('feed-error').hidden = true;
    const feed = JSON.parse(feedText);
    const pathways = feed.pathways ?? [];
    select.replaceChildren(
      ...pathways.map((p) => new Option(typeof p.title === 'string' ? p.title : p.title.en ?? p.id, p.id, false, p.id === chosen)),
    );
    listPlans(feed);
  } catch {
    feedText = '';
    $('feed-error').hidden = false;
    select.replaceChildren();
    listPlans(null);
  }
}

/** Today as YYYY-MM-DD in this browser's time zone: the day the tracker's statuses are for. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The fallback HTML for the chosen options, or a comment saying why there is none. */
async function fallbackFor(chosen) {
  if (!feedText) return '<!-- The feed could not be read: check its address above. -->';
  try {
    await checkerReady;
    return renderFallback(feedText, chosen.widget, chosen.pathway, chosen.lang, chosen.heading, today(), chosen.plan);
  } catch (error) {
    return `<!-- No text-only version: ${String(error).replaceAll('--', '- -')} -->`;
  }
}

/** A value for an HTML attribute or a block's JSON, with its quotes and markup escaped. */
const attr = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function options() {
  const widget = $('widget').value;
  const chosen = { widget, feed: $('feed').value, lang: $('lang').value, heading: $('heading').value };
  if (widget === 'pathway' && $('pathway').value) chosen.pathway = $('pathway').value;
  // Only a plan chosen here goes in the code: without one the tracker follows the feed's current plan.
  if (widget === 'tracker' && planCount > 1 && $('plan').value) chosen.plan = $('plan').value;
  return chosen;
}

function colours() {
  const defaults = { link: '#1d70b8', accent: '#1d70b8', focus: '#ffdd00' };
  const picked = {};
  for (const name of Object.keys(defaults)) {
    const value = $(`colour-${name}`).value;
    if (value !== defaults[name]) picked[name] = value;
  }
  return picked;
}

async function update() {
  const chosen = options();
  $('pathway').disabled = chosen.widget !== 'pathway';
  $('plan-row').hidden = !(chosen.widget === 'tracker' && planCount > 1);
  const picked = colours();
  const feedUrl = new URL(chosen.feed, base).href;
  const attributes = [
    `data-send-widget="${chosen.widget}"`,
    `data-feed="${attr(feedUrl)}"`,
    chosen.pathway ? `data-pathway="${attr(chosen.pathway)}"` : null,
    chosen.plan ? `data-plan="${attr(chosen.plan)}"` : null,
    chosen.lang !== 'en' ? `data-lang="${chosen.lang}"` : null,
    chosen.heading !== '2' ? `data-heading-level="${chosen.heading}"` : null,
  ].filter(Boolean);
  const fallback = await fallbackFor(chosen);
  $('script-code').value = [
    // The widget's own stylesheet, linked: the page draws the fallback styled once, where the
    // loader adding it would have the browser style and lay it out again (README, "The snippet").
    `<link rel="stylesheet" href="${base}dist/send-${chosen.widget}.css">`,
    `<script type="module" src="${base}dist/send-pathways.js"></script>`,
    `<div ${attributes.join(' ')}>`,
    fallback,
    '</div>',
  ].join('\n');
  // The WordPress block as the block editor saves it (paste into the Code editor), and the
  // shortcode for the classic editor: both hold no script; the plugin adds the loader.
  const block = { feed: feedUrl };
  if (chosen.widget !== 'pathway') block.widget = chosen.widget;
  if (chosen.pathway) block.pathway = chosen.pathway;
  if (chosen.plan) block.plan = chosen.plan;
  if (chosen.lang !== 'en') block.lang = chosen.lang;
  if (chosen.heading !== '2') block.headingLevel = Number(chosen.heading);
  const blockJson = JSON.stringify(block).replaceAll('--', '\\u002d\\u002d').replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
  $('block-code').value = [
    `<!-- wp:send-pathways/widget ${blockJson} -->`,
    `<div class="wp-block-send-pathways-widget" ${attributes.join(' ')}>${fallback}</div>`,
    '<!-- /wp:send-pathways/widget -->',
  ].join('\n');
  const shortcode = [`widget="${chosen.widget}"`, `feed="${attr(feedUrl)}"`];
  if (chosen.pathway) shortcode.push(`pathway="${attr(chosen.pathway)}"`);
  if (chosen.plan) shortcode.push(`plan="${attr(chosen.plan)}"`);
  if (chosen.lang !== 'en') shortcode.push(`lang="${chosen.lang}"`);
  if (chosen.heading !== '2') shortcode.push(`heading="${chosen.heading}"`);
  $('shortcode-code').value = `[send_pathways ${shortcode.join(' ')}]${fallback}[/send_pathways]`;
  const query = new URLSearchParams({ ...chosen, ...picked });
  const embedUrl = `${base}embed.html?${query}`;
  const title = chosen.widget === 'pathway' ? 'SEND pathway' : 'SEND improvement plan progress';
  // No width attribute (themes read width="100%" as 100 and cap the height to match); the
  // resizer sets the height, the border and the width, and takes away a theme's max-height.
  $('iframe-code').value = [
    '<div class="send-pathways-frame">',
    `  <iframe src="${attr(embedUrl)}" title="${title}" height="900" style="border: 0; width: 100%" data-send-pathways-frame></iframe>`,
    '</div>',
    `<script type="module" src="${base}dist/send-pathways-resize.js"></script>`,
  ].join('\n');
  const themeLines = Object.entries(picked).map(([name, value]) => `  --sp-${name}: ${value};`);
  $('css-code').value = [
    '/* Reserve the widget\'s space while it loads. */',
    `[data-send-widget="${chosen.widget}"] {`,
    '  display: block;',
    '  min-height: 40rem;',
    '}',
    ...(themeLines.length ? ['.sp {', ...themeLines, '}'] : []),
  ].join('\n');
  const low = Object.entries(picked).filter(([name, value]) => name !== 'focus' && contrastWithWhite(value) < 4.5);
  $('contrast').textContent = low.length
    ? `Warning: ${low.map(([n]) => n).join(' and ')} colour has contrast below 4.5 to 1 against white; choose a darker colour.`
    : '';
  const frame = $('preview');
  if (frame.getAttribute('src') !== embedUrl) frame.setAttribute('src', embedUrl);
}

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const area = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(area.value);
      $('copied').textContent = 'Copied.';
    } catch {
      area.select();
      $('copied').textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
    }
  });
}
let updating = Promise.resolve();
/** Runs updates one after another, so a slow render never overwrites a newer choice. */
function queueUpdate(reloadFeed) {
  updating = updating.then(async () => {
    document.body.dataset.builderReady = 'false';
    if (reloadFeed) await loadPathways();
    await update();
    document.body.dataset.builderReady = 'true';
  });
  return updating;
}
$('options').addEventListener('change', (event) => queueUpdate(event.target.id === 'feed'));
$('options').addEventListener('submit', (event) => event.preventDefault());
$('needs-js').hidden = true;
await queueUpdate(true);
