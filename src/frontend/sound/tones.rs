//! The five tones, made in code as small WAV files (16-bit mono PCM), and kept in the
//! cache folder: written once, and again only when a file there is not what it should be.

use std::f64::consts::TAU;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;

use crate::fs::{self, Expect};

/// Samples a second: enough for tones up to a few kHz, and small files.
const RATE: u32 = 22_050;

/// Notes, in Hz.
const C5: f64 = 523.25;
const E5: f64 = 659.25;
const G5: f64 = 783.99;
const C6: f64 = 1046.50;
const A5: f64 = 880.0;

/// What a tone tells, by ear alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// A rising two-note chime: a hold starts.
    Start,
    /// One soft note: half-way through a hold.
    HalfWay,
    /// A short tick: each of the last three seconds of a hold.
    Tick,
    /// A falling two-note chime: a hold ends (switch sides, or next up).
    End,
    /// A longer three-note chord: the routine is complete.
    Complete,
}

impl Tone {
    /// Every tone.
    pub const ALL: [Tone; 5] = [
        Tone::Start,
        Tone::HalfWay,
        Tone::Tick,
        Tone::End,
        Tone::Complete,
    ];

    /// The name of its file, `NAME.wav`; `v1` in the folder's name changes with the tones.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Start => "start",
            Tone::HalfWay => "half-way",
            Tone::Tick => "tick",
            Tone::End => "end",
            Tone::Complete => "complete",
        }
    }

    /// Its notes in turn: each a chord (its frequencies), how long, and how loud (0 to 1).
    fn notes(self) -> &'static [(&'static [f64], u64, f64)] {
        match self {
            Tone::Start => &[(&[C5], 140, 0.5), (&[G5], 260, 0.5)],
            Tone::HalfWay => &[(&[E5], 300, 0.25)],
            Tone::Tick => &[(&[A5], 60, 0.45)],
            Tone::End => &[(&[G5], 140, 0.5), (&[C5], 260, 0.5)],
            Tone::Complete => &[(&[C5, E5, G5, C6], 1100, 0.5)],
        }
    }

    /// How long it plays.
    pub fn length(self) -> Duration {
        Duration::from_millis(self.notes().iter().map(|(_, ms, _)| ms).sum())
    }

    /// The whole WAV file.
    pub fn wav(self) -> Vec<u8> {
        let mut samples = Vec::new();
        for (chord, ms, loudness) in self.notes() {
            let count = RATE as u64 * ms / 1000;
            for n in 0..count {
                let t = n as f64 / f64::from(RATE);
                let left = (count - n) as f64 / count as f64;
                // A quick rise, then a bell-like decay, ending at silence: no clicks.
                let envelope = (n as f64 / 200.0).min(1.0) * left * (-3.0 * t).exp();
                let sum: f64 = chord.iter().map(|f| (TAU * f * t).sin()).sum();
                let value = sum / chord.len() as f64 * loudness * envelope;
                // In range by construction: |value| <= 1.
                samples.push((value * f64::from(i16::MAX)) as i16);
            }
        }
        wav_file(&samples)
    }
}

/// A mono 16-bit PCM WAV file of `samples` at [`RATE`].
fn wav_file(samples: &[i16]) -> Vec<u8> {
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // the size of this chunk
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes a second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes a frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits a sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        out.extend_from_slice(&sample.to_le_bytes());
    }
    out
}

/// The tones' folder in the cache: `$XDG_CACHE_HOME/stretch/tones-v1`, else
/// `~/.cache/stretch/tones-v1`.
pub fn folder() -> anyhow::Result<PathBuf> {
    let cache = fs::folders::cache().context("cannot find the cache folder")?;
    Ok(cache.join("tones-v1"))
}

/// Every tone's file in `folder`, written unless it is there as it should be. What is
/// there is read as a file of the program's own folders is: only a regular file, and no
/// more of it than a tone's length (a link to `/dev/zero` or a named pipe in its place is
/// neither read nor waited on, but replaced). A file is written whole beside its place
/// and renamed into it, so a player never reads half of one.
pub fn write_all(folder: &Path) -> anyhow::Result<Vec<(Tone, PathBuf)>> {
    let mut files = Vec::new();
    for tone in Tone::ALL {
        let path = folder.join(format!("{}.wav", tone.name()));
        let wav = tone.wav();
        let there = fs::read(&path, wav.len() as u64, Expect::Regular);
        if there.ok().as_deref() != Some(&wav[..]) {
            fs::write_atomic(&path, &wav)?;
        }
        files.push((tone, path));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tone_is_a_valid_wav_file_of_its_length_and_all_differ() {
        let wavs: Vec<Vec<u8>> = Tone::ALL.iter().map(|tone| tone.wav()).collect();
        for (tone, wav) in Tone::ALL.iter().zip(&wavs) {
            assert_eq!(&wav[0..4], b"RIFF");
            assert_eq!(&wav[8..16], b"WAVEfmt ");
            let data = u32::from_le_bytes(wav[40..44].try_into().unwrap()) as usize;
            assert_eq!(wav.len(), 44 + data, "{tone:?}");
            let millis = data as u64 / 2 * 1000 / u64::from(RATE);
            assert!(
                tone.length().as_millis().abs_diff(u128::from(millis)) <= 1,
                "{tone:?}"
            );
        }
        for (i, a) in wavs.iter().enumerate() {
            for b in &wavs[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn a_start_rises_an_end_falls_and_the_end_of_the_routine_is_longest() {
        assert!(Tone::Start.notes()[0].0[0] < Tone::Start.notes()[1].0[0]);
        assert!(Tone::End.notes()[0].0[0] > Tone::End.notes()[1].0[0]);
        let longest = Tone::ALL.iter().max_by_key(|tone| tone.length()).unwrap();
        assert_eq!(*longest, Tone::Complete);
        assert!(Tone::Tick.length() < Duration::from_millis(100));
    }

    #[test]
    fn files_are_written_once_and_mended_when_damaged() {
        use std::fs;
        let dir = tempfile::tempdir().unwrap();
        let files = write_all(dir.path()).unwrap();
        assert_eq!(files.len(), 5);
        let (_, start) = &files[0];
        let modified = fs::metadata(start).unwrap().modified().unwrap();
        write_all(dir.path()).unwrap();
        assert_eq!(fs::metadata(start).unwrap().modified().unwrap(), modified);
        fs::write(start, b"damaged").unwrap();
        write_all(dir.path()).unwrap();
        assert_eq!(fs::read(start).unwrap(), Tone::Start.wav());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            5,
            "no partial files left"
        );
    }

    #[test]
    fn a_link_to_a_device_or_a_named_pipe_in_a_tones_place_is_replaced_unread() {
        use std::fs;
        let dir = tempfile::tempdir().unwrap();
        let start = dir.path().join("start.wav");
        let end = dir.path().join("end.wav");
        std::os::unix::fs::symlink("/dev/zero", &start).unwrap();
        nix::unistd::mkfifo(&end, nix::sys::stat::Mode::S_IRWXU).unwrap();
        write_all(dir.path()).unwrap();
        assert_eq!(fs::read(&start).unwrap(), Tone::Start.wav());
        assert_eq!(fs::read(&end).unwrap(), Tone::End.wav());
        assert!(!fs::symlink_metadata(&start).unwrap().is_symlink());
    }
}
