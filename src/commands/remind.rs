//! The `remind` command: ready-to-use snippets that run `stretch due --notify`, and with
//! `--install` the systemd units written, never over existing ones without `--force`.
//! Daily at a time (`--at`): a systemd user timer and its service, a crontab line, a
//! launchd plist. Breaks at intervals (`--every`, `--between`, `--days`, or the config
//! file's): the check every few minutes within the working hours and days, as systemd
//! `OnCalendar` lines (more than one for a window off the hour), crontab lines, and a
//! launchd plist that runs it every few minutes (`due` itself keeps to the hours).

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::civil::Time;

use crate::cli::RemindArgs;
use crate::error::Error;
use stretch_timer::config::{Resolved, Setting, Source};
use stretch_timer::frontend::output::{self, one_line, print_stdout};
use stretch_timer::fs;
use stretch_timer::routine::duration;
use stretch_timer::workday::schedule::Schedule;

/// One reminder: its units' names, their text, and how cron and launchd run it.
struct Reminder {
    /// The timer's and the service's file names, and launchd's label.
    timer: &'static str,
    service: &'static str,
    label: &'static str,
    timer_unit: String,
    service_unit: String,
    crontab: Vec<String>,
    plist: String,
}

/// Print the snippets, or install the systemd units, as the command line asks.
pub fn run(args: &RemindArgs, settings: &Resolved) -> Result<(), Error> {
    let program = program();
    let reminder = match (args.at, settings.every.value) {
        (None, Some(every)) => breaks(every, settings, &program),
        (at, _) => {
            if args.interval.between.is_some() || args.interval.days.is_some() {
                return Err(Error::Usage(
                    "--between and --days are the hours of breaks at intervals: they go \
                     with --every (or the config file's `every`), not with a daily reminder"
                        .into(),
                ));
            }
            daily(at.unwrap_or(Time::constant(18, 0, 0, 0)), &program)
        }
    };
    let units = [
        (reminder.timer, reminder.timer_unit.clone()),
        (reminder.service, reminder.service_unit.clone()),
    ];
    let timer = reminder.timer;
    if !args.install {
        let folder = "~/.config/systemd/user";
        let mut text = String::new();
        for (name, unit) in &units {
            text.push_str(&format!("# {folder}/{name}\n{unit}\n"));
        }
        let label = reminder.label;
        text.push_str(&format!(
            "# then: systemctl --user enable --now {timer}\n\n\
             # crontab -e\n{}\n\n\
             # ~/Library/LaunchAgents/{label}.plist, then: launchctl load ~/Library/LaunchAgents/{label}.plist\n{}",
            reminder.crontab.join("\n"),
            reminder.plist
        ));
        print_stdout(&text)?;
        return Ok(());
    }
    let folder = unit_folder()?;
    install(&folder, &units, args.force)?;
    print_stdout(&format!(
        "Wrote {} and {}.\nTurn the reminder on with:\n  systemctl --user enable --now {timer}\n",
        one_line(&folder.join(timer).display().to_string()),
        one_line(&folder.join(reminder.service).display().to_string()),
    ))?;
    Ok(())
}

/// A setting's value as the command line writes it, if it has one.
fn shown<T: std::fmt::Display>(setting: &Setting<Option<T>>) -> Option<String> {
    setting.value.as_ref().map(ToString::to_string)
}

/// The daily reminder at `at`.
fn daily(at: Time, program: &str) -> Reminder {
    Reminder {
        timer: "stretch-due.timer",
        service: "stretch-due.service",
        label: "org.stretch.due",
        timer_unit: timer(at),
        service_unit: service(
            "Remind me to stretch if I have not today",
            &format!("{program} due --notify"),
            "there is still stretching to do",
        ),
        crontab: vec![crontab(at, program)],
        plist: plist(
            "org.stretch.due",
            &[program, "due", "--notify"],
            &format!(
                "<key>StartCalendarInterval</key>\n  <dict><key>Hour</key><integer>{}</integer><key>Minute</key><integer>{}</integer></dict>",
                at.hour(),
                at.minute()
            ),
        ),
    }
}

/// The check for breaks every `every`, within the hours and days the settings give. The
/// service's command passes on what the command line set; what the config file sets,
/// `due` reads there itself.
fn breaks(every: Duration, settings: &Resolved, program: &str) -> Reminder {
    let schedule = Schedule::new(every, settings.between.value, settings.days.value);
    let mut words = vec![program.to_owned(), "due".to_owned()];
    let mut flag = |name: &str, setting: Option<String>, source: Source| {
        if let (Some(value), Source::Flag) = (setting, source) {
            words.extend([format!("--{name}"), value]);
        }
    };
    flag(
        "every",
        Some(duration::format(every).replace(' ', "")),
        settings.every.source,
    );
    flag("between", shown(&settings.between), settings.between.source);
    flag("days", shown(&settings.days), settings.days.source);
    words.push("--notify".to_owned());
    let command = words.join(" ");
    let hours = match (settings.between.value, settings.days.value) {
        (Some(between), Some(days)) => format!(", {between} on {days}"),
        (Some(between), None) => format!(", {between}"),
        (None, Some(days)) => format!(", on {days}"),
        (None, None) => String::new(),
    };
    let timer_unit = format!(
        "[Unit]\nDescription=Check every {} minutes{hours} whether a stretch break is due (one every {})\n\n\
         [Timer]\n{}\n\n\
         [Install]\nWantedBy=timers.target\n",
        schedule.step,
        duration::format(every),
        schedule
            .on_calendar()
            .iter()
            .map(|line| format!("OnCalendar={line}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let crontab = schedule
        .crontab(&format!("{DBUS} {command}"))
        .into_iter()
        .collect();
    let arguments: Vec<&str> = words.iter().map(String::as_str).collect();
    Reminder {
        timer: "stretch-break.timer",
        service: "stretch-break.service",
        label: "org.stretch.break",
        timer_unit,
        service_unit: service(
            "Nudge me to stretch if a break is due",
            &command,
            "a break is due",
        ),
        crontab,
        plist: plist(
            "org.stretch.break",
            &arguments,
            &format!(
                "<key>StartInterval</key><integer>{}</integer>",
                u32::from(schedule.step) * 60
            ),
        ),
    }
}

/// `$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`.
fn unit_folder() -> anyhow::Result<PathBuf> {
    Ok(fs::folders::config_home()?.join("systemd").join("user"))
}

/// Write every unit into `folder`; unless `force`, only when none of them is there yet.
fn install(folder: &Path, units: &[(&str, String)], force: bool) -> anyhow::Result<()> {
    if !force && let Some((name, _)) = units.iter().find(|(name, _)| folder.join(name).exists()) {
        anyhow::bail!(
            "{} is already there; `stretch remind --install --force` replaces it",
            folder.join(name).display()
        );
    }
    for (name, unit) in units {
        let path = folder.join(name);
        if force {
            fs::write_atomic(&path, unit.as_bytes())?;
        } else {
            // Made here and now: a unit that appeared since the check is still not replaced.
            fs::create_new(&path, unit.as_bytes())?;
        }
    }
    Ok(())
}

/// The program to run: this one's absolute path, so that systemd, cron and launchd find
/// it wherever it was installed (`~/.cargo/bin` is on no service's `PATH`). `stretch`, as
/// found on `PATH`, when this one runs from a build folder, which `cargo clean` empties,
/// or when its path would need quoting in a snippet; a note on standard error says why.
fn program() -> String {
    let Ok(exe) = std::env::current_exe() else {
        note("cannot tell where this program is");
        return PROGRAM.to_string();
    };
    if in_build_folder(&exe) {
        note(&format!(
            "{} is in a build folder, which `cargo clean` empties; install stretch first (`cargo install --path .`)",
            exe.display()
        ));
        return PROGRAM.to_string();
    }
    match exe.to_str().filter(|path| needs_no_quoting(path)) {
        Some(path) => path.to_string(),
        None => {
            note(&format!("{} would need quoting", exe.display()));
            PROGRAM.to_string()
        }
    }
}

/// What the snippets run when they cannot name this program by its path.
const PROGRAM: &str = "stretch";

/// Say on standard error why the snippets name `stretch` on `PATH`.
fn note(why: &str) {
    output::eprint(&format!(
        "note: the reminder runs `stretch` as found on PATH: {}\n",
        one_line(why)
    ));
}

/// Whether `exe` is where cargo builds (`target/debug/stretch`, or in `deps/` there): a
/// folder of cargo's own, with its `.fingerprint` records.
fn in_build_folder(exe: &Path) -> bool {
    exe.ancestors()
        .skip(1)
        .take(2)
        .any(|folder| folder.join(".fingerprint").is_dir())
}

/// Whether `path` is absolute and reads the same in a unit, a crontab line and a plist.
fn needs_no_quoting(path: &str) -> bool {
    path.starts_with('/')
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
}

fn timer(at: Time) -> String {
    format!(
        "[Unit]\nDescription=Remind me to stretch at {hm}\n\n\
         [Timer]\nOnCalendar=*-*-* {hm}:00\nPersistent=true\n\n\
         [Install]\nWantedBy=timers.target\n",
        hm = at.strftime("%H:%M")
    )
}

fn service(description: &str, command: &str, due: &str) -> String {
    format!(
        "[Unit]\nDescription={description}\n\n\
         [Service]\nType=oneshot\nExecStart={command}\n\
         # `due` exits 1 when {due}: that is not a failure.\n\
         SuccessExitStatus=1\n"
    )
}

/// What a crontab line sets first, so that the notification reaches the desktop.
const DBUS: &str = "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus";

fn crontab(at: Time, program: &str) -> String {
    format!(
        "{} {} * * * {DBUS} {program} due --notify",
        at.minute(),
        at.hour()
    )
}

/// A launchd job, `label`, running `arguments` when `when` says.
fn plist(label: &str, arguments: &[&str], when: &str) -> String {
    let arguments: String = arguments
        .iter()
        .map(|argument| format!("<string>{argument}</string>"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>{label}</string>
  <key>ProgramArguments</key>
  <array>{arguments}</array>
  {when}
</dict>
</plist>
"#
    )
}
