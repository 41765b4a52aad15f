//! From one file's text to a [`page::Page`]: its status tables and their rows.
//! [`classify`] types every table by its cells, [`decide`] judges the page,
//! [`page`] reads the rows.
pub mod classify;
pub mod decide;
pub mod filter;
pub mod html;
pub mod markdown;
pub mod page;
pub mod text;
