//! `stretch remind --every --between --days`: a systemd timer that checks every few
//! minutes within the working hours and days (each `OnCalendar` line accepted by
//! `systemd-analyze calendar` where it is installed), the crontab lines, a launchd plist,
//! and the units installed beside the daily reminder's.

use std::process::Command;

use super::with_config;
use crate::support::Env;

/// The values of the `OnCalendar=` lines of `text`.
fn on_calendar(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.strip_prefix("OnCalendar="))
        .collect()
}

/// Whether `systemd-analyze calendar` accepts `line`; `None` where it is not installed.
fn systemd_accepts(line: &str) -> Option<bool> {
    let output = Command::new("systemd-analyze")
        .args(["calendar", line])
        .output()
        .ok()?;
    Some(output.status.success())
}

#[test]
fn the_working_week_takes_two_calendar_lines_and_two_crontab_lines() {
    let run = Env::new()
        .stretch()
        .args([
            "remind",
            "--every",
            "50m",
            "--between",
            "09:00-17:30",
            "--days",
            "mon-fri",
        ])
        .run();
    run.expect_code(0);
    let out = &run.stdout;
    assert_eq!(
        on_calendar(out),
        [
            "Mon..Fri *-*-* 09..16:00/5:00",
            "Mon..Fri *-*-* 17:00..29/5:00"
        ]
    );
    let command = "due --every 50m --between 09:00-17:30 --days mon-fri --notify";
    for part in [
        "# ~/.config/systemd/user/stretch-break.timer\n",
        "# ~/.config/systemd/user/stretch-break.service\n",
        &format!(
            " {command}\n# `due` exits 1 when a break is due: that is not a failure.\nSuccessExitStatus=1\n"
        ),
        "systemctl --user enable --now stretch-break.timer",
        "\n*/5 9-16 * * 1-5 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus ",
        "\n0-29/5 17 * * 1-5 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus ",
        "<string>due</string><string>--every</string><string>50m</string><string>--between</string><string>09:00-17:30</string><string>--days</string><string>mon-fri</string><string>--notify</string>",
        "<key>StartInterval</key><integer>300</integer>",
        "<key>Label</key><string>org.stretch.break</string>",
    ] {
        assert!(out.contains(part), "{part:?} in:\n{out}");
    }
    let crontab: Vec<&str> = out
        .lines()
        .filter(|line| line.contains(" DBUS_SESSION_BUS_ADDRESS=") && line.ends_with(command))
        .collect();
    assert_eq!(crontab.len(), 2, "{out}");
}

#[test]
fn every_calendar_line_is_accepted_by_systemd_analyze() {
    let cases: [&[&str]; 5] = [
        &[
            "--every",
            "50m",
            "--between",
            "09:00-17:30",
            "--days",
            "mon-fri",
        ],
        &[
            "--every",
            "20m",
            "--between",
            "08:45-12:10",
            "--days",
            "fri-mon",
        ],
        &[
            "--every",
            "1h",
            "--between",
            "13:15-13:45",
            "--days",
            "sat,sun",
        ],
        &["--every", "5m"],
        &["--every", "90m", "--days", "mon,wed-fri"],
    ];
    let mut lines = Vec::new();
    for args in cases {
        let run = Env::new().stretch().arg("remind").args(args).run();
        run.expect_code(0);
        lines.extend(on_calendar(&run.stdout).into_iter().map(str::to_owned));
    }
    assert_eq!(lines.len(), 8, "{lines:?}");
    for line in &lines {
        match systemd_accepts(line) {
            Some(accepted) => assert!(accepted, "systemd-analyze calendar refuses {line:?}"),
            None => {
                eprintln!("systemd-analyze is not installed: the lines are not checked by systemd");
                return;
            }
        }
    }
}

#[test]
fn the_config_file_s_interval_makes_a_short_command_and_at_keeps_the_daily_reminder() {
    let env = with_config("every = \"50m\"\nbetween = \"09:00-17:00\"\n");
    let run = env.stretch().arg("remind").run();
    run.expect_code(0);
    assert_eq!(on_calendar(&run.stdout), ["*-*-* 09..16:00/5:00"]);
    assert!(run.stdout.contains(" due --notify\n"), "{}", run.stdout);
    let daily = env.stretch().args(["remind", "--at", "07:30"]).run();
    daily.expect_code(0);
    assert_eq!(on_calendar(&daily.stdout), ["*-*-* 07:30:00"]);
    let both = env
        .stretch()
        .args(["remind", "--at", "07:30", "--every", "1h"])
        .run();
    both.expect_code(2);
    let hours_alone = Env::new()
        .stretch()
        .args(["remind", "--between", "09:00-17:00"])
        .run();
    hours_alone.expect_code(2);
    assert!(
        hours_alone.stderr.contains("they go with --every"),
        "{}",
        hours_alone.stderr
    );
}

#[test]
fn install_writes_the_break_units_beside_the_daily_ones() {
    let env = Env::new();
    let folder = env.config_home().join("systemd").join("user");
    env.stretch()
        .args(["remind", "--install"])
        .run()
        .expect_code(0);
    let run = env
        .stretch()
        .args([
            "remind",
            "--install",
            "--every",
            "45m",
            "--between",
            "08:00-16:00",
        ])
        .run();
    run.expect_code(0);
    assert!(
        run.stdout
            .ends_with("  systemctl --user enable --now stretch-break.timer\n"),
        "{}",
        run.stdout
    );
    let timer = std::fs::read_to_string(folder.join("stretch-break.timer")).unwrap();
    assert!(
        timer.contains("OnCalendar=*-*-* 08..15:00/4:00\n"),
        "{timer}"
    );
    let service = std::fs::read_to_string(folder.join("stretch-break.service")).unwrap();
    assert!(
        service.contains(" due --every 45m --between 08:00-16:00 --notify\n"),
        "{service}"
    );
    assert!(folder.join("stretch-due.timer").exists());
}
