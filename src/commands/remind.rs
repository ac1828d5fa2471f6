//! The `remind` command: ready-to-use snippets that run `stretch due --notify` every day
//! at a time (a systemd user timer and its service, a crontab line, a launchd plist), and
//! with `--install` the systemd units written, never over existing ones without `--force`.

use std::path::{Path, PathBuf};

use jiff::civil::Time;

use crate::cli::RemindArgs;
use crate::error::Error;
use stretch_timer::frontend::output::{one_line, print_stdout};
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

/// The program to run: this one's absolute path when it needs no quoting in any of the
/// snippets, else `stretch` as found on `PATH`.
fn program() -> String {
    let safe = |path: &str| {
        path.starts_with('/')
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    };
    std::env::current_exe()
        .ok()
        .and_then(|path| path.to_str().map(str::to_owned))
        .filter(|path| safe(path))
        .unwrap_or_else(|| "stretch".to_string())
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
