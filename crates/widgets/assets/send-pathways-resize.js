// Optional host-page script for iframe mode: fits each SEND Pathways iframe to its content.
// Add `data-send-pathways-frame` to the iframe. Heights are only accepted from that iframe's own
// window and origin, and only as a number within sensible bounds.
const MAX_HEIGHT = 20000;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'send-pathways:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-send-pathways-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    frame.height = String(Math.min(Math.max(Math.round(data.height), 100), MAX_HEIGHT));
  }
});
