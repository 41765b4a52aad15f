//! doclint: a documentation consistency linter for HTTP status-code pages.
//!
//! The flow reads top to bottom, and [`lint::lint`] is where it is wired:
//! [`project`] finds the tree a path belongs to, [`walk`] finds its files, [`parse`] turns each into a
//! [`parse::page::Page`] (most files are turned down by a quick probe),
//! [`model`] elects the canonical model, [`rules`] compare every page with it
//! and produce [`rules::Finding`]s, which [`config`], [`suppress`] and
//! [`baseline`] filter; [`report`] renders them and [`fix`] edits the files.
//! `src/main.rs` only reads arguments and picks the exit code.
pub mod baseline;
pub mod config;
pub mod fix;
pub mod init;
pub mod lint;
pub mod model;
pub mod ops;
pub mod par;
pub mod parse;
pub mod project;
pub mod registry;
pub mod report;
pub mod rules;
pub mod server;
pub mod source;
pub mod suppress;
pub mod walk;
