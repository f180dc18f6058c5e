<?php
/**
 * Plugin Name:       SEND Pathways
 * Description:       SEND pathway maps and improvement-plan progress from your council's feed: a block and a shortcode any editor can use, with a text-only version saved in the page for readers without JavaScript.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 * Text Domain:       send-pathways
 *
 * @package SendPathways
 */

defined( 'ABSPATH' ) || exit;

/**
 * The release files the plugin carries (hashed names and integrity hashes), as
 * `cargo xtask dist` wrote them into assets/release.json.
 *
 * @return array<string, string>
 */
function send_pathways_release() {
	static $release = null;
	if ( null === $release ) {
		$release = array();
		$file    = __DIR__ . '/assets/release.json';
		if ( is_readable( $file ) ) {
			// A file of the plugin itself, not a remote address.
			$decoded = json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			if ( is_array( $decoded ) ) {
				$release = $decoded;
			}
		}
	}
	return $release;
}

/**
 * The address of one release file served from the plugin, by its unhashed name.
 *
 * @param string $name For example `send-pathways.js`.
 * @return string The URL, or '' if the release has no such file.
 */
function send_pathways_asset_url( $name ) {
	$release = send_pathways_release();
	if ( empty( $release['files'][ $name ]['file'] ) ) {
		return '';
	}
	return plugins_url( 'assets/' . $release['files'][ $name ]['file'], __FILE__ );
}

/**
 * Registers the block, the shortcode and the loader's script handle.
 */
function send_pathways_init() {
	$loader = send_pathways_asset_url( 'send-pathways.js' );
	if ( '' !== $loader ) {
		// Enqueued only by a block or shortcode as it renders: pages without a widget get nothing.
		wp_register_script( 'send-pathways-loader', $loader, array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the file name carries a content hash.
	}
	// The whole stylesheet (both widgets' rules) and each widget's own (the rules both use and
	// its own): a page with one kind of widget links only that kind's, about a third smaller.
	foreach ( send_pathways_stylesheets() as $handle => $name ) {
		$stylesheet = send_pathways_asset_url( $name );
		if ( '' !== $stylesheet ) {
			wp_register_style( $handle, $stylesheet, array(), null ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the file name carries a content hash.
		}
	}
	register_block_type(
		__DIR__ . '/block.json',
		array( 'render_callback' => 'send_pathways_render_block' )
	);
	add_shortcode( 'send_pathways', 'send_pathways_shortcode' );
}
add_action( 'init', 'send_pathways_init' );

/**
 * The stylesheets' handles and their release files' names: the whole one, then each kind's.
 *
 * @return array<string, string>
 */
function send_pathways_stylesheets() {
	return array(
		'send-pathways'         => 'send-pathways.css',
		'send-pathways-pathway' => 'send-pathway.css',
		'send-pathways-tracker' => 'send-tracker.css',
	);
}

/**
 * The stylesheet's handle for the kinds of widget a page holds: a kind's own when it holds one
 * kind, else the whole one. The loader adds none when the page links either the build's own
 * stylesheet or the whole one.
 *
 * @param string[] $kinds 'pathway' and 'tracker', each at most once.
 * @return string
 */
function send_pathways_stylesheet_for( $kinds ) {
	return 1 === count( $kinds ) ? 'send-pathways-' . $kinds[0] : 'send-pathways';
}

/**
 * The kinds of widget a post's content holds ('pathway', 'tracker'), from its blocks (nested
 * ones too) and its shortcodes, each read as its placeholder will be.
 *
 * @param string $content The post's content as saved.
 * @return string[]
 */
function send_pathways_kinds( $content ) {
	$kinds = array();
	// Every page view of the site asks: parse the blocks only of content that has the block.
	$blocks = has_block( 'send-pathways/widget', $content ) ? parse_blocks( $content ) : array();
	while ( $blocks ) {
		$block = array_shift( $blocks );
		if ( 'send-pathways/widget' === $block['blockName'] ) {
			$kinds[] = send_pathways_placeholder_attributes( (array) $block['attrs'] )['data-send-widget'];
		}
		if ( ! empty( $block['innerBlocks'] ) ) {
			$blocks = array_merge( $blocks, $block['innerBlocks'] );
		}
	}
	if ( has_shortcode( $content, 'send_pathways' ) ) {
		preg_match_all( '/' . get_shortcode_regex( array( 'send_pathways' ) ) . '/', $content, $matches, PREG_SET_ORDER );
		foreach ( $matches as $match ) {
			// [[send_pathways]] is the shortcode written out as text, not a widget.
			if ( '[' === $match[1] && ']' === $match[6] ) {
				continue;
			}
			$atts    = shortcode_parse_atts( $match[3] );
			$kinds[] = send_pathways_placeholder_attributes( is_array( $atts ) ? $atts : array() )['data-send-widget'];
		}
	}
	return array_values( array_unique( $kinds ) );
}

/**
 * Whether a stylesheet is queued for this page or already printed.
 *
 * @param string $handle The style's handle.
 * @return bool
 */
function send_pathways_style_on( $handle ) {
	return wp_style_is( $handle, 'enqueued' ) || wp_style_is( $handle, 'done' );
}

/**
 * Links the widgets' stylesheet in the head of a post or page whose content has the block or the
 * shortcode, so the browser draws the text-only version styled once: added later by the loader,
 * it has the whole text-only version styled and laid out a second time while the widget starts.
 * The stylesheet of the one kind of widget the content holds, or the whole one for both kinds;
 * the loader then adds none.
 */
function send_pathways_head_stylesheet() {
	$post  = is_singular() ? get_post() : null;
	$kinds = $post ? send_pathways_kinds( (string) $post->post_content ) : array();
	if ( $kinds ) {
		wp_enqueue_style( send_pathways_stylesheet_for( $kinds ) );
	}
}
add_action( 'wp_enqueue_scripts', 'send_pathways_head_stylesheet' );

/**
 * Tells the block editor script where the renderer (the officer's checker build) is.
 */
function send_pathways_editor_settings() {
	$handle = generate_block_asset_handle( 'send-pathways/widget', 'editorScript' );
	wp_localize_script(
		$handle,
		'sendPathwaysBlock',
		array(
			'rendererGlue' => send_pathways_asset_url( 'send-checker.js' ),
			'rendererWasm' => send_pathways_asset_url( 'send-checker_bg.wasm' ),
			'sampleFeed'   => plugins_url( 'assets/tower-hamlets.json', __FILE__ ),
		)
	);
}
add_action( 'enqueue_block_editor_assets', 'send_pathways_editor_settings' );

/**
 * The loader is an ES module, checked by its Subresource Integrity hash (which covers every file
 * it loads).
 *
 * @param string $tag    The script tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function send_pathways_module_tag( $tag, $handle, $src ) {
	if ( 'send-pathways-loader' !== $handle ) {
		return $tag;
	}
	$release   = send_pathways_release();
	$integrity = isset( $release['files']['send-pathways.js']['integrity'] ) ? $release['files']['send-pathways.js']['integrity'] : '';
	// phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- this is the enqueued script's own tag.
	return sprintf(
		'<script type="module" src="%s" integrity="%s" crossorigin="anonymous"></script>' . "\n",
		esc_url( $src ),
		esc_attr( $integrity )
	);
}
add_filter( 'script_loader_tag', 'send_pathways_module_tag', 10, 3 );

/**
 * The placeholder's attributes from the block's or shortcode's settings, checked against the
 * values the widget accepts (the widget checks them again and says why in the console).
 *
 * @param array<string, mixed> $settings widget, feed, pathway, plan, lang, view, heading.
 * @return array<string, string>
 */
function send_pathways_placeholder_attributes( $settings ) {
	$widget     = isset( $settings['widget'] ) && 'tracker' === $settings['widget'] ? 'tracker' : 'pathway';
	$attributes = array(
		'data-send-widget' => $widget,
		'data-feed'        => isset( $settings['feed'] ) ? esc_url_raw( (string) $settings['feed'], array( 'http', 'https' ) ) : '',
	);
	if ( 'pathway' === $widget && ! empty( $settings['pathway'] ) ) {
		$attributes['data-pathway'] = sanitize_key( (string) $settings['pathway'] );
	}
	// A plan id is the feed's own text: kept as written (not lower-cased), escaped on output.
	if ( 'tracker' === $widget && ! empty( $settings['plan'] ) ) {
		$attributes['data-plan'] = sanitize_text_field( (string) $settings['plan'] );
	}
	if ( isset( $settings['lang'] ) && 'bn' === $settings['lang'] ) {
		$attributes['data-lang'] = 'bn';
	}
	if ( 'pathway' === $widget && isset( $settings['view'] ) && 'map' === $settings['view'] ) {
		$attributes['data-view'] = 'map';
	}
	$level = isset( $settings['heading'] ) ? (int) $settings['heading'] : 2;
	if ( $level >= 3 && $level <= 6 ) {
		$attributes['data-heading-level'] = (string) $level;
	}
	return $attributes;
}

/**
 * The placeholder element with the fallback inside, and the loader queued for this page.
 *
 * @param array<string, string> $attributes From send_pathways_placeholder_attributes().
 * @param string                $fallback   The text-only version, already filtered for the author.
 * @param string                $extra_class Extra class names for the wrapper.
 * @return string
 */
function send_pathways_placeholder( $attributes, $fallback, $extra_class = '' ) {
	wp_enqueue_script( 'send-pathways-loader' );
	// Already in the head for a post or page that holds the widget; elsewhere (a widget area, a
	// template) WordPress prints it at the end of the page, where the loader finds it. A widget
	// of the other kind than the head's stylesheet covers gets the whole one, which the loader
	// looks for when the page holds both.
	$kind  = $attributes['data-send-widget'];
	$other = 'pathway' === $kind ? 'tracker' : 'pathway';
	if ( ! send_pathways_style_on( 'send-pathways' ) && ! send_pathways_style_on( 'send-pathways-' . $kind ) ) {
		wp_enqueue_style( send_pathways_style_on( 'send-pathways-' . $other ) ? 'send-pathways' : 'send-pathways-' . $kind );
	}
	$html = '<div';
	if ( '' !== $extra_class ) {
		$html .= ' class="' . esc_attr( $extra_class ) . '"';
	}
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '>' . $fallback . '</div>';
}

/**
 * Renders the block: the placeholder built again from the block's settings (so a hand-edited
 * attribute cannot reach the page unescaped), with the fallback the editor saved inside it.
 *
 * @param array<string, mixed> $block_attributes The block's attributes.
 * @param string               $content          The block's saved HTML (filtered on save).
 * @return string
 */
function send_pathways_render_block( $block_attributes, $content ) {
	$settings            = $block_attributes;
	$settings['heading'] = isset( $block_attributes['headingLevel'] ) ? $block_attributes['headingLevel'] : 2;
	$fallback            = '';
	if ( preg_match( '#^\s*<div[^>]*>(.*)</div>\s*$#s', (string) $content, $inner ) ) {
		$fallback = $inner[1];
	}
	// Saved content was filtered by wp_kses_post for this author when it was saved; filtering
	// again costs little and keeps a later change of the saved HTML from bypassing it.
	$fallback = wp_kses_post( $fallback );
	return send_pathways_placeholder(
		send_pathways_placeholder_attributes( $settings ),
		$fallback,
		'wp-block-send-pathways-widget'
	);
}

/**
 * The shortcode for the classic editor:
 * [send_pathways widget="pathway" feed="…" pathway="autism" lang="en" view="list" heading="2"],
 * or for the tracker [send_pathways widget="tracker" feed="…" plan="PLAN-ID"] (the feed's
 * current plan when there is no plan="…")
 * with the text-only version (from the embed-code builder) between the opening and closing tags.
 *
 * @param array<string, string>|string $atts    Shortcode attributes.
 * @param string|null                  $content The enclosed fallback HTML.
 * @return string
 */
function send_pathways_shortcode( $atts, $content = null ) {
	$atts = shortcode_atts(
		array(
			'widget'  => 'pathway',
			'feed'    => '',
			'pathway' => '',
			'plan'    => '',
			'lang'    => 'en',
			'view'    => 'list',
			'heading' => '2',
		),
		$atts,
		'send_pathways'
	);
	return send_pathways_placeholder(
		send_pathways_placeholder_attributes( $atts ),
		wp_kses_post( shortcode_unautop( (string) $content ) )
	);
}

/**
 * Lets the feed be uploaded to the Media Library as .json by anyone who may upload files.
 *
 * @param array<string, string> $mimes Allowed extensions and their types.
 * @return array<string, string>
 */
function send_pathways_upload_mimes( $mimes ) {
	$mimes['json'] = 'application/json';
	return $mimes;
}
add_filter( 'upload_mimes', 'send_pathways_upload_mimes' );

/**
 * WordPress also checks a file's content: libmagic often calls JSON text/plain, which WordPress
 * then refuses for a .json name. A .json file that parses as JSON (and is at most 5 MB, the
 * widget's limit) is accepted as application/json; anything else is left to WordPress.
 *
 * @param array<string, mixed> $data     ext, type and proper_filename found so far.
 * @param string               $file     The uploaded file's temporary path.
 * @param string               $filename The file's name.
 * @return array<string, mixed>
 */
function send_pathways_check_json( $data, $file, $filename ) {
	if ( ! empty( $data['type'] ) || 'json' !== strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) ) ) {
		return $data;
	}
	if ( ! is_readable( $file ) || filesize( $file ) > 5 * 1024 * 1024 ) {
		return $data;
	}
	$text = (string) file_get_contents( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	json_decode( $text );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		return $data;
	}
	$data['ext']  = 'json';
	$data['type'] = 'application/json';
	return $data;
}
add_filter( 'wp_check_filetype_and_ext', 'send_pathways_check_json', 10, 3 );
