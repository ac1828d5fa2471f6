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
            "error: {} is already there; `stretch remind --install --force` replaces it\n",
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
