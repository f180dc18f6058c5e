//! Renderers: view models of the feed drawn as [`crate::view`] trees.

pub mod common;
pub mod notice;
pub mod pathway;
