//! SEND Pathways core: everything the widgets know, with no browser in sight.
//!
//! Feed text flows one way: [`parse::parse_feed`] gives a typed [`feed::Feed`]; renderers draw
//! it for a reader ([`render`]) as a [`view::Node`] tree; the wasm crate turns that tree into
//! DOM and the CLI into static HTML. "Today" and the language are always inputs.
//!
//! Modules import one way: [`limits`] → [`json`] (the positional JSON reader) → [`read`] (the
//! feed reader) → [`parse`] → [`validate`] (the officer's checker, with its fix texts); no module
//! imports one that imports it back (`tests/module_cycles.rs` holds every module to that).

pub mod action;
pub mod date;
pub mod date_entry;
pub mod deadline;
#[cfg(feature = "edit")]
pub mod edit;
pub mod feed;
pub mod i18n;
pub mod json;
pub mod limits;
pub mod links;
pub mod options;
pub mod order;
pub mod parse;
pub mod pathway;
pub mod read;
pub mod render;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "sheet")]
pub mod sheet;
pub mod status;
pub mod text;
pub mod tracker;
pub mod validate;
pub mod view;
pub mod widget;

pub use feed::Feed;
pub use parse::{parse_feed, FeedError};
pub use text::{Lang, Text};
