//! `stretch run` in plain mode, through the real binary: what it prints, how the flags
//! choose stretches, and how it ends. Holds are one second long.

use nix::sys::signal::Signal;

use crate::support::{Env, Outcome, Stretch, fixture};

/// `stretch run tests/fixtures/plain/NAME`, to be built up further.
fn run_plain(name: &str) -> Stretch {
    Stretch::new()
        .arg("run")
        .arg(fixture(&format!("plain/{name}")))
}

/// The lines of a plain run with their time stamps cut off, after checking each stamp.
fn texts(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|line| match line.split_once("  ") {
            Some((stamp, text)) if is_stamp(stamp) => text.to_string(),
            _ => line.to_string(),
        })
        .collect()
}

pub(crate) fn is_stamp(stamp: &str) -> bool {
    let parts: Vec<&str> = stamp.split(':').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn plain_run_prints_every_phase_and_cue_in_order() {
    let run = run_plain("short.toml").fast().run();
    let stdout = &run.expect_code(0).stdout;
    assert_eq!(
        texts(stdout),
        [
            "hold (1s): Toe touch",
            "cue: Lift your sit bones",
            "cue: Don't bounce",
            "hold (1s): Heel on a step, left leg",
            "cue: Don't bounce",
            "switch sides (1s): right leg next",
            "hold (1s): Heel on a step, right leg",
            "cue: Don't bounce",
            "finished",
            "Routine complete: 2 of 2 stretches done (3 of 3 holds), 3s in holds, 4s in all.",
        ]
    );
    // Output to a pipe is for logs: no escape sequences, no bell, nothing but text.
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
}

#[test]
fn only_skip_and_level_choose_the_stretches() {
    let run = |flags: &[&str]| {
        let run = run_plain("short.toml").args(flags).fast().run();
        texts(&run.expect_code(0).stdout)
            .into_iter()
            .filter(|line| line.starts_with("hold"))
            .collect::<Vec<_>>()
    };
    let heel_only = [
        "hold (1s): Heel on a step, left leg",
        "hold (1s): Heel on a step, right leg",
    ];
    assert_eq!(run(&["--only", "heel-on-step"]), heel_only);
    assert_eq!(run(&["--skip", "toe-touch"]), heel_only);
    assert_eq!(run(&["--level", "beginner"]), heel_only);
    assert_eq!(run(&["--level", "intermediate"]), ["hold (1s): Toe touch"]);
    assert_eq!(
        run(&["--only", "toe-touch", "--hold", "2s"]),
        ["hold (2s): Toe touch"]
    );
}

/// Runs `stretch run short.toml FLAGS...` and returns its exit status and standard error.
fn run_short_with(flags: &[&str]) -> (i32, String) {
    let Outcome { code, stderr, .. } = run_plain("short.toml").args(flags).run();
    (code, stderr)
}

#[test]
fn bad_run_flags_are_clear_errors_with_status_2() {
    let did_you_mean = format!(
        "error: `short` has no stretch `toe-tuch`; did you mean `toe-touch`? (`stretch show {}` lists them)\n",
        fixture("plain/short.toml").display()
    );
    assert_eq!(run_short_with(&["--only", "toe-tuch"]), (2, did_you_mean));
    assert_eq!(
        run_short_with(&["--level", "advanced"]),
        (
            2,
            "error: no stretches left to run after --only, --skip and --level\n".to_string()
        )
    );
    assert_eq!(
        run_short_with(&["--hold", "11m"]),
        (
            2,
            "error: invalid value '11m' for '--hold <DURATION>': a hold must be from 1s to 10m, not 11m\n\n\
             For more information, try '--help'.\n"
                .to_string()
        )
    );
    let (status, stderr) = run_short_with(&["--hold", "1.5s"]);
    assert_eq!(status, 2);
    assert!(
        stderr.starts_with("error: invalid value '1.5s' for '--hold <DURATION>': "),
        "{stderr}"
    );
    let (status, _) = run_short_with(&["--only", "a", "--skip", "b"]);
    assert_eq!(status, 2, "clap refuses --only with --skip");
}

#[test]
fn an_invalid_routine_gets_the_same_diagnostics_as_validate() {
    let run = run_plain("invalid.toml").run();
    let validate = Stretch::new()
        .arg("validate")
        .arg(fixture("plain/invalid.toml"))
        .run();
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    let diagnostics = &run.stderr;
    assert!(
        diagnostics.starts_with("error: invalid `sides` `Both`\n"),
        "{diagnostics}"
    );
    assert!(validate.stderr.starts_with(diagnostics));
}

#[test]
fn an_unknown_routine_name_suggests_the_nearest() {
    let run = Stretch::new().args(["run", "hamstring"]).run();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: no routine named `hamstring`; did you mean `hamstrings`? (`stretch list` shows them all)\n"
    );
}

#[test]
fn the_lead_in_gives_the_first_stretch_and_its_how_on_one_line() {
    let run = run_plain("lead_in.toml").fast().run();
    let stdout = &run.expect_code(0).stdout;
    assert_eq!(
        texts(stdout)[0],
        "get ready (1s): Toe touch. Line one Line two"
    );
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\t'),
        "{stdout:?}"
    );
}

/// Starts a run of a ten-minute hold, waits for its first line, sends `signal`, and
/// returns how it ended, with everything it printed after that line.
fn signalled(signal: Signal) -> Outcome {
    let mut run = Stretch::new()
        .args(["run", "--plain"])
        .arg(fixture("plain/long.toml"))
        .spawn();
    let first = run.read_line();
    assert!(first.ends_with("hold (10m): Long hold\n"), "{first:?}");
    run.signal(signal);
    run.finish()
}

#[test]
fn signals_end_a_plain_run_with_their_status_and_a_summary() {
    for (signal, code) in [
        (Signal::SIGINT, 130),
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
    ] {
        let rest = signalled(signal);
        assert_eq!(rest.code, code, "{signal:?}");
        assert_eq!(
            rest.stdout,
            "Interrupted: 0 of 1 stretches done (0 of 1 holds), 0s in holds, 0s in all.\n",
            "{signal:?}"
        );
    }
}

#[test]
fn the_voice_says_each_moment_as_one_argument() {
    let spoken = tempfile::NamedTempFile::new().unwrap();
    run_plain("short.toml")
        .arg("--voice=all")
        .env("STRETCH_VOICE_COMMAND", fixture("run/say.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        // Phases of a tenth of a second: time enough to start the fake speech program.
        .speed(10)
        .run()
        .expect_code(0);
    // Each line: how many arguments the speaker got, then the first. The run waits for the
    // last words before it exits, so the file is complete.
    assert_eq!(
        std::fs::read_to_string(spoken.path()).unwrap(),
        "1|Toe touch. Lift your sit bones.\n\
         1|Don't bounce.\n\
         1|Heel on a step, left leg. Don't bounce.\n\
         1|switch sides.\n\
         1|Heel on a step, right leg. Don't bounce.\n\
         1|routine complete.\n"
    );
}

#[test]
fn a_signal_during_the_last_words_cuts_them_off_and_sets_the_status() {
    let run = run_plain("short.toml")
        .arg("--voice")
        .env(
            "STRETCH_VOICE_COMMAND",
            fixture("run/interrupt_last_words.sh"),
        )
        .speed(10)
        .run();
    let stdout = &run.expect_code(130).stdout;
    assert!(
        stdout.ends_with(
            "  finished\nRoutine complete: 2 of 2 stretches done (3 of 3 holds), 3s in holds, 4s in all.\n"
        ),
        "{stdout}"
    );
}

/// A voice that cannot speak is one warning, as a missing sound player is: the run goes
/// on, with the bell.
#[test]
fn a_missing_speech_program_is_one_warning_and_the_run_goes_on() {
    let run = run_plain("short.toml")
        .args(["--voice", "--lead-in", "0"])
        .env("STRETCH_VOICE_COMMAND", "/nonexistent/speak")
        .run();
    assert_eq!(
        run.expect_code(0).stderr,
        "warning: STRETCH_VOICE_COMMAND names `/nonexistent/speak`, which is not an \
         executable program; --voice rings the bell instead\n"
    );
    assert!(run.stdout.contains("Routine complete"), "{}", run.stdout);
    let empty = tempfile::tempdir().expect("an empty PATH");
    let run = run_plain("short.toml")
        .args(["--voice", "--lead-in", "0", "--no-bell"])
        .env("PATH", empty.path())
        .run();
    assert_eq!(
        run.expect_code(0).stderr,
        "warning: no speech program found: install espeak-ng or set STRETCH_VOICE_COMMAND; \
         --voice is left out\n"
    );
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let mut run = Stretch::new()
        .args(["run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .fast()
        .spawn();
    let first = run.read_line();
    assert!(first.ends_with("hold (1s): Toe touch\n"), "{first:?}");
    run.close_stdout();
    let run = run.finish();
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
}

/// A reader that goes away (`stretch run --plain | head -2`) ends the run as soon as it
/// goes, not at the next line, which here is 30 s away; a hold it completed is recorded.
#[test]
fn a_reader_that_goes_away_ends_the_run_at_once_and_it_is_recorded() {
    let env = Env::new();
    let mut run = env
        .stretch()
        .args(["run", "--plain", "--lead-in", "0", "--rest", "0"])
        .arg(fixture("run/closing.toml"))
        .spawn();
    assert_eq!(run.read_line(), "00:00  hold (1s): First\n");
    assert_eq!(run.read_line(), "00:01  hold (30s): Second\n");
    run.close_stdout();
    let run = run.finish();
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let history = std::fs::read_to_string(env.history()).expect("the run is recorded");
    let record: serde_json::Value = serde_json::from_str(history.trim_end()).expect("a record");
    assert_eq!(record["ending"], "closed");
    assert_eq!(
        (
            record["holds_done"].as_u64(),
            record["holds_total"].as_u64()
        ),
        (Some(1), Some(2))
    );
    let at = |field: &str| {
        record[field]
            .as_str()
            .and_then(|text| text.parse::<jiff::Timestamp>().ok())
            .expect("a time")
    };
    // Ended long before the 30 s hold would have: its end is where the next write was.
    let lasted = at("end").duration_since(at("start"));
    assert!(lasted < jiff::SignedDuration::from_secs(30), "{lasted:?}");
}
