//! From one file's text to a [`page::Page`]: its status tables and their rows.
//! [`classify`] types every table by its cells, [`decide`] judges the page,
//! [`probe`] turns most files down from the first rows of their tables,
//! [`page`] reads the rows.
pub mod classify;
pub mod decide;
pub mod filter;
pub mod html;
pub mod markdown;
pub mod page;
pub mod probe;
pub mod text;
