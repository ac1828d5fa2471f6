//! `--sound` through the real binary, with fake players from `tests/fixtures/sound/`:
//! the tone of each event and the files it plays, the marks written in plain mode, a
//! player that hangs, no player left behind, the bell without a player, and the tone
//! before the words with `--voice`.

use std::path::{Path, PathBuf};

use crate::support::{Env, Outcome, fixture};

/// Runs `sound/marks.toml` in plain mode with `--sound` through `player`, its record in
/// `played` (a file in a folder of its own); `extra` are more arguments. The clock runs
/// `speed` times faster: at 5, a tick a fifth of a second after the tone before, time
/// enough for the fake player, which notes its tone with the shell's own `printf` before
/// it starts a program, to note it before the next one cuts it off, even on a busy
/// machine.
fn run_with(env: &Env, player: &str, played: &Path, extra: &[&str], speed: u32) -> Outcome {
    env.stretch()
        .env("STRETCH_VOICE_COMMAND", fixture("sound/say.sh"))
        .args(["run", "--plain", "--no-log", "--sound"])
        .arg(fixture("sound/marks.toml"))
        .args(extra)
        .env("STRETCH_SOUND_COMMAND", fixture(&format!("sound/{player}")))
        .env("STRETCH_TEST_PLAYED", played)
        .speed(speed)
        .run()
}

fn played_file(env: &Env) -> PathBuf {
    let dir = env.scratch().join("played");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("played.txt")
}

const LINES: &str = "\
00:00  hold (7s): Long hold
00:03  half-way
00:04  3
00:05  2
00:06  1
00:07  next up (1s): Short hold
00:08  hold (2s): Short hold
00:09  1
00:10  finished
Routine complete: 2 of 2 stretches done (2 of 2 holds), 9s in holds, 10s in all.
";

#[test]
fn each_event_gets_its_tone_and_plain_mode_writes_the_marks() {
    let env = Env::new();
    let played = played_file(&env);
    let run = run_with(&env, "player.sh", &played, &[], 5);
    run.expect_code(0);
    assert_eq!(run.stdout, LINES);
    assert_eq!(run.stderr, "");
    let tones = std::fs::read_to_string(&played).unwrap();
    assert_eq!(
        tones,
        "tone start.wav\ntone half-way.wav\ntone tick.wav\ntone tick.wav\ntone tick.wav\n\
         tone end.wav\ntone start.wav\ntone tick.wav\ntone complete.wav\n"
    );
    // The files played are the ones in the cache folder, valid WAV files that all differ.
    let cache = env.root().join("cache/stretch/tones-v1");
    let mut wavs = Vec::new();
    for name in ["start", "half-way", "tick", "end", "complete"] {
        let wav = std::fs::read(cache.join(format!("{name}.wav"))).unwrap();
        assert_eq!(&wav[0..4], b"RIFF", "{name}");
        assert_eq!(&wav[8..12], b"WAVE", "{name}");
        assert_eq!(&wav[36..40], b"data", "{name}");
        let data = u32::from_le_bytes(wav[40..44].try_into().unwrap()) as usize;
        assert_eq!(wav.len(), 44 + data, "{name}");
        assert!(!wavs.contains(&wav), "{name} is like another");
        wavs.push(wav);
    }
    let copy = std::fs::read(played.with_file_name("0-start.wav")).unwrap();
    assert_eq!(copy, wavs[0]);
}

#[test]
fn without_sound_plain_mode_writes_no_marks() {
    let env = Env::new();
    let run = env
        .stretch()
        .args(["run", "--plain", "--no-log"])
        .arg(fixture("sound/marks.toml"))
        .fast()
        .run();
    run.expect_code(0);
    assert!(!run.stdout.contains("half-way"), "{}", run.stdout);
}

#[test]
fn a_hanging_player_delays_nothing_and_none_is_left_behind() {
    let env = Env::new();
    let played = played_file(&env);
    // hang.sh notes its process id first thing: a quarter of a second is time enough.
    let run = run_with(&env, "hang.sh", &played, &[], 4);
    run.expect_code(0);
    // The same lines at the same seconds as with a player that ends at once.
    assert_eq!(run.stdout, LINES);
    let pids: Vec<i32> = std::fs::read_to_string(&played)
        .unwrap()
        .lines()
        .map(|line| line.parse().unwrap())
        .collect();
    // Every tone started a player, each cut off by the next.
    assert_eq!(pids.len(), 9, "{pids:?}");
    for pid in pids {
        let alive = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok();
        assert!(!alive, "player {pid} outlived the run");
    }
}

#[test]
fn without_a_player_sound_warns_once() {
    let env = Env::new();
    let empty = env.scratch().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let run = env
        .stretch()
        .args(["run", "--plain", "--no-log", "--sound"])
        .arg(fixture("sound/marks.toml"))
        .env("PATH", &empty)
        .fast()
        .run();
    run.expect_code(0);
    assert_eq!(
        run.stderr,
        "warning: no sound player found (pw-play, paplay, aplay or afplay) or set \
         STRETCH_SOUND_COMMAND; --sound rings the bell instead\n"
    );
}

#[test]
fn without_a_player_sound_rings_the_bell_on_a_terminal() {
    let env = Env::new();
    let empty = env.scratch().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    // At each change, as without --sound.
    let mut terminal = env
        .stretch()
        .args(["run", "--no-log", "--sound"])
        .arg(fixture("run/short.toml"))
        .env("PATH", &empty)
        .speed(10)
        .pty();
    terminal.assert_exit_and_terminal_restored(0);
    assert!(terminal.bells() > 0);
}

#[test]
fn with_the_voice_the_tone_comes_first_then_the_words() {
    let env = Env::new();
    let played = played_file(&env);
    let run = run_with(
        &env,
        "player.sh",
        &played,
        &["--voice=phases", "--only", "short"],
        2,
    );
    run.expect_code(0);
    let order = std::fs::read_to_string(&played).unwrap();
    let lines: Vec<&str> = order.lines().collect();
    assert_eq!(lines[..2], ["tone start.wav", "say Short hold."], "{order}");
    assert!(lines.contains(&"tone complete.wav"), "{order}");
    assert!(lines.contains(&"say routine complete."), "{order}");
}
