// The WordPress plugin's shortcode and block output for the tracker's plan option, and the
// stylesheet a post links for the kinds of widget it holds, from the plugin's own PHP run by the
// php CLI with WordPress's real escaping, HTML filter, shortcode and block parsers
// (plugin-output.php; the hooks and options are stubbed). Needs php and Debian's
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

test("a post links the stylesheet of the one kind of widget it holds, the whole one for both", () => {
  const block = (widget, inner = '') =>
    `<!-- wp:send-pathways/widget ${JSON.stringify({ ...(widget ? { widget } : {}), feed: FEED })} --><div data-send-widget="${widget ?? 'pathway'}">${inner}</div><!-- /wp:send-pathways/widget -->`;
  const [pathway, tracker, classic, both, nested, escaped, none, widgetArea, widgetAreaOnly] = render([
    // The block's default kind is written as no attribute at all.
    { head: block(undefined, '<p>Saved fallback</p>') },
    { head: block('tracker') },
    { head: `[send_pathways widget="tracker" feed="${FEED}"]<p>Text-only version</p>[/send_pathways]` },
    { head: `${block('pathway')}\n[send_pathways widget="tracker" feed="${FEED}"]` },
    // A block inside a group, and a shortcode with no widget="…" (a pathway).
    { head: `<!-- wp:group --><div class="wp-block-group">${block('tracker')}</div><!-- /wp:group -->\n<p>[send_pathways feed="${FEED}"]</p>` },
    // [[send_pathways …]] is the shortcode written out as text.
    { head: `<p>Type [[send_pathways widget="tracker"]] to show the plan.</p>${block('pathway')}` },
    { head: '<p>No widget here.</p>' },
    // A widget area below a pathway post adds a tracker: the whole stylesheet, as the loader
    // looks for with both kinds on the page.
    { head: block('pathway'), later: block('tracker') },
    { head: '<p>No widget here.</p>', later: block('tracker') },
  ]);
  assert.deepEqual(pathway, ['send-pathways-pathway']);
  assert.deepEqual(tracker, ['send-pathways-tracker']);
  assert.deepEqual(classic, ['send-pathways-tracker']);
  assert.deepEqual(both, ['send-pathways']);
  assert.deepEqual(nested, ['send-pathways']);
  assert.deepEqual(escaped, ['send-pathways-pathway']);
  assert.deepEqual(none, []);
  assert.deepEqual(widgetArea, ['send-pathways-pathway', 'send-pathways']);
  assert.deepEqual(widgetAreaOnly, ['send-pathways-tracker']);
});
