//! Integration tests: one binary, one module per area (as ripgrep does).
mod util;

mod broken;
mod classify;
mod cli;
mod config;
mod encoding;
mod fix;
mod hard_cases;
mod html_report;
mod install;
mod integrations;
mod layouts;
mod operations;
mod projects;
mod props;
mod reliability;
mod seeds;
mod server;
