mod catalog;
mod cli;
mod diagnostic;
mod duration;
mod engine;
mod input;
mod parse;
mod routine;
mod run;
mod sanitize;
mod terminal;
mod timeline;
mod voice;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let _ = cli;
}
