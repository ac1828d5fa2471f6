//! Where the program's folders are, by the XDG base directories (else under `~`): the one
//! place that asks. Nothing here makes a folder; a write makes the folders it needs.

use std::fmt;
use std::path::PathBuf;

use etcetera::BaseStrategy;

/// There is no home folder to find the program's folders in (`HOME` is not set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoHome;

impl fmt::Display for NoHome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot tell where your home folder is")
    }
}

impl std::error::Error for NoHome {}

fn strategy() -> Result<impl BaseStrategy, NoHome> {
    etcetera::choose_base_strategy().map_err(|_| NoHome)
}

/// `$XDG_CONFIG_HOME`, else `~/.config`: where systemd looks for user units.
pub fn config_home() -> Result<PathBuf, NoHome> {
    Ok(strategy()?.config_dir())
}

/// `$XDG_CONFIG_HOME/stretch`, else `~/.config/stretch`: the routine folder, the config
/// file and the routine schema.
pub fn config() -> Result<PathBuf, NoHome> {
    Ok(config_home()?.join("stretch"))
}

/// `$XDG_DATA_HOME/stretch`, else `~/.local/share/stretch`: the history.
pub fn data() -> Result<PathBuf, NoHome> {
    Ok(strategy()?.data_dir().join("stretch"))
}

/// `$XDG_CACHE_HOME/stretch`, else `~/.cache/stretch`: the tones.
pub fn cache() -> Result<PathBuf, NoHome> {
    Ok(strategy()?.cache_dir().join("stretch"))
}

/// `$XDG_STATE_HOME/stretch`, else `~/.local/state/stretch` (also where a platform has no
/// state folder of its own): what the checks of the working day remember.
pub fn state() -> Result<PathBuf, NoHome> {
    let strategy = strategy()?;
    let folder = strategy
        .state_dir()
        .unwrap_or_else(|| strategy.home_dir().join(".local").join("state"));
    Ok(folder.join("stretch"))
}
