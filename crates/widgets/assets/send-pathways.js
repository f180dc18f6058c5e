// SEND Pathways loader: the one script an editor adds to a page.
//
// It finds its wasm next to itself (import.meta.url), so the snippet works from any path or host,
// then mounts every placeholder. If anything fails, the placeholders keep their fallback HTML and
// the cause goes to the console for the editor.
import init, { mountAll } from './send-widgets.js';

try {
  await init({ module_or_path: new URL('send-widgets_bg.wasm', import.meta.url) });
  await mountAll();
} catch (error) {
  console.error('SEND Pathways could not start; the page keeps its own content.', error);
}
