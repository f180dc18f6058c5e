<?php
/**
 * The plugin's PHP output without a running WordPress: WordPress's own escaping, HTML filter and
 * shortcode parser (Debian's /usr/share/wordpress: formatting.php, kses.php, shortcodes.php),
 * with the hooks and the options database stubbed (the block parser is WordPress's own too). Used
 * by plugin-output.test.mjs; prints, as JSON, the shortcode's and the block's HTML, or for a
 * `head` case the stylesheets a post of that content queues, for the cases given as JSON on
 * standard input.
 *
 * @package SendPathways
 */

define( 'ABSPATH', '/usr/share/wordpress/' );
define( 'WPINC', 'wp-includes' );
require ABSPATH . 'wp-includes/plugin.php';
require ABSPATH . 'wp-includes/formatting.php';
require ABSPATH . 'wp-includes/kses.php';
require ABSPATH . 'wp-includes/shortcodes.php';

// What a site's database and the script and block registries would give.
function get_option( $name ) {
	return 'blog_charset' === $name ? 'UTF-8' : false;
}
function wp_load_alloptions() {
	return array( 'blog_charset' => 'UTF-8' );
}
function wp_allowed_protocols() {
	// WordPress's default list (functions.php).
	return array( 'http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn' );
}
function is_multisite() {
	return false;
}
function register_block_type( $path, $args = array() ) {
	return true;
}
function wp_register_script() {
	return true;
}
$GLOBALS['send_pathways_enqueued'] = array();
function wp_enqueue_script( $handle ) {
	$GLOBALS['send_pathways_enqueued'][] = $handle;
}
function wp_register_style() {
	return true;
}
function wp_enqueue_style( $handle ) {
	$GLOBALS['send_pathways_enqueued'][] = $handle;
}
function wp_style_is( $handle, $status ) {
	return 'enqueued' === $status && in_array( $handle, $GLOBALS['send_pathways_enqueued'], true );
}
// WordPress's block parser, as blocks.php's parse_blocks() uses it (without its filter).
require ABSPATH . 'wp-includes/class-wp-block-parser.php';
function parse_blocks( $content ) {
	return ( new WP_Block_Parser() )->parse( $content );
}
// As blocks.php's has_block() reads content given as a string.
function has_block( $block_name, $content ) {
	return str_contains( $content, '<!-- wp:' . $block_name . ' ' );
}
// The post a case's `head` content is, as a single post's page would have it.
$GLOBALS['send_pathways_post'] = null;
function is_singular() {
	return null !== $GLOBALS['send_pathways_post'];
}
function get_post() {
	return $GLOBALS['send_pathways_post'];
}
function plugins_url( $path, $file ) {
	return 'https://council.example/wp-content/plugins/send-pathways/' . $path;
}

require __DIR__ . '/../../../www/integrations/wordpress/send-pathways/send-pathways.php';
do_action( 'init' );

$cases = json_decode( stream_get_contents( STDIN ), true );
$out   = array();
foreach ( $cases as $case ) {
	// The stylesheets queued for a post of this content: in the head, then by its placeholders
	// as the content renders (and by `later`'s, a widget area's, after them).
	if ( isset( $case['head'] ) ) {
		$GLOBALS['send_pathways_enqueued'] = array();
		$GLOBALS['send_pathways_post']     = (object) array( 'post_content' => $case['head'] );
		send_pathways_head_stylesheet();
		$GLOBALS['send_pathways_post'] = null;
		do_shortcode( $case['head'] );
		foreach ( parse_blocks( $case['head'] . ( isset( $case['later'] ) ? $case['later'] : '' ) ) as $block ) {
			if ( 'send-pathways/widget' === $block['blockName'] ) {
				send_pathways_render_block( $block['attrs'], $block['innerHTML'] );
			}
		}
		$out[] = array_values( array_unique( array_diff( $GLOBALS['send_pathways_enqueued'], array( 'send-pathways-loader' ) ) ) );
		continue;
	}
	if ( isset( $case['shortcode'] ) ) {
		$out[] = do_shortcode( $case['shortcode'] );
	} else {
		$out[] = send_pathways_render_block( $case['block'], $case['content'] );
	}
}
echo wp_json_encode_fallback( $out );

/** JSON without WordPress's wp_json_encode (which needs more of WordPress). */
function wp_json_encode_fallback( $value ) {
	return json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
}
