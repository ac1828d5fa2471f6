//! `stretch status`, every format: the text line, JSON and waybar's JSON that parse, the
//! three lines of i3blocks, and tmux's and polybar's styles without a raw escape; at intervals and
//! daily, due and not, snoozed and away.

use super::{at, hints, session, stretch_at};
use crate::support::{Env, Outcome, test_hooks};

/// A three-day streak: sessions the day before yesterday, yesterday, and today ending at
/// 10:35 (at 11:00, 25 minutes ago).
fn three_days() -> Env {
    let env = Env::new();
    let history = session(&at(-48 * 60)) + &session(&at(-24 * 60)) + &session(&at(-25));
    env.set_history(history);
    env
}

fn status(env: &Env, minutes: i64, args: &[&str]) -> Outcome {
    let run = stretch_at(env, &at(minutes), None, &[&["status"], args].concat()).run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    run
}

#[test]
fn the_text_line_says_when_the_next_break_is_due_and_the_streak() {
    if !test_hooks("the_text_line_says_when_the_next_break_is_due_and_the_streak") {
        return;
    }
    let env = three_days();
    assert_eq!(
        status(&env, 0, &["--every", "50m"]).stdout,
        "stretch in 25m · 3-day streak\n"
    );
    assert_eq!(
        status(&env, 24, &["--every", "50m"]).stdout,
        "stretch in 1m · 3-day streak\n"
    );
    assert_eq!(
        status(&env, 25, &["--every", "50m"]).stdout,
        "stretch due · 3-day streak\n"
    );
    assert_eq!(
        status(&env, 0, &["--every", "50m", "--between", "12:00-17:00"]).stdout,
        "stretch off hours · 3-day streak\n"
    );
    // Daily: today counts; tomorrow it does not yet, and the streak is yesterday's.
    assert_eq!(
        status(&env, 0, &[]).stdout,
        "stretched today · 3-day streak\n"
    );
    assert_eq!(
        status(&env, 24 * 60, &[]).stdout,
        "stretch due · 3-day streak\n"
    );
    assert_eq!(status(&Env::new(), 0, &[]).stdout, "stretch due\n");
}

#[test]
fn json_parses_and_has_every_figure() {
    if !test_hooks("json_parses_and_has_every_figure") {
        return;
    }
    let env = three_days();
    let json = status(&env, 0, &["--every", "50m", "--format", "json"]).json();
    assert_eq!(
        json,
        serde_json::json!({
            "text": "stretch in 25m · 3-day streak",
            "class": "ok",
            "tooltip": "A break every 50m\nLast break 10:35, next at 11:25\n3-day streak, today included",
            "percentage": 50,
            "streak_days": 3,
            "stretched_today": true,
            "every_s": 3000,
            "last_break": "2026-03-03T10:35:00+01:00",
            "next": "2026-03-03T11:25:00+01:00",
            "snoozed_until": null,
            "away_since": null,
        })
    );
    let daily = status(&Env::new(), 0, &["--format", "json"]).json();
    assert_eq!(daily["class"], "due");
    assert_eq!(daily["every_s"], serde_json::Value::Null);
}

#[test]
fn waybar_gets_one_object_with_text_tooltip_class_and_percentage() {
    if !test_hooks("waybar_gets_one_object_with_text_tooltip_class_and_percentage") {
        return;
    }
    let env = three_days();
    let run = status(&env, 15, &["--every", "50m", "--format", "waybar"]);
    assert_eq!(run.stdout.lines().count(), 1);
    assert_eq!(
        run.json(),
        serde_json::json!({
            "text": "stretch in 10m · 3-day streak",
            "tooltip": "A break every 50m\nLast break 10:35, next at 11:25\n3-day streak, today included",
            "class": "ok",
            "percentage": 80,
        })
    );
    let due = status(&env, 30, &["--every", "50m", "--format", "waybar"]).json();
    assert_eq!(
        (&due["class"], &due["percentage"]),
        (&"due".into(), &100.into())
    );
    // Snoozed and away, from the state file that `snooze` and `due` keep.
    stretch_at(&env, &at(30), None, &["snooze", "15m"])
        .run()
        .expect_code(0);
    let snoozed = status(&env, 31, &["--every", "50m", "--format", "waybar"]).json();
    assert_eq!(snoozed["class"], "snoozed");
    assert_eq!(
        snoozed["text"],
        "stretch snoozed until 11:45 · 3-day streak"
    );
    stretch_at(&env, &at(31), None, &["snooze", "off"])
        .run()
        .expect_code(0);
    let idle = hints(true, &at(28), false);
    stretch_at(&env, &at(32), Some(&idle), &["due", "--every", "50m"])
        .run()
        .expect_code(0);
    let away = status(&env, 33, &["--every", "50m", "--format", "waybar"]).json();
    assert_eq!(away["class"], "away");
    assert_eq!(
        away["tooltip"],
        "A break every 50m\nAway since 11:28\n3-day streak, today included"
    );
}

#[test]
fn i3blocks_gets_the_full_text_the_short_text_and_a_colour() {
    if !test_hooks("i3blocks_gets_the_full_text_the_short_text_and_a_colour") {
        return;
    }
    let env = three_days();
    assert_eq!(
        status(&env, 0, &["--every", "50m", "--format", "i3blocks"]).stdout,
        "stretch in 25m · 3-day streak\nstretch in 25m\n#50FA7B\n"
    );
    assert_eq!(
        status(&env, 25, &["--every", "50m", "--format", "i3blocks"]).stdout,
        "stretch due · 3-day streak\nstretch due\n#FF5555\n"
    );
}

/// tmux and polybar get their own styles around the part that needs the eye, never a raw
/// escape: what is fine keeps the bar's colours; the rest sets both, to read on any theme.
#[test]
fn tmux_and_polybar_get_their_own_styles_and_never_a_raw_escape() {
    if !test_hooks("tmux_and_polybar_get_their_own_styles_and_never_a_raw_escape") {
        return;
    }
    let cases = [
        (
            "tmux",
            "#[fg=white,bg=red,bold]stretch due#[default] · 3-day streak\n",
            "#[fg=black,bg=yellow]stretch snoozed until 11:40#[default] · 3-day streak\n",
        ),
        (
            "polybar",
            "%{F#FFFFFF}%{B#FF5555}stretch due%{B-}%{F-} · 3-day streak\n",
            "%{F#000000}%{B#F1FA8C}stretch snoozed until 11:40%{B-}%{F-} · 3-day streak\n",
        ),
    ];
    for (format, due_line, snoozed_line) in cases {
        let env = three_days();
        let ok = status(&env, 0, &["--every", "50m", "--format", format]).stdout;
        assert_eq!(ok, "stretch in 25m · 3-day streak\n", "{format}");
        let colour = ["--every", "50m", "--format", format, "--color", "always"];
        let due = status(&env, 25, &colour).stdout;
        assert_eq!(due, due_line, "{format}");
        assert!(!due.contains('\u{1b}'), "{format}");
        stretch_at(&env, &at(25), None, &["snooze", "15m"])
            .run()
            .expect_code(0);
        let snoozed = status(&env, 25, &["--every", "50m", "--format", format]).stdout;
        assert_eq!(snoozed, snoozed_line, "{format}");
    }
}

#[test]
fn the_config_file_s_every_is_status_s_too() {
    if !test_hooks("the_config_file_s_every_is_status_s_too") {
        return;
    }
    let env = super::with_config("every = \"50m\"\n");
    env.set_history(session(&at(-10)));
    assert_eq!(
        status(&env, 0, &[]).stdout,
        "stretch in 40m · 1-day streak\n"
    );
}
