//! `stretch remind`: the snippets for a time of day, and the systemd units written, then
//! refused over themselves without `--force`.

use crate::support::Env;

#[test]
fn the_snippets_run_due_notify_at_the_time_asked() {
    let run = Env::new().stretch().args(["remind", "--at", "07:30"]).run();
    run.expect_code(0);
    let out = &run.stdout;
    for part in [
        "OnCalendar=*-*-* 07:30:00\n",
        "due --notify\n",
        "SuccessExitStatus=1\n",
        "\n30 7 * * * ",
        "<key>Hour</key><integer>7</integer><key>Minute</key><integer>30</integer>",
        "systemctl --user enable --now stretch-due.timer",
    ] {
        assert!(out.contains(part), "{part:?} in:\n{out}");
    }
    let default = Env::new().stretch().arg("remind").run();
    assert!(default.stdout.contains("OnCalendar=*-*-* 18:00:00\n"));
    let bad = Env::new().stretch().args(["remind", "--at", "25:00"]).run();
    bad.expect_code(2);
    assert!(
        bad.stderr.contains("is not a time of day as HH:MM"),
        "{}",
        bad.stderr
    );
}

#[test]
fn install_writes_the_units_and_refuses_to_overwrite_them_without_force() {
    let env = Env::new();
    let folder = env.config_home().join("systemd").join("user");
    let run = env.stretch().args(["remind", "--install"]).run();
    run.expect_code(0);
    assert!(
        run.stdout.ends_with(
            "Turn the reminder on with:\n  systemctl --user enable --now stretch-due.timer\n"
        ),
        "{}",
        run.stdout
    );
    let timer = std::fs::read_to_string(folder.join("stretch-due.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 18:00:00\n"));
    let service = std::fs::read_to_string(folder.join("stretch-due.service")).unwrap();
    assert!(service.contains(" due --notify\n"), "{service}");

    let again = env
        .stretch()
        .args(["remind", "--install", "--at", "09:00"])
        .run();
    again.expect_code(1);
    assert_eq!(
        again.stderr,
        format!(
            "{}error: {} is already there; `stretch remind --install --force` replaces it\n",
            build_folder_note(),
            folder.join("stretch-due.timer").display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("stretch-due.timer")).unwrap(),
        timer
    );

    env.stretch()
        .args(["remind", "--install", "--at", "09:00", "--force"])
        .run()
        .expect_code(0);
    let timer = std::fs::read_to_string(folder.join("stretch-due.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 09:00:00\n"));
}

/// The lines of `stretch remind` that name the program to run.
fn program_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|line| line.contains("due --notify") || line.contains("<string>due</string>"))
        .collect()
}

#[test]
fn an_installed_stretch_is_named_by_its_absolute_path() {
    let env = Env::new();
    // Installed: a copy outside any build folder, as `cargo install` or a package leaves it.
    let bin = env.root().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let installed = bin.join("stretch");
    std::fs::copy(crate::support::STRETCH, &installed).unwrap();
    let run = env.stretch().program(&installed).arg("remind").run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let path = installed.display();
    assert_eq!(
        program_lines(&run.stdout),
        [
            format!("ExecStart={path} due --notify"),
            format!(
                "0 18 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus {path} due --notify"
            ),
            format!(
                "  <array><string>{path}</string><string>due</string><string>--notify</string></array>"
            ),
        ]
    );

    env.stretch()
        .program(&installed)
        .args(["remind", "--install"])
        .run()
        .expect_code(0);
    let service = env.config_home().join("systemd/user/stretch-due.service");
    let service = std::fs::read_to_string(service).unwrap();
    assert!(
        service.contains(&format!("\nExecStart={path} due --notify\n")),
        "{service}"
    );
}

#[test]
fn a_stretch_in_a_build_folder_names_stretch_on_the_path_and_says_to_install_it() {
    // The binary under test is cargo's, in target/debug.
    let run = Env::new().stretch().arg("remind").run();
    run.expect_code(0);
    assert_eq!(
        program_lines(&run.stdout),
        [
            "ExecStart=stretch due --notify",
            "0 18 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus stretch due --notify",
            "  <array><string>stretch</string><string>due</string><string>--notify</string></array>",
        ]
    );
    assert_eq!(run.stderr, build_folder_note());
}

/// What `remind` says on standard error when run from cargo's build folder, as the tests do.
fn build_folder_note() -> String {
    format!(
        "note: the reminder runs `stretch` as found on PATH: {} is in a build folder, which \
         `cargo clean` empties; install stretch first (`cargo install --path .`)\n",
        crate::support::STRETCH
    )
}
