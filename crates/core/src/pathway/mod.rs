//! What a family's pathway looks like for them: which pathways and steps fit their child, where
//! they are, the statutory clock from their own date, the map's geometry, and the state kept in
//! the address. Pure functions of the feed and the family's choices, tested natively; the
//! renderers draw the results and the wasm crate only stores the choices.

pub mod audience;
pub mod clock;
pub mod interact;
pub mod layout;
pub mod patch;
pub mod state;
