// Iframe mode: turns this page's query string into one widget placeholder, then loads the
// widgets. Tells the host page its height (postMessage) so the optional resizer can fit the
// iframe; the host checks where the message comes from.
const params = new URLSearchParams(location.search);
const main = document.getElementById('widget');

// Only these query parameters become options; the widget checks their values.
const OPTIONS = { widget: 'data-send-widget', feed: 'data-feed', pathway: 'data-pathway', plan: 'data-plan', lang: 'data-lang', heading: 'data-heading-level' };
// Theme colours from the embed-code builder: only #rgb / #rrggbb values are accepted.
const THEME = { text: '--sp-text', link: '--sp-link', accent: '--sp-accent', focus: '--sp-focus' };

const placeholder = document.createElement('div');
for (const [param, attribute] of Object.entries(OPTIONS)) {
  const value = params.get(param);
  if (value !== null) placeholder.setAttribute(attribute, value);
}
const feed = params.get('feed');
// The feed must come from this site (or be relative to it), as connect-src 'self' expects.
if (feed && new URL(feed, location.href).origin !== location.origin) {
  console.warn(`SEND Pathways: feed=${feed} is on another site; the iframe only reads feeds from ${location.origin}.`);
  placeholder.removeAttribute('data-feed');
}
for (const [param, property] of Object.entries(THEME)) {
  const value = params.get(param);
  if (value === null) continue;
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) placeholder.style.setProperty(property, value);
  else console.warn(`SEND Pathways: ${param}=${value} is not a colour like #1d70b8; using the default.`);
}
if (params.get('lang') === 'bn') document.documentElement.lang = 'bn';
const fallback = document.createElement('p');
fallback.textContent = 'Loading…';
placeholder.append(fallback);
main.append(placeholder);

function reportHeight() {
  if (window.parent !== window) {
    // The content's own height: the document's would never shrink below the iframe's.
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    window.parent.postMessage({ type: 'send-pathways:height', height }, '*');
  }
}
new ResizeObserver(reportHeight).observe(main);

await import('./dist/send-pathways.js');
