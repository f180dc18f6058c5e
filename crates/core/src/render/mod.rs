//! Renderers: view models of the feed drawn as [`crate::view`] trees.

pub mod chart;
pub mod common;
pub mod kpi;
pub mod notice;
pub mod pathway;
pub mod status_badge;
pub mod tracker;
