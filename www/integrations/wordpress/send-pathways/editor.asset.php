<?php
/**
 * Dependencies of the block editor script: WordPress's own globals, no build step.
 *
 * @package SendPathways
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
