//! From one file's text to a [`page::Page`]: its status tables and their rows.
pub mod classify;
pub mod html;
pub mod markdown;
pub mod page;
pub mod text;
