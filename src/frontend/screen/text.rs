//! The words of one frame: everything the screen shows, made safe for the terminal, and
//! how text is broken into lines of a given width.

use ratatui::text::Span;

use crate::frontend::words;
use crate::plan::engine::View;
use crate::plan::timeline::PhaseKind;
use crate::routine::duration::{self, short_clock};
use crate::routine::text::{terminal_safe, terminal_safe_multiline};
use crate::routine::{Cue, Routine};

/// Every piece of text a frame can show, already made safe for the terminal.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameText {
    /// The phase ("Hold", "Get ready"…), saying so when the countdown is paused.
    pub title: String,
    /// The stretch, side and rep.
    pub stretch: String,
    /// The time left in the phase, as the big digits show it.
    pub countdown: String,
    /// The most characters the countdown has in this phase (at its start): the digits'
    /// size is chosen for it, so that it stays the same as the seconds tick down.
    pub countdown_chars: usize,
    /// The time done and the phase's length, written on the progress bar.
    pub gauge_label: String,
    /// How far through the phase the countdown is, in whole seconds as shown.
    pub gauge_ratio: f64,
    /// What the voice says now, if anything.
    pub cue: Option<String>,
    /// Every cue the phase can show: the cue keeps the rows that the longest of them
    /// needs, so that the frame does not move when one cue follows another.
    pub phase_cues: Vec<String>,
    /// The routine's own cues, during holds (the one that is the cue is shown as the
    /// cue, its place in the list left blank).
    pub reminders: Vec<String>,
    /// How to get into the stretch that comes next, during the lead-in and rests.
    pub how: Option<String>,
    /// The routine, how far through it the user is and the time it has left.
    pub progress: String,
    /// The key hints, widest first: the screen shows the widest that fits.
    pub hints: Vec<String>,
}

impl FrameText {
    /// The text of the frame that shows `view` of `routine`.
    pub fn new(routine: &Routine, view: &View) -> FrameText {
        let phase = view.phase;
        let stretch = routine.stretches.get(phase.stretch);
        let title = if view.finished {
            "Done"
        } else {
            words::phase_title(phase)
        };
        let title = if view.paused {
            format!("PAUSED · {title} · space resumes")
        } else {
            title.to_owned()
        };

        let mut about = Vec::new();
        if let Some(stretch) = stretch {
            about.push(terminal_safe(&stretch.name));
        }
        about.extend(words::side_label(routine, phase).map(|side| terminal_safe(&side)));
        about.extend(words::rep_label(routine, phase));

        let remaining = view.seconds_left();
        let total = duration::whole_seconds_up(view.phase_duration).max(remaining);
        let done = total - remaining;
        let gauge_ratio = if total == 0 {
            1.0
        } else {
            (done as f64 / total as f64).clamp(0.0, 1.0)
        };

        let cue = view.cue.map(terminal_safe);
        let holding = phase.kind == PhaseKind::Hold && !view.finished;
        let reminders: Vec<String> = if holding {
            routine
                .cues
                .iter()
                .map(|reminder| terminal_safe(reminder))
                .collect()
        } else {
            Vec::new()
        };
        let phase_cues = match stretch {
            Some(stretch) if holding => stretch
                .cues
                .iter()
                .map(|cue| match cue {
                    Cue::Rotating(text) | Cue::Timed { text, .. } => terminal_safe(text),
                })
                .chain(reminders.iter().cloned())
                .collect(),
            _ => Vec::new(),
        };
        let how = match phase.kind {
            PhaseKind::LeadIn | PhaseKind::Rest => stretch
                .map(|s| terminal_safe_multiline(&s.how))
                .filter(|how| !how.trim().is_empty()),
            PhaseKind::Hold | PhaseKind::Switch => None,
        };

        let progress = format!(
            "{} · {} · {} left",
            terminal_safe(&routine.name),
            words::stretch_progress(routine, phase),
            short_clock(view.routine_seconds_left()),
        );

        FrameText {
            title,
            stretch: about.join(" · "),
            countdown: countdown(remaining, total),
            countdown_chars: countdown(total, total).chars().count(),
            gauge_label: format!("{} / {}", short_clock(done), short_clock(total)),
            gauge_ratio,
            cue,
            phase_cues,
            reminders,
            how,
            progress,
            hints: hints(view.paused),
        }
    }
}

/// The big countdown of `seconds` left in a phase of `phase_seconds`: plain seconds in a
/// phase under a minute, where they are easiest to read; minutes and seconds through a
/// longer one, so that the digits keep their place as the minute turns ("1:00",
/// "0:59") and only those that change are drawn again.
pub fn countdown(seconds: u64, phase_seconds: u64) -> String {
    if seconds.max(phase_seconds) < 60 {
        seconds.to_string()
    } else {
        short_clock(seconds)
    }
}

/// The key hints, from all the keys down to the one that lists them.
fn hints(paused: bool) -> Vec<String> {
    let pause = if paused {
        "space resume"
    } else {
        "space pause"
    };
    vec![
        format!("{pause} · n next · b back · +/- 5s · ? keys · q quit"),
        format!("{pause} · n · b · +/- · ? keys · q quit"),
        "? keys · q quit".to_owned(),
        "?".to_owned(),
    ]
}

/// How many columns `text` takes on the terminal.
pub fn text_width(text: &str) -> usize {
    Span::raw(text).width()
}

/// `text` in lines of at most `width` columns, broken at white space (a word longer than
/// a line is cut), each line of the text starting a new one; at most `max_lines` lines,
/// the last ending in "…" when the text was cut short.
pub fn wrap(text: &str, width: u16, max_lines: usize) -> Vec<String> {
    let width = usize::from(width);
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            let word_width = text_width(word);
            if !line.is_empty() && line_width + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += 1 + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            for c in word.chars() {
                let c_width = text_width(c.encode_utf8(&mut [0; 4]));
                if !line.is_empty() && line_width + c_width > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(last) + 1 > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn secs(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    #[test]
    fn numbers_read_as_a_countdown() {
        assert_eq!(
            duration::whole_seconds_up(Duration::from_millis(17_001)),
            18
        );
        assert_eq!(duration::whole_seconds_up(secs(18)), 18);
        assert_eq!(duration::whole_seconds_up(Duration::ZERO), 0);
        assert_eq!(countdown(0, 30), "0");
        assert_eq!(countdown(29, 30), "29");
        assert_eq!(countdown(59, 59), "59");
        assert_eq!(countdown(60, 60), "1:00");
        assert_eq!(countdown(59, 60), "0:59");
        assert_eq!(countdown(9, 90), "0:09");
        assert_eq!(countdown(0, 600), "0:00");
        assert_eq!(countdown(600, 600), "10:00");
        // Five seconds more than a phase of 58 makes a minute and three.
        assert_eq!(countdown(63, 58), "1:03");
    }

    #[test]
    fn wrapping_breaks_at_spaces_cuts_long_words_and_marks_what_is_left_out() {
        assert_eq!(
            wrap("hold at a comfortable level", 10, 9),
            ["hold at a", "comfortabl", "e level"]
        );
        assert_eq!(
            wrap("hold at a comfy level", 10, 9),
            ["hold at a", "comfy", "level"]
        );
        assert_eq!(wrap("abcdefghij", 4, 9), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("one two three four", 9, 1), ["one two…"]);
        assert_eq!(wrap("first\n\nsecond", 20, 9), ["first", "second"]);
        assert_eq!(wrap("長い名前", 4, 9), ["長い", "名前"]);
        assert_eq!(wrap("anything", 0, 9), Vec::<String>::new());
        assert_eq!(wrap("anything", 5, 0), Vec::<String>::new());
        assert_eq!(wrap("ab cd", 1, 1), ["…"]);
    }
}
