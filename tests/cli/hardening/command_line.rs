//! clap quotes a refused value back to the user: on a terminal, that value must not be
//! able to set the window title or move the cursor.

use crate::support::Stretch;

/// A value that, printed raw, sets the window title to TITLE.
const SETS_TITLE: &str = "x\u{1b}]0;TITLE\u{7}";

#[test]
fn refused_values_never_reach_the_terminal_raw() {
    for args in [
        vec!["run", "--level", SETS_TITLE],
        vec!["run", "--hold", SETS_TITLE],
        vec![SETS_TITLE],
    ] {
        let mut run = Stretch::new().args(&args).pty();
        let status = run.finish();
        let screen = run.contents();
        assert_eq!(status.exit_code(), 2, "{args:?}:\n{screen}");
        assert!(screen.contains("error: "), "{args:?}:\n{screen}");
        assert_eq!(
            run.window_titles(),
            Vec::<String>::new(),
            "{args:?}:\n{screen}"
        );
    }
}

#[test]
fn help_and_version_still_exit_0() {
    let help = Stretch::new().arg("--help").run();
    help.expect_code(0);
    assert!(
        help.stdout.starts_with(
            "A stretch routine timer for the terminal\n\nUsage: stretch [OPTIONS] <COMMAND>"
        ),
        "{}",
        help.stdout
    );
    let version = Stretch::new().arg("--version").run();
    version.expect_code(0);
    assert_eq!(version.stdout, "stretch 0.1.0\n");
}
