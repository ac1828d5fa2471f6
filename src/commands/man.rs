//! `stretch man`: the manual page, in roff, placeholder.
use crate::error::Error;

/// Print the manual page.
pub fn run() -> Result<(), Error> {
    Ok(())
}
