// The WordPress plugin's shortcode and block output for the tracker's plan option, from the
// plugin's own PHP run by the php CLI with WordPress's real escaping, HTML filter and shortcode
// parser (plugin-output.php; the hooks and options are stubbed). Needs php and Debian's
// wordpress package, as the in-WordPress step does; no browser. The whole plugin in a running
// WordPress is in-wordpress.mjs (cargo xtask wordpress).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const HARNESS = new URL('./plugin-output.php', import.meta.url).pathname;
const FEED = 'https://council.example/wp-content/uploads/send.json';

function render(cases) {
  return JSON.parse(execFileSync('php', [HARNESS], { input: JSON.stringify(cases), encoding: 'utf8' }));
}

test('the shortcode and the block pass plan="…" to the tracker as data-plan, escaped', () => {
  const [shortcode, block, pathway, none, hostile] = render([
    { shortcode: `[send_pathways widget="tracker" feed="${FEED}" plan="priorities-2024-25"]<p>Text-only version</p>[/send_pathways]` },
    { block: { widget: 'tracker', feed: FEED, plan: 'priorities-2024-25', lang: 'bn' }, content: '<div data-send-widget="tracker"><p>Saved fallback</p></div>' },
    // A plan means nothing to the pathway widget, so it is not passed on.
    { shortcode: `[send_pathways widget="pathway" feed="${FEED}" plan="priorities-2024-25"]` },
    // No plan: the feed's current plan, and no attribute.
    { shortcode: `[send_pathways widget="tracker" feed="${FEED}"]` },
    // A hand-edited block attribute cannot break out of the attribute or add markup.
    { block: { widget: 'tracker', feed: FEED, plan: 'x" onmouseover="alert(1)<b>' }, content: '' },
  ]);
  assert.equal(shortcode, `<div data-send-widget="tracker" data-feed="${FEED}" data-plan="priorities-2024-25"><p>Text-only version</p></div>`);
  assert.equal(block, `<div class="wp-block-send-pathways-widget" data-send-widget="tracker" data-feed="${FEED}" data-plan="priorities-2024-25" data-lang="bn"><p>Saved fallback</p></div>`);
  assert.doesNotMatch(pathway, /data-plan/);
  assert.equal(none, `<div data-send-widget="tracker" data-feed="${FEED}"></div>`);
  assert.match(hostile, /data-plan="x&quot; onmouseover=&quot;alert\(1\)"/);
  assert.doesNotMatch(hostile, /<b>|onmouseover="/);
});
