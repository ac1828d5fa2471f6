//! The `remind` command: ready-to-use snippets that run `stretch due --notify` every day
//! at a time (a systemd user timer and its service, a crontab line, a launchd plist), and
//! with `--install` the systemd units written, never over existing ones without `--force`.

use std::path::{Path, PathBuf};

use jiff::civil::Time;

use crate::cli::RemindArgs;
use crate::error::Error;
use stretch_timer::frontend::output::{self, one_line, print_stdout};
use stretch_timer::fs;

/// The units' names.
const TIMER: &str = "stretch-due.timer";
const SERVICE: &str = "stretch-due.service";

/// Print the snippets, or install the systemd units, as the command line asks.
pub fn run(args: &RemindArgs) -> Result<(), Error> {
    let program = program();
    let units = [(TIMER, timer(args.at)), (SERVICE, service(&program))];
    if !args.install {
        let folder = "~/.config/systemd/user";
        let mut text = String::new();
        for (name, unit) in &units {
            text.push_str(&format!("# {folder}/{name}\n{unit}\n"));
        }
        text.push_str(&format!(
            "# then: systemctl --user enable --now {TIMER}\n\n\
             # crontab -e\n{}\n\n\
             # ~/Library/LaunchAgents/{LAUNCHD_LABEL}.plist, then: launchctl load ~/Library/LaunchAgents/{LAUNCHD_LABEL}.plist\n{}",
            crontab(args.at, &program),
            plist(args.at, &program)
        ));
        print_stdout(&text)?;
        return Ok(());
    }
    let folder = unit_folder()?;
    install(&folder, &units, args.force)?;
    print_stdout(&format!(
        "Wrote {} and {}.\nTurn the reminder on with:\n  systemctl --user enable --now {TIMER}\n",
        one_line(&folder.join(TIMER).display().to_string()),
        one_line(&folder.join(SERVICE).display().to_string()),
    ))?;
    Ok(())
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

fn service(program: &str) -> String {
    format!(
        "[Unit]\nDescription=Remind me to stretch if I have not today\n\n\
         [Service]\nType=oneshot\nExecStart={program} due --notify\n\
         # `due` exits 1 when there is still stretching to do: that is not a failure.\n\
         SuccessExitStatus=1\n"
    )
}

fn crontab(at: Time, program: &str) -> String {
    format!(
        "{} {} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus {program} due --notify",
        at.minute(),
        at.hour()
    )
}

/// The launchd job's label, and its file's name.
const LAUNCHD_LABEL: &str = "org.stretch.due";

fn plist(at: Time, program: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>{LAUNCHD_LABEL}</string>
  <key>ProgramArguments</key>
  <array><string>{program}</string><string>due</string><string>--notify</string></array>
  <key>StartCalendarInterval</key>
  <dict><key>Hour</key><integer>{}</integer><key>Minute</key><integer>{}</integer></dict>
</dict>
</plist>
"#,
        at.hour(),
        at.minute()
    )
}
