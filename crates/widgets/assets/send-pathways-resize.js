// Optional host-page script for iframe mode: fits each SEND Pathways iframe to its content.
// Add `data-send-pathways-frame` to the iframe. Heights are only accepted from that iframe's own
// window and origin, and only as a number within sensible bounds.
//
// Themes size iframes too: Twenty Twenty-One's responsive-embeds.js, for one, reads the width
// and height attributes as a video's proportions and caps `max-height` to match (on load and on
// every window resize), which cuts a long pathway off. So this script sets the height itself, as
// a style and as the attribute, and takes away any `max-height` a theme puts on the frame, then
// and whenever the theme sets it again. It also gives the frame no border and the width of its
// container, which a strict CSP would stop an inline style attribute from doing.
const MAX_HEIGHT = 20000;

/** Frames this script has taken charge of. */
const managed = new WeakSet();
const unCap = new MutationObserver((records) => {
  for (const { target } of records) {
    if (target.style.maxHeight && target.style.maxHeight !== 'none') target.style.maxHeight = 'none';
  }
});

function manage(frame) {
  if (managed.has(frame)) return;
  managed.add(frame);
  frame.style.border = '0';
  frame.style.width = '100%';
  frame.style.maxWidth = '100%';
  frame.style.maxHeight = 'none';
  unCap.observe(frame, { attributes: true, attributeFilter: ['style'] });
}

const frames = () => document.querySelectorAll('iframe[data-send-pathways-frame]');
for (const frame of frames()) manage(frame);
new MutationObserver(() => {
  for (const frame of frames()) manage(frame);
}).observe(document.documentElement, { childList: true, subtree: true });

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'send-pathways:height' || !Number.isFinite(data.height)) return;
  for (const frame of frames()) {
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    manage(frame);
    const height = String(Math.min(Math.max(Math.round(data.height), 100), MAX_HEIGHT));
    frame.height = height;
    frame.style.height = `${height}px`;
    frame.style.maxHeight = 'none';
  }
});
