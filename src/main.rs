mod announce;
mod catalog;
mod cli;
mod diagnostic;
mod duration;
mod engine;
mod input;
mod parse;
mod plain;
mod routine;
mod run;
mod sanitize;
mod screen;
mod terminal;
mod timeline;
mod tui;
mod voice;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let _ = cli;
}
