// The embed-code builder: options in, snippets and a live preview (iframe mode) out.
const $ = (id) => document.getElementById(id);
const base = new URL('.', location.href).href;

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

async function loadPathways() {
  const select = $('pathway');
  const chosen = select.value;
  try {
    const feed = await (await fetch(new URL($('feed').value, base))).json();
    const pathways = feed.pathways ?? [];
    select.replaceChildren(
      ...pathways.map((p) => new Option(typeof p.title === 'string' ? p.title : p.title.en ?? p.id, p.id, false, p.id === chosen)),
    );
  } catch {
    select.replaceChildren();
  }
}

function options() {
  const widget = $('widget').value;
  const chosen = { widget, feed: $('feed').value, lang: $('lang').value, heading: $('heading').value };
  if (widget === 'pathway' && $('pathway').value) chosen.pathway = $('pathway').value;
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

function update() {
  const chosen = options();
  $('pathway').disabled = chosen.widget !== 'pathway';
  const picked = colours();
  const feedUrl = new URL(chosen.feed, base).href;
  const attributes = [
    `data-send-widget="${chosen.widget}"`,
    `data-feed="${feedUrl}"`,
    chosen.pathway ? `data-pathway="${chosen.pathway}"` : null,
    chosen.lang !== 'en' ? `data-lang="${chosen.lang}"` : null,
    chosen.heading !== '2' ? `data-heading-level="${chosen.heading}"` : null,
  ].filter(Boolean);
  $('script-code').value = [
    `<script type="module" src="${base}dist/send-pathways.js"></script>`,
    `<div ${attributes.join(' ')}>`,
    '  <!-- the text-only version from: sendfeed render FEED --widget ' + chosen.widget + (chosen.pathway ? ` --pathway ${chosen.pathway}` : '') + ' -->',
    '</div>',
  ].join('\n');
  const query = new URLSearchParams({ ...chosen, ...picked });
  const embedUrl = `${base}embed.html?${query}`;
  const title = chosen.widget === 'pathway' ? 'SEND pathway' : 'SEND improvement plan progress';
  $('iframe-code').value = [
    `<iframe src="${embedUrl}" title="${title}" width="100%" height="900" data-send-pathways-frame></iframe>`,
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
$('options').addEventListener('change', async (event) => {
  if (event.target.id === 'feed') await loadPathways();
  update();
});
$('options').addEventListener('submit', (event) => event.preventDefault());
$('needs-js').hidden = true;
await loadPathways();
update();
document.body.dataset.builderReady = 'true';
