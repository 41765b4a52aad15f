//! doclint: a documentation consistency linter for HTTP status-code pages.
//!
//! The flow reads top to bottom: [`walk`] finds the files, [`parse`] turns
//! each into a [`parse::page::Page`], [`model`] elects the canonical model,
//! [`rules`] compare every page with it and produce [`rules::Finding`]s,
//! [`report`] renders them and [`fix`] edits the files.
pub mod baseline;
pub mod config;
pub mod fix;
pub mod init;
pub mod lint;
pub mod model;
pub mod parse;
pub mod registry;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod walk;
