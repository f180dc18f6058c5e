<?php
/**
 * Sets up the test WordPress from the command line, as a site owner would from the admin
 * screens: installs WordPress, creates an Author and an Editor (with application passwords, the
 * REST API's sign-in), switches to Twenty Twenty-One, and installs and activates the plugin from
 * its zip with WordPress's own unzip_file() and activate_plugin().
 *
 * Usage: php setup.php 127.0.0.1:PORT path/to/send-pathways-wordpress.zip
 * Prints the users and their application passwords as JSON. Test users only: made up.
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php setup.php HOST:PORT PLUGIN.zip\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST']   = $argv[1];
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$admin_password = wp_generate_password( 24, false );
$installed      = wp_install( 'SEND Pathways test site', 'admin', 'admin@example.invalid', false, '', $admin_password );
if ( empty( $installed['user_id'] ) ) {
	fwrite( STDERR, "wp_install failed\n" );
	exit( 1 );
}
wp_set_current_user( $installed['user_id'] );

$users     = array( 'admin' => $installed['user_id'] );
$passwords = array( 'admin' => $admin_password );
foreach ( array( 'author', 'editor' ) as $role ) {
	$passwords[ $role ] = wp_generate_password( 24, false );
	$id                 = wp_insert_user(
		array(
			'user_login' => $role,
			'user_pass'  => $passwords[ $role ],
			'user_email' => $role . '@example.invalid',
			'role'       => $role,
		)
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() . "\n" );
		exit( 1 );
	}
	$users[ $role ] = $id;
}
$out = array();
foreach ( $users as $login => $id ) {
	$created = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'browser test' ) );
	if ( is_wp_error( $created ) ) {
		fwrite( STDERR, $created->get_error_message() . "\n" );
		exit( 1 );
	}
	$out[ $login ] = array(
		'user'     => $login,
		'password' => $created[0],
		'login'    => $passwords[ $login ],
	);
}

switch_theme( 'twentytwentyone' );

WP_Filesystem();
$unzipped = unzip_file( $argv[2], WP_PLUGIN_DIR );
if ( is_wp_error( $unzipped ) ) {
	fwrite( STDERR, 'unzip_file: ' . $unzipped->get_error_message() . "\n" );
	exit( 1 );
}
$activated = activate_plugin( 'send-pathways/send-pathways.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
echo wp_json_encode( $out ), "\n";
