//! Away and locked, from a fake `loginctl` on `PATH`: never a nudge while idle or locked;
//! a time away as long as a break counts as one, a shorter one does not; the session is
//! `$XDG_SESSION_ID`'s, else the one logind names as the user's display; and where
//! logind cannot be asked, `due` behaves as if the user were there.

use std::fs;

use super::{at, hints, session, stretch_at};
use crate::support::{Env, test_hooks};

const EVERY: [&str; 3] = ["due", "--every", "50m"];

#[test]
fn idle_is_never_nudged_and_a_long_time_away_counts_as_a_break() {
    if !test_hooks("idle_is_never_nudged_and_a_long_time_away_counts_as_a_break") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    // 11:00, idle since 10:38: a break would be due, but the user is away.
    let idle = hints(true, &at(-22), false);
    let run = stretch_at(&env, &at(0), Some(&idle), &EVERY).run();
    run.expect_code(0);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    let status = stretch_at(&env, &at(1), Some(&idle), &["status", "--every", "50m"]).run();
    assert_eq!(status.stdout, "stretch away · 1-day streak\n");
    // 11:05, back since 11:03: 25 minutes away, a break that ended at 11:03.
    let back = hints(false, &at(3), false);
    let run = stretch_at(&env, &at(5), Some(&back), &EVERY).run();
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    let status = stretch_at(&env, &at(5), Some(&back), &["status", "--every", "50m"]).run();
    assert_eq!(status.stdout, "stretch in 48m · 1-day streak\n");
    // Due again 50 minutes after the time away ended.
    stretch_at(&env, &at(52), Some(&back), &EVERY)
        .run()
        .expect_code(0);
    let run = stretch_at(&env, &at(53), Some(&back), &EVERY).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "Time to stretch: 50m without a break (since 11:03)\n"
    );
}

#[test]
fn a_short_time_away_is_no_break() {
    if !test_hooks("a_short_time_away_is_no_break") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-40)));
    let idle = hints(true, &at(-1), false);
    stretch_at(&env, &at(0), Some(&idle), &EVERY)
        .run()
        .expect_code(0);
    // Back after three minutes: less than the five a break takes.
    let back = hints(false, &at(2), false);
    let run = stretch_at(&env, &at(10), Some(&back), &EVERY).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "Time to stretch: 50m without a break (since 10:20)\n"
    );
    // Unless `--away` says two minutes are enough.
    let env = Env::new();
    env.set_history(session(&at(-40)));
    stretch_at(&env, &at(0), Some(&idle), &EVERY)
        .run()
        .expect_code(0);
    let run = stretch_at(
        &env,
        &at(10),
        Some(&back),
        &["due", "--every", "50m", "--away", "2m"],
    )
    .run();
    run.expect_code(0);
}

#[test]
fn a_locked_screen_is_away_whatever_the_idle_hint() {
    if !test_hooks("a_locked_screen_is_away_whatever_the_idle_hint") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let locked = hints(false, &at(-120), true);
    let run = stretch_at(&env, &at(0), Some(&locked), &EVERY).run();
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    // Unlocked at 11:07, seen locked at 11:00 and 11:06: away from 11:00 until 11:07.
    stretch_at(&env, &at(6), Some(&locked), &EVERY)
        .run()
        .expect_code(0);
    let back = hints(false, &at(7), false);
    let status = stretch_at(&env, &at(8), Some(&back), &["due", "--every", "50m"]).run();
    status.expect_code(0);
    let run = stretch_at(&env, &at(57), Some(&back), &EVERY).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "Time to stretch: 50m without a break (since 11:07)\n"
    );
}

#[test]
fn the_session_is_xdg_session_id_s_else_the_user_s_display() {
    if !test_hooks("the_session_is_xdg_session_id_s_else_the_user_s_display") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let calls = env.scratch().join("calls");
    let present = hints(false, &at(-30), false);
    stretch_at(&env, &at(0), Some(&present), &EVERY)
        .env("FAKE_LOGIND_CALLS", &calls)
        .run()
        .expect_code(1);
    assert_eq!(
        fs::read_to_string(&calls).unwrap(),
        "show-session 7 -p IdleHint -p IdleSinceHint -p LockedHint\n"
    );
    fs::remove_file(&calls).unwrap();
    let uid = nix::unistd::getuid();
    let run = stretch_at(&env, &at(0), Some(&present), &EVERY)
        .env_remove("XDG_SESSION_ID")
        .env("FAKE_LOGIND_CALLS", &calls)
        .env("FAKE_LOGIND_DISPLAY", "c2")
        .run();
    run.expect_code(1);
    assert_eq!(
        fs::read_to_string(&calls).unwrap(),
        format!(
            "show-user {uid} -p Display\nshow-session c2 -p IdleHint -p IdleSinceHint -p LockedHint\n"
        )
    );
}

#[test]
fn without_logind_due_behaves_as_if_the_user_were_there_and_config_says_so() {
    if !test_hooks("without_logind_due_behaves_as_if_the_user_were_there_and_config_says_so") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let run = stretch_at(&env, &at(0), None, &EVERY).run();
    run.expect_code(1);
    assert!(run.stdout.starts_with("Time to stretch"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
    let config = stretch_at(&env, &at(0), None, &["config"]).run();
    assert!(
        config.expect_code(0).stdout.contains(
            "presence      logind (session 7) cannot be read: `loginctl show-session 7` \
             failed (exit status: 1): Failed to connect to bus: No such file or directory; \
             `due --every` takes you to be at the computer\n"
        ),
        "{}",
        config.stdout
    );
    let idle = hints(true, &at(-10), false);
    let config = stretch_at(&env, &at(0), Some(&idle), &["config", "--format", "json"]).run();
    assert_eq!(
        config.expect_code(0).json()["presence"],
        serde_json::json!({"source": "logind (session 7)", "state": "away", "why": null})
    );
}
