//! Renderers: view models of the feed drawn as [`crate::view`] trees.

pub mod area;
pub mod chart;
pub mod common;
pub mod date_input;
pub mod kpi;
pub mod notice;
pub mod pathway;
pub mod pathway_family;
pub mod pathway_map;
pub mod pathway_steps;
pub mod status_badge;
pub mod tracker;
