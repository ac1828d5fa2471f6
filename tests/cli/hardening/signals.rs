//! Every signal that ends a run, not only SIGINT, SIGTERM and SIGHUP, leaves the terminal
//! as it was and exits with 128 + its number, as a shell reports it.

use nix::sys::signal::Signal;

use crate::run_terminal::start_steady;

#[test]
fn every_terminating_signal_restores_the_terminal_and_exits_128_plus_its_number() {
    for signal in [
        Signal::SIGQUIT,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
        Signal::SIGALRM,
        Signal::SIGPIPE,
    ] {
        let mut run = start_steady();
        run.signal(signal);
        run.assert_exit_and_terminal_restored(128 + signal as u32);
        let summary = run.summary();
        assert!(summary.starts_with("Interrupted: "), "{signal}: {summary}");
    }
}
