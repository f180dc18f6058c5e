/**
 * The SEND Pathways block in the block editor: plain JavaScript on WordPress's own globals (no
 * build step). The settings go in the block's attributes; the text-only version for readers
 * without JavaScript is rendered here, from the feed, by the core's own renderer (the checker
 * build's renderFallback) and saved as the block's HTML, so it is in the page even with the
 * plugin switched off. The saved post holds no script: the plugin adds the loader as the page
 * renders.
 */
( function ( blocks, blockEditor, components, element, i18n ) {
	'use strict';
	const el = element.createElement;
	const __ = i18n.__;
	const settings = window.sendPathwaysBlock || {};

	let renderer = null;
	/** The checker build, loaded once, on the first render. */
	function loadRenderer() {
		if ( ! renderer ) {
			renderer = import( settings.rendererGlue ).then( async ( module ) => {
				await module.default( { module_or_path: settings.rendererWasm } );
				return module;
			} );
			renderer.catch( () => {
				renderer = null;
			} );
		}
		return renderer;
	}

	/** Today as YYYY-MM-DD, in the reader's time zone. */
	function today() {
		const now = new Date();
		const pad = ( n ) => String( n ).padStart( 2, '0' );
		return `${ now.getFullYear() }-${ pad( now.getMonth() + 1 ) }-${ pad( now.getDate() ) }`;
	}

	/** The feed's text and its pathways, or an error a web editor can act on. */
	async function readFeed( address ) {
		let response;
		try {
			response = await fetch( new URL( address, document.baseURI ), { credentials: 'omit' } );
		} catch {
			throw new Error( __( 'The feed could not be fetched: check the address, and that it is on this site or allows this site to read it.', 'send-pathways' ) );
		}
		if ( ! response.ok ) {
			throw new Error( `${ __( 'The feed address answered', 'send-pathways' ) } ${ response.status }: ${ __( 'check the address.', 'send-pathways' ) }` );
		}
		const text = await response.text();
		let pathways = [];
		try {
			pathways = ( JSON.parse( text ).pathways || [] ).map( ( p ) => ( {
				value: String( p.id ),
				label: typeof p.title === 'string' ? p.title : ( p.title && p.title.en ) || String( p.id ),
			} ) );
		} catch {
			throw new Error( __( 'The feed address does not give a feed (it is not JSON). Check the address.', 'send-pathways' ) );
		}
		return { text, pathways, plans: plansOf( text ) };
	}

	/** The feed's plans (version 2, with ids), by title and period, for the plan choice. */
	function plansOf( text ) {
		const words = ( t, fallback ) => ( typeof t === 'string' ? t : ( t && ( t.en || Object.values( t )[ 0 ] ) ) || fallback );
		const period = ( p ) => {
			if ( ! p ) return '';
			if ( p.start && p.end ) return ` (${ p.start } to ${ p.end })`;
			if ( p.start ) return ` (${ __( 'from', 'send-pathways' ) } ${ p.start })`;
			if ( p.end ) return ` (${ __( 'until', 'send-pathways' ) } ${ p.end })`;
			return '';
		};
		const plans = JSON.parse( text ).plans;
		return ( Array.isArray( plans ) ? plans : [] )
			.filter( ( p ) => p && typeof p.id === 'string' )
			.map( ( p ) => ( { value: p.id, label: words( p.title, p.id ) + period( p.period ) } ) );
	}

	/** The fallback HTML for these settings, by the core's renderer. */
	async function renderFallback( text, attributes ) {
		const module = await loadRenderer();
		return module.renderFallback(
			text,
			attributes.widget,
			attributes.widget === 'pathway' && attributes.pathway ? attributes.pathway : undefined,
			attributes.lang,
			String( attributes.headingLevel ),
			today(),
			attributes.widget === 'tracker' && attributes.plan ? attributes.plan : undefined
		);
	}
	// For the browser tests and for the builder: the same function the block saves with.
	window.sendPathwaysRenderFallback = renderFallback;

	function placeholderProps( attributes ) {
		const props = {
			'data-send-widget': attributes.widget,
			'data-feed': attributes.feed,
		};
		if ( attributes.widget === 'pathway' && attributes.pathway ) {
			props[ 'data-pathway' ] = attributes.pathway;
		}
		if ( attributes.widget === 'tracker' && attributes.plan ) {
			props[ 'data-plan' ] = attributes.plan;
		}
		if ( attributes.lang !== 'en' ) {
			props[ 'data-lang' ] = attributes.lang;
		}
		if ( attributes.widget === 'pathway' && attributes.view === 'map' ) {
			props[ 'data-view' ] = 'map';
		}
		if ( attributes.headingLevel !== 2 ) {
			props[ 'data-heading-level' ] = String( attributes.headingLevel );
		}
		return props;
	}

	function Edit( props ) {
		const { attributes, setAttributes } = props;
		const [ pathways, setPathways ] = element.useState( [] );
		const [ plans, setPlans ] = element.useState( [] );
		const [ problem, setProblem ] = element.useState( '' );
		const blockProps = blockEditor.useBlockProps();
		const key = [ attributes.widget, attributes.feed, attributes.pathway, attributes.plan, attributes.lang, attributes.headingLevel ].join( '|' );

		element.useEffect( () => {
			let current = true;
			if ( ! attributes.feed ) {
				setProblem( __( 'Enter the feed address, or choose the feed from the Media Library.', 'send-pathways' ) );
				return undefined;
			}
			readFeed( attributes.feed )
				.then( async ( feed ) => {
					if ( ! current ) return;
					setPathways( feed.pathways );
					setPlans( feed.plans );
					const html = await renderFallback( feed.text, attributes );
					if ( current ) {
						setProblem( '' );
						setAttributes( { fallback: html, renderedOn: today() } );
					}
				} )
				.catch( ( error ) => {
					if ( current ) setProblem( String( error && error.message ? error.message : error ) );
				} );
			return () => {
				current = false;
			};
		}, [ key ] );

		const fields = [
			el( components.SelectControl, {
				key: 'widget',
				label: __( 'Widget', 'send-pathways' ),
				value: attributes.widget,
				options: [
					{ value: 'pathway', label: __( 'Pathway for families', 'send-pathways' ) },
					{ value: 'tracker', label: __( 'Progress of the improvement plan', 'send-pathways' ) },
				],
				onChange: ( widget ) => setAttributes( { widget } ),
			} ),
			el( components.TextControl, {
				key: 'feed',
				label: __( 'Feed address', 'send-pathways' ),
				help: __( 'The address of your council\'s feed (.json), on this site.', 'send-pathways' ),
				value: attributes.feed,
				type: 'url',
				onChange: ( feed ) => setAttributes( { feed: feed.trim() } ),
			} ),
			el( blockEditor.MediaUploadCheck, { key: 'media' },
				el( blockEditor.MediaUpload, {
					allowedTypes: [ 'application/json' ],
					onSelect: ( media ) => setAttributes( { feed: media.url } ),
					render: ( { open } ) => el( components.Button, { variant: 'secondary', onClick: open }, __( 'Choose the feed from the Media Library', 'send-pathways' ) ),
				} )
			),
			attributes.widget === 'pathway' &&
				el( components.SelectControl, {
					key: 'pathway',
					label: __( 'Pathway', 'send-pathways' ),
					value: attributes.pathway,
					options: [ { value: '', label: __( 'The feed\'s first pathway', 'send-pathways' ) } ].concat( pathways ),
					onChange: ( pathway ) => setAttributes( { pathway } ),
				} ),
			attributes.widget === 'tracker' &&
				plans.length > 1 &&
				el( components.SelectControl, {
					key: 'plan',
					label: __( 'Plan', 'send-pathways' ),
					help: __( 'The feed has more than one plan. The tracker shows the current one unless you choose another.', 'send-pathways' ),
					value: attributes.plan,
					options: [ { value: '', label: __( 'The current plan', 'send-pathways' ) } ].concat( plans ),
					onChange: ( plan ) => setAttributes( { plan } ),
				} ),
			el( components.SelectControl, {
				key: 'lang',
				label: __( 'Language', 'send-pathways' ),
				value: attributes.lang,
				options: [
					{ value: 'en', label: 'English' },
					{ value: 'bn', label: 'বাংলা (Bengali)' },
				],
				onChange: ( lang ) => setAttributes( { lang } ),
			} ),
			attributes.widget === 'pathway' &&
				el( components.SelectControl, {
					key: 'view',
					label: __( 'View', 'send-pathways' ),
					value: attributes.view,
					options: [
						{ value: 'list', label: __( 'List of steps', 'send-pathways' ) },
						{ value: 'map', label: __( 'Map (gives way to the list where it cannot fit)', 'send-pathways' ) },
					],
					onChange: ( view ) => setAttributes( { view } ),
				} ),
			el( components.SelectControl, {
				key: 'heading',
				label: __( 'Level of the widget\'s top heading', 'send-pathways' ),
				value: String( attributes.headingLevel ),
				options: [ 2, 3, 4, 5, 6 ].map( ( n ) => ( { value: String( n ), label: `h${ n }` } ) ),
				onChange: ( level ) => setAttributes( { headingLevel: Number( level ) } ),
			} ),
		];

		return el(
			'div',
			blockProps,
			el( blockEditor.InspectorControls, null, el( components.PanelBody, { title: __( 'SEND Pathways', 'send-pathways' ) }, fields ) ),
			el( components.Placeholder, {
				label: __( 'SEND Pathways', 'send-pathways' ),
				instructions: __( 'Readers with JavaScript see the live widget. Below is the text-only version saved with the page; it is rendered again from the feed when you change a setting or edit the page.', 'send-pathways' ),
			}, fields ),
			problem && el( components.Notice, { status: 'warning', isDismissible: false }, problem ),
			attributes.fallback && el( 'div', { className: 'send-pathways-fallback-preview' }, el( element.RawHTML, null, attributes.fallback ) )
		);
	}

	blocks.registerBlockType( 'send-pathways/widget', {
		edit: Edit,
		save( { attributes } ) {
			const props = blockEditor.useBlockProps.save( placeholderProps( attributes ) );
			return el( 'div', props, el( element.RawHTML, null, attributes.fallback ) );
		},
	} );
}( window.wp.blocks, window.wp.blockEditor, window.wp.components, window.wp.element, window.wp.i18n ) );
