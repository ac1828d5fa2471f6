//! Puts the terminal into the state a front end needs and puts it back on every way out:
//! normal return, early return, error and panic.

pub struct TerminalGuard {}

impl TerminalGuard {
    /// Raw mode always; with `full_screen`, also the alternate screen and a hidden cursor.
    pub fn enter(full_screen: bool) -> anyhow::Result<TerminalGuard> {
        let _ = full_screen;
        todo!()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        todo!()
    }
}
