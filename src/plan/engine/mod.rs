//! The timing engine: a pure state machine over a `Timeline`, fed the time by its caller.
//! It never reads a clock or sleeps, so tests drive a whole routine with a fake clock.
//!
//! Time is a `Duration` since the run began, read by the front end from a monotonic
//! clock. Every phase ends on a deadline derived from that start (plus time spent
//! paused and the user's +/- adjustments), never from a sum of sleeps, so there is no drift.
//!
//! Inside, the engine keeps its deadlines on an "active" clock: the run's time minus the
//! time spent paused. Pausing stops that clock, which moves every deadline by the length
//! of the pause without touching them one by one.
//!
//! Rules a front end can rely on:
//! - A phase that ends on its deadline hands that exact instant to the next one as its start,
//!   however late `advance` is called; a skip or a back starts the new phase at `now`.
//! - A hold counts as completed when it reaches its deadline, whatever +/- did to its length
//!   (so `-` past the time already held completes it); a skipped hold does not count. A hold
//!   completed once stays completed if `back` repeats it.
//! - A hold's cues come at the times `timeline::cue_schedule` gives for its planned length,
//!   the ones `show` prints, so +/- never reshuffles them: a lengthened hold shows its last
//!   cue longer, a shortened one may end before its last cues.

use std::time::Duration;

use crate::plan::action::Action;
use crate::plan::timeline::{Phase, PhaseKind, Timeline, cue_schedule};
use crate::routine::Routine;
use crate::routine::duration;

/// What happened while the engine advanced: the front end rings, speaks or prints these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Phase `index` of the timeline began (also after a skip or a back).
    PhaseStarted { index: usize },
    /// A cue became the current one during a hold.
    Cue { text: String },
    /// The last phase ended; nothing follows.
    Finished,
}

/// Everything a front end needs to draw one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View<'a> {
    pub index: usize,
    pub phase: &'a Phase,
    /// Length of the current phase, after +/- adjustments.
    pub phase_duration: Duration,
    pub elapsed: Duration,
    pub remaining: Duration,
    /// The cue on show now (holds only).
    pub cue: Option<&'a str>,
    pub paused: bool,
    pub finished: bool,
    /// Time left in the whole routine, this phase included.
    pub routine_remaining: Duration,
}

impl View<'_> {
    /// The countdown as shown: whole seconds rounded up, so 29.2 s left shows 30 and the
    /// display reaches 0 exactly when the phase ends. `next_change` wakes on its changes.
    pub fn seconds_left(&self) -> u64 {
        duration::whole_seconds_up(self.remaining)
    }

    /// The routine's time left in whole seconds, rounded up like `seconds_left`.
    pub fn routine_seconds_left(&self) -> u64 {
        duration::whole_seconds_up(self.routine_remaining)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub holds_completed: usize,
    pub holds_total: usize,
    /// Stretches all of whose holds ran to their end.
    pub stretches_completed: usize,
    /// Time spent on phases, pauses left out.
    pub active: Duration,
}

/// Used by `view` only when the timeline has no phase at all, which a validated routine
/// never produces; it keeps `view` total instead of panicking.
static NO_PHASE: Phase = Phase {
    kind: PhaseKind::Hold,
    start: Duration::ZERO,
    duration: Duration::ZERO,
    stretch: 0,
    side: None,
    rep: 1,
};

/// How much `+` and `-` add to or take from the current phase.
pub const ADJUST_SECONDS: i64 = 5;

pub struct Engine<'r> {
    routine: &'r Routine,
    timeline: &'r Timeline,
    /// Whether the first phase's start has been reported.
    started: bool,
    index: usize,
    /// When the current phase began, on the active clock.
    phase_start: Duration,
    /// The current phase's length after +/-.
    phase_duration: Duration,
    /// The current phase's cues as `show` prints them: when each takes over, from the
    /// phase's start, sorted (empty for gaps).
    cues: Vec<(Duration, &'r str)>,
    /// How many of `cues` have been reported.
    cues_reported: usize,
    /// The run's time at which the current pause began.
    paused_since: Option<Duration>,
    /// Time spent in pauses that have ended.
    paused_total: Duration,
    /// On the active clock: when the last phase ended.
    finished_at: Option<Duration>,
    /// Per phase of the timeline: a hold that reached its deadline.
    completed: Vec<bool>,
}

impl<'r> Engine<'r> {
    /// A run that begins at time zero with the first phase.
    pub fn new(routine: &'r Routine, timeline: &'r Timeline) -> Self {
        let mut engine = Engine {
            routine,
            timeline,
            started: false,
            index: 0,
            phase_start: Duration::ZERO,
            phase_duration: Duration::ZERO,
            cues: Vec::new(),
            cues_reported: 0,
            paused_since: None,
            paused_total: Duration::ZERO,
            finished_at: None,
            completed: vec![false; timeline.phases.len()],
        };
        engine.enter(0, Duration::ZERO);
        engine
    }

    /// The events of time zero: the first phase starting (and its first cue).
    pub fn start(&mut self) -> Vec<Event> {
        self.advance(Duration::ZERO)
    }

    /// Advance to `now`, returning every event that became due since the last call,
    /// in order. Phases that ended follow one another on their deadlines exactly.
    /// The first call also reports the first phase's start, if `start` was not called.
    pub fn advance(&mut self, now: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.started {
            self.started = true;
            if self.timeline.phases.is_empty() {
                self.finished_at = Some(Duration::ZERO);
                events.push(Event::Finished);
                return events;
            }
            events.push(Event::PhaseStarted { index: 0 });
        }
        let active = self.active(now);
        while self.finished_at.is_none() {
            let deadline = self.deadline();
            let elapsed = active.min(deadline).saturating_sub(self.phase_start);
            self.report_cues(elapsed, &mut events);
            if active < deadline {
                break;
            }
            if self.current_kind() == Some(PhaseKind::Hold) {
                self.completed[self.index] = true;
            }
            self.begin_next(deadline, &mut events);
        }
        events
    }

    /// Pause, or resume a paused run. Returns the events due up to `now` first, so that
    /// nothing is lost when the caller did not `advance` just before.
    pub fn toggle_pause(&mut self, now: Duration) -> Vec<Event> {
        let events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        match self.paused_since.take() {
            Some(since) => {
                self.paused_total = self.paused_total.saturating_add(now.saturating_sub(since));
            }
            None => self.paused_since = Some(now),
        }
        events
    }

    /// End the current phase now and start the next; on the last phase, finish.
    pub fn skip(&mut self, now: Duration) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_none() {
            self.begin_next(self.active(now), &mut events);
            events.extend(self.advance(now));
        }
        events
    }

    /// Go back to the start of the previous hold: from a gap, the hold just before it;
    /// from a hold, the hold before this one. With no hold before, restart this phase.
    pub fn back(&mut self, now: Duration) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        let target = self.timeline.phases[..self.index]
            .iter()
            .rposition(|phase| phase.kind == PhaseKind::Hold)
            .unwrap_or(self.index);
        self.enter(target, self.active(now));
        events.push(Event::PhaseStarted { index: target });
        events.extend(self.advance(now));
        events
    }

    /// Carry out a key that steers the run: pause, skip, back, or +/- `ADJUST_SECONDS`.
    /// Keys that do not touch the timing (help, quit, interrupt) change nothing here.
    pub fn steer(&mut self, action: Action, now: Duration) -> Vec<Event> {
        match action {
            Action::TogglePause => self.toggle_pause(now),
            Action::Next => self.skip(now),
            Action::Back => self.back(now),
            Action::AddTime => self.adjust(now, ADJUST_SECONDS),
            Action::RemoveTime => self.adjust(now, -ADJUST_SECONDS),
            Action::ToggleHelp | Action::Quit | Action::Interrupt => Vec::new(),
        }
    }

    /// Lengthen (positive) or shorten (negative) the current phase by `seconds`.
    /// Shortening it below the time already spent on it ends it now, as if on its deadline.
    pub fn adjust(&mut self, now: Duration, seconds: i64) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        let change = Duration::from_secs(seconds.unsigned_abs());
        if seconds >= 0 {
            self.phase_duration = self.phase_duration.saturating_add(change);
        } else {
            let elapsed = self.active(now).saturating_sub(self.phase_start);
            self.phase_duration = self.phase_duration.saturating_sub(change).max(elapsed);
        }
        events.extend(self.advance(now));
        events
    }

    pub fn view(&self, now: Duration) -> View<'r> {
        let timeline: &'r Timeline = self.timeline;
        let phase = timeline.phases.get(self.index).unwrap_or(&NO_PHASE);
        let finished = self.finished_at.is_some();
        let elapsed = if finished {
            self.phase_duration
        } else {
            self.elapsed(now).min(self.phase_duration)
        };
        let remaining = self.phase_duration - elapsed;
        let cue = if finished {
            None
        } else {
            self.current_cue(elapsed)
        };
        View {
            index: self.index,
            phase,
            phase_duration: self.phase_duration,
            elapsed,
            remaining,
            cue,
            paused: self.paused_since.is_some(),
            finished,
            routine_remaining: if finished {
                Duration::ZERO
            } else {
                remaining.saturating_add(self.planned_after_current())
            },
        }
    }

    /// The next moment at which `view` would show something different (the countdown's
    /// next whole second, the routine's time left changing its whole second, the next cue,
    /// the end of the phase), or `None` while paused or finished. The front end sleeps
    /// until then, or until a key or signal. (The elapsed time and anything drawn from it,
    /// such as a progress bar, changes continuously and is not counted.)
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        if self.paused_since.is_some() || self.finished_at.is_some() {
            return None;
        }
        let active = self.active(now);
        let deadline = self.deadline();
        let routine_end = deadline.saturating_add(self.planned_after_current());
        let next = [
            next_whole_second(active, deadline),
            next_whole_second(active, routine_end),
            self.next_cue_at(active),
            Some(deadline),
        ]
        .into_iter()
        .flatten()
        .min()?;
        Some(next.saturating_add(self.paused_total))
    }

    /// The next moment at which `advance` would report an event (the next cue or the end
    /// of the phase), or `None` while paused or finished. For a front end that shows no
    /// countdown, such as the plain one.
    pub fn next_event(&self, now: Duration) -> Option<Duration> {
        if self.paused_since.is_some() || self.finished_at.is_some() {
            return None;
        }
        let active = self.active(now);
        let deadline = self.deadline();
        let next = self
            .next_cue_at(active)
            .map_or(deadline, |cue| cue.min(deadline));
        Some(next.saturating_add(self.paused_total))
    }

    pub fn summary(&self, now: Duration) -> Summary {
        let holds_completed = self.completed.iter().filter(|&&done| done).count();
        let stretches_completed = (0..self.routine.stretches.len())
            .filter(|&stretch| {
                let mut holds = self
                    .timeline
                    .phases
                    .iter()
                    .zip(&self.completed)
                    .filter(|(phase, _)| phase.kind == PhaseKind::Hold && phase.stretch == stretch)
                    .peekable();
                holds.peek().is_some() && holds.all(|(_, &done)| done)
            })
            .count();
        Summary {
            holds_completed,
            holds_total: self.timeline.hold_count(),
            stretches_completed,
            active: self.finished_at.unwrap_or_else(|| self.active(now)),
        }
    }

    /// The run's time with the pauses taken out; frozen while paused.
    fn active(&self, now: Duration) -> Duration {
        self.paused_since
            .unwrap_or(now)
            .saturating_sub(self.paused_total)
    }

    fn elapsed(&self, now: Duration) -> Duration {
        self.active(now).saturating_sub(self.phase_start)
    }

    fn current_kind(&self) -> Option<PhaseKind> {
        self.timeline.phases.get(self.index).map(|phase| phase.kind)
    }

    /// When the current phase ends, on the active clock.
    fn deadline(&self) -> Duration {
        self.phase_start.saturating_add(self.phase_duration)
    }

    /// The planned length of every phase after the current one.
    fn planned_after_current(&self) -> Duration {
        let later = self.timeline.phases.get(self.index + 1..).unwrap_or(&[]);
        later.iter().fold(Duration::ZERO, |sum, phase| {
            sum.saturating_add(phase.duration)
        })
    }

    /// Make phase `index` the current one, starting at `start` on the active clock.
    fn enter(&mut self, index: usize, start: Duration) {
        self.index = index;
        self.phase_start = start;
        let Some(phase) = self.timeline.phases.get(index) else {
            return;
        };
        self.phase_duration = phase.duration;
        self.cues = match phase.kind {
            PhaseKind::Hold => cue_schedule(self.routine, phase.stretch, phase.duration),
            _ => Vec::new(),
        };
        self.cues_reported = 0;
    }

    /// End the current phase at `at` and start the next one there, or finish.
    fn begin_next(&mut self, at: Duration, events: &mut Vec<Event>) {
        if self.index + 1 < self.timeline.phases.len() {
            self.enter(self.index + 1, at);
            events.push(Event::PhaseStarted { index: self.index });
        } else {
            self.finished_at = Some(at);
            self.paused_since = None;
            events.push(Event::Finished);
        }
    }

    /// Report every cue of the current phase that has taken over by `elapsed` and starts
    /// before the phase ends (a cue due at or after the end is never shown).
    fn report_cues(&mut self, elapsed: Duration, events: &mut Vec<Event>) {
        while let Some(&(at, text)) = self.cues.get(self.cues_reported) {
            if at > elapsed || at >= self.phase_duration {
                break;
            }
            events.push(Event::Cue {
                text: text.to_string(),
            });
            self.cues_reported += 1;
        }
    }

    fn current_cue(&self, elapsed: Duration) -> Option<&'r str> {
        self.cues
            .iter()
            .take_while(|(at, _)| *at <= elapsed && *at < self.phase_duration)
            .last()
            .map(|&(_, text)| text)
    }

    /// On the active clock: when the next cue of the current phase takes over.
    fn next_cue_at(&self, active: Duration) -> Option<Duration> {
        let elapsed = active.saturating_sub(self.phase_start);
        self.cues
            .iter()
            .map(|&(at, _)| at)
            .find(|&at| at > elapsed)
            .filter(|&at| at < self.phase_duration)
            .map(|at| self.phase_start.saturating_add(at))
    }
}

/// When a countdown to `end` next changes its whole-seconds-up display, after `now`:
/// at the moment the time left becomes the next whole number of seconds below it.
/// `None` once `end` is reached.
fn next_whole_second(now: Duration, end: Duration) -> Option<Duration> {
    let left = duration::whole_seconds_up(end.checked_sub(now)?);
    let next_shown = left.checked_sub(1)?;
    Some(end - Duration::from_secs(next_shown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::timeline::Side;
    use crate::routine::{Cue, Level, Sides, Stretch};

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    fn stretch(id: &str, hold: Duration, sides: Sides, reps: u32, cues: Vec<Cue>) -> Stretch {
        Stretch {
            id: id.to_string(),
            name: format!("Stretch {id}"),
            level: None,
            how: String::new(),
            hold,
            sides,
            reps,
            cues,
        }
    }

    /// Lead-in 5 s, switch 5 s, rest 10 s.
    fn routine(stretches: Vec<Stretch>, cues: &[&str]) -> Routine {
        Routine {
            name: "test".to_string(),
            description: String::new(),
            level: Level::All,
            hold: s(30),
            rest: s(10),
            switch: s(5),
            lead_in: s(5),
            cues: cues.iter().map(|cue| cue.to_string()).collect(),
            stretches,
        }
    }

    fn rotating(text: &str) -> Cue {
        Cue::Rotating(text.to_string())
    }

    fn timed(at: Duration, text: &str) -> Cue {
        Cue::Timed {
            at,
            text: text.to_string(),
        }
    }

    fn started(index: usize) -> Event {
        Event::PhaseStarted { index }
    }

    fn cue(text: &str) -> Event {
        Event::Cue {
            text: text.to_string(),
        }
    }

    fn at(now: Duration, events: Vec<Event>) -> Vec<(Duration, Event)> {
        events.into_iter().map(|event| (now, event)).collect()
    }

    /// Calls `advance` every `step` until `until`, noting when each event came out.
    fn walk_in_steps(
        engine: &mut Engine,
        step: Duration,
        until: Duration,
    ) -> Vec<(Duration, Event)> {
        let mut now = Duration::ZERO;
        let mut seen = at(now, engine.start());
        while now < until {
            now += step;
            seen.extend(at(now, engine.advance(now)));
        }
        seen
    }

    /// Sleeps (in fake time) from one `next_change` to the next, as a front end does.
    fn walk_by_next_change(engine: &mut Engine) -> Vec<(Duration, Event)> {
        let mut now = Duration::ZERO;
        let mut seen = at(now, engine.start());
        while let Some(next) = engine.next_change(now) {
            assert!(
                next > now,
                "next_change({now:?}) = {next:?} does not move forward"
            );
            now = next;
            seen.extend(at(now, engine.advance(now)));
        }
        seen
    }

    fn only_events(seen: &[(Duration, Event)]) -> Vec<Event> {
        seen.iter().map(|(_, event)| event.clone()).collect()
    }

    /// A both-sided stretch of two reps and a one-sided one, no cues:
    /// lead-in 0-5, A left 5-35, switch 35-40, A right 40-70, switch 70-75, A left 75-105,
    /// switch 105-110, A right 110-140, rest 140-150, B 150-170.
    fn sides_and_reps() -> Routine {
        routine(
            vec![
                stretch("a", s(30), Sides::Both, 2, vec![]),
                stretch("b", s(20), Sides::None, 1, vec![]),
            ],
            &[],
        )
    }

    fn sides_and_reps_plan() -> Vec<(Duration, Event)> {
        let mut plan: Vec<(Duration, Event)> = [0, 5, 35, 40, 70, 75, 105, 110, 140, 150]
            .into_iter()
            .enumerate()
            .map(|(index, start)| (s(start), started(index)))
            .collect();
        plan.push((s(170), Event::Finished));
        plan
    }

    #[test]
    fn walks_sides_and_reps_on_the_plan() {
        let routine = sides_and_reps();
        let timeline = Timeline::new(&routine);
        let kinds: Vec<(PhaseKind, Option<Side>, u32)> = timeline
            .phases
            .iter()
            .map(|p| (p.kind, p.side, p.rep))
            .collect();
        use PhaseKind::*;
        assert_eq!(
            kinds,
            [
                (LeadIn, Some(Side::Left), 1),
                (Hold, Some(Side::Left), 1),
                (Switch, Some(Side::Right), 1),
                (Hold, Some(Side::Right), 1),
                (Switch, Some(Side::Left), 2),
                (Hold, Some(Side::Left), 2),
                (Switch, Some(Side::Right), 2),
                (Hold, Some(Side::Right), 2),
                (Rest, None, 1),
                (Hold, None, 1),
            ]
        );

        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(
            walk_in_steps(&mut engine, ms(250), s(200)),
            sides_and_reps_plan()
        );
        let summary = engine.summary(s(200));
        assert_eq!(
            summary,
            Summary {
                holds_completed: 5,
                holds_total: 5,
                stretches_completed: 2,
                active: s(170)
            }
        );

        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(walk_by_next_change(&mut engine), sides_and_reps_plan());
    }

    #[test]
    fn view_shows_the_phase_its_countdown_and_the_routine_left() {
        let routine = sides_and_reps();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.advance(ms(50_200));
        let view = engine.view(ms(50_200));
        assert_eq!(view.index, 3);
        assert_eq!(view.phase, &timeline.phases[3]);
        assert_eq!(view.phase.side, Some(Side::Right));
        assert_eq!(view.phase_duration, s(30));
        assert_eq!(view.elapsed, ms(10_200));
        assert_eq!(view.remaining, ms(19_800));
        assert_eq!(view.seconds_left(), 20);
        assert_eq!(view.routine_remaining, ms(119_800));
        assert_eq!(view.routine_seconds_left(), 120);
        assert_eq!(view.cue, None);
        assert!(!view.paused);
        assert!(!view.finished);

        engine.advance(s(170));
        let view = engine.view(s(171));
        assert!(view.finished);
        assert_eq!(view.index, 9);
        assert_eq!(
            (view.elapsed, view.remaining, view.routine_remaining),
            (s(20), s(0), s(0))
        );
    }

    #[test]
    fn rotating_cues_take_turns_and_timed_cues_come_at_their_time() {
        let routine = routine(
            vec![stretch(
                "a",
                s(30),
                Sides::None,
                1,
                vec![rotating("a1"), rotating("a2"), timed(s(12), "t")],
            )],
            &["r1"],
        );
        let timeline = Timeline::new(&routine);
        // Hold 5-35; three rotating cues over 30 s: at 0, 10 and 20 s of the hold.
        let expected = vec![
            (s(0), started(0)),
            (s(5), started(1)),
            (s(5), cue("a1")),
            (s(15), cue("a2")),
            (s(17), cue("t")),
            (s(25), cue("r1")),
            (s(35), Event::Finished),
        ];
        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(walk_in_steps(&mut engine, ms(100), s(40)), expected);
        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(walk_by_next_change(&mut engine), expected);

        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        let shown = |engine: &mut Engine, millis| {
            engine.advance(ms(millis));
            engine.view(ms(millis)).cue.map(str::to_string)
        };
        assert_eq!(shown(&mut engine, 4_999), None, "no cue in the lead-in");
        assert_eq!(shown(&mut engine, 5_000).as_deref(), Some("a1"));
        assert_eq!(shown(&mut engine, 14_999).as_deref(), Some("a1"));
        assert_eq!(shown(&mut engine, 15_000).as_deref(), Some("a2"));
        assert_eq!(shown(&mut engine, 16_999).as_deref(), Some("a2"));
        assert_eq!(shown(&mut engine, 17_000).as_deref(), Some("t"));
        assert_eq!(shown(&mut engine, 24_999).as_deref(), Some("t"));
        assert_eq!(shown(&mut engine, 25_000).as_deref(), Some("r1"));
        assert_eq!(shown(&mut engine, 34_999).as_deref(), Some("r1"));
        assert_eq!(shown(&mut engine, 35_000), None, "no cue once finished");
    }

    #[test]
    fn seven_rotating_cues_come_on_the_whole_seconds_that_show_prints() {
        let stretch_cues = vec![rotating("c0"), rotating("c1"), rotating("c2")];
        let routine = routine(
            vec![stretch("a", s(30), Sides::None, 1, stretch_cues)],
            &["c3", "c4", "c5", "c6"],
        );
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        let cues: Vec<(Duration, Event)> = walk_by_next_change(&mut engine)
            .into_iter()
            .filter(|(_, event)| matches!(event, Event::Cue { .. }))
            .collect();
        // i·30/7 s of the hold, on the whole second before; the hold starts at 5 s.
        let expected: Vec<(Duration, Event)> = [5, 9, 13, 17, 22, 26, 30]
            .into_iter()
            .enumerate()
            .map(|(i, second)| (s(second), cue(&format!("c{i}"))))
            .collect();
        assert_eq!(cues, expected);
    }

    #[test]
    fn cues_start_again_in_every_hold_and_a_timed_cue_wins_a_tie() {
        let routine = routine(
            vec![stretch(
                "a",
                s(10),
                Sides::Both,
                1,
                vec![rotating("r"), timed(s(0), "t")],
            )],
            &[],
        );
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        let expected = vec![
            (s(0), started(0)),
            (s(5), started(1)),
            (s(5), cue("r")),
            (s(5), cue("t")),
            (s(15), started(2)),
            (s(20), started(3)),
            (s(20), cue("r")),
            (s(20), cue("t")),
            (s(30), Event::Finished),
        ];
        assert_eq!(walk_in_steps(&mut engine, s(1), s(31)), expected);

        let mut engine = Engine::new(&routine, &timeline);
        engine.advance(s(6));
        assert_eq!(engine.view(s(6)).cue, Some("t"));
    }

    /// Lead-in 0-5, one hold of 30 s at 5-35.
    fn one_hold() -> Routine {
        routine(vec![stretch("a", s(30), Sides::None, 1, vec![])], &[])
    }

    #[test]
    fn a_pause_freezes_the_phase_and_moves_the_deadline_by_its_length() {
        let routine = one_hold();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.advance(s(10)), vec![started(1)]);
        assert_eq!(engine.toggle_pause(s(10)), vec![]);

        let view = engine.view(s(25));
        assert!(view.paused);
        assert_eq!((view.elapsed, view.remaining), (s(5), s(25)));
        assert_eq!(engine.next_change(s(25)), None);
        assert_eq!(engine.next_event(s(25)), None);
        assert_eq!(
            engine.advance(s(100)),
            vec![],
            "nothing happens while paused"
        );
        assert_eq!(engine.summary(s(100)).active, s(10));

        // Resumed after 30 s paused: the hold now ends at 35 + 30 = 65.
        assert_eq!(engine.toggle_pause(s(40)), vec![]);
        let view = engine.view(s(40));
        assert!(!view.paused);
        assert_eq!((view.elapsed, view.remaining), (s(5), s(25)));
        assert_eq!(engine.next_change(s(40)), Some(s(41)));
        assert_eq!(engine.next_event(s(40)), Some(s(65)));
        assert_eq!(engine.advance(ms(64_999)), vec![]);
        assert_eq!(engine.advance(s(65)), vec![Event::Finished]);
        assert_eq!(engine.summary(s(80)).active, s(35));
    }

    #[test]
    fn pauses_add_up_and_a_phase_resumed_next_to_its_end_ends_on_time() {
        let routine = one_hold();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.toggle_pause(ms(4_500));
        engine.toggle_pause(ms(10_500));
        assert_eq!(engine.advance(ms(10_999)), vec![]);
        assert_eq!(engine.advance(s(11)), vec![started(1)]);
        engine.toggle_pause(s(20));
        engine.toggle_pause(s(21));
        // 7 s of pauses: the hold, planned to end at 35, ends at 42.
        assert_eq!(engine.next_event(s(21)), Some(s(42)));
        assert_eq!(engine.advance(ms(41_999)), vec![]);
        assert_eq!(engine.advance(s(42)), vec![Event::Finished]);
        assert_eq!(engine.summary(s(42)).active, s(35));
    }

    #[test]
    fn pausing_late_first_reports_what_was_due() {
        let routine = one_hold();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.toggle_pause(s(6)), vec![started(1)]);
        assert_eq!(engine.view(s(50)).elapsed, s(1));
    }

    /// Lead-in 0-5, A left 5-35, switch 35-40, A right 40-70, rest 70-80, B 80-100;
    /// one rotating cue "c" at the start of every hold.
    fn two_stretches() -> Routine {
        routine(
            vec![
                stretch("a", s(30), Sides::Both, 1, vec![]),
                stretch("b", s(20), Sides::None, 1, vec![]),
            ],
            &["c"],
        )
    }

    #[test]
    fn skip_starts_the_next_phase_now_and_the_skipped_hold_does_not_count() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.advance(s(12)), vec![started(1), cue("c")]);
        assert_eq!(engine.skip(s(12)), vec![started(2)]);
        assert_eq!(engine.view(s(12)).remaining, s(5));
        assert_eq!(engine.advance(ms(16_999)), vec![]);
        assert_eq!(engine.advance(s(17)), vec![started(3), cue("c")]);
        assert_eq!(engine.advance(s(47)), vec![started(4)]);
        assert_eq!(engine.advance(s(57)), vec![started(5), cue("c")]);
        assert_eq!(
            engine.skip(s(60)),
            vec![Event::Finished],
            "skipping the last phase finishes"
        );
        assert_eq!(engine.skip(s(61)), vec![]);
        assert_eq!(engine.advance(s(200)), vec![]);
        assert_eq!(
            engine.summary(s(200)),
            Summary {
                holds_completed: 1,
                holds_total: 3,
                stretches_completed: 0,
                active: s(60)
            }
        );
    }

    #[test]
    fn skip_while_paused_stays_paused_and_skip_late_reports_what_was_due() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.toggle_pause(s(2));
        assert_eq!(engine.skip(s(3)), vec![started(1), cue("c")]);
        let view = engine.view(s(9));
        assert!(view.paused);
        assert_eq!((view.index, view.elapsed), (1, s(0)));
        engine.toggle_pause(s(10));
        // Active time 2 s at the resume; the hold ends 30 s later, at 40.
        assert_eq!(engine.skip(s(41)), vec![started(2), started(3), cue("c")]);
        assert_eq!(engine.view(s(41)).remaining, s(30));
        assert_eq!(engine.summary(s(41)).holds_completed, 1);
    }

    #[test]
    fn back_from_a_hold_goes_to_the_hold_before_it() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.advance(s(85)).last(), Some(&cue("c")));
        assert_eq!(engine.view(s(85)).index, 5);
        // From B, back to A's right side (not to the rest between them), restarted now.
        assert_eq!(engine.back(s(85)), vec![started(3), cue("c")]);
        let view = engine.view(s(90));
        assert_eq!((view.index, view.elapsed, view.remaining), (3, s(5), s(25)));
        assert_eq!(view.cue, Some("c"));
        assert_eq!(engine.back(s(90)), vec![started(1), cue("c")]);
        assert_eq!(engine.advance(s(120)), vec![started(2)]);
    }

    #[test]
    fn back_from_a_gap_goes_to_the_hold_just_before_it() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.advance(s(36));
        assert_eq!(engine.view(s(36)).index, 2, "in the switch");
        assert_eq!(engine.back(s(36)), vec![started(1), cue("c")]);
        assert_eq!(engine.next_event(s(36)), Some(s(66)));
        // Hold again 36-66, switch 66-71, right side 71-101, rest 101-111.
        engine.advance(s(105));
        assert_eq!(engine.view(s(105)).index, 4, "in the rest");
        assert_eq!(engine.back(s(105)), vec![started(3), cue("c")]);
    }

    #[test]
    fn back_with_no_hold_before_restarts_the_current_phase() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.back(s(2)), vec![started(0)]);
        assert_eq!(engine.advance(ms(6_999)), vec![]);
        assert_eq!(engine.advance(s(7)), vec![started(1), cue("c")]);
        engine.adjust(s(10), 5);
        assert_eq!(engine.back(s(20)), vec![started(1), cue("c")]);
        let view = engine.view(s(20));
        assert_eq!(
            (view.elapsed, view.phase_duration),
            (s(0), s(30)),
            "a restart drops +/-"
        );
    }

    #[test]
    fn back_keeps_a_completed_hold_completed_and_the_summary_counts_it_once() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.advance(s(36));
        engine.back(s(36));
        engine.advance(s(66));
        assert_eq!(engine.summary(s(66)).holds_completed, 1);
        engine.advance(s(200));
        assert_eq!(
            engine.summary(s(200)),
            Summary {
                holds_completed: 3,
                holds_total: 3,
                stretches_completed: 2,
                active: s(131)
            }
        );
    }

    #[test]
    fn plus_and_minus_change_the_current_phase_only() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.adjust(s(1), 5), vec![], "+5 s on the lead-in");
        assert_eq!(engine.view(s(1)).phase_duration, s(10));
        assert_eq!(engine.advance(ms(9_999)), vec![]);
        assert_eq!(engine.advance(s(10)), vec![started(1), cue("c")]);
        assert_eq!(
            engine.view(s(10)).phase_duration,
            s(30),
            "the next phase keeps its plan"
        );
        assert_eq!(engine.adjust(s(12), -5), vec![]);
        assert_eq!(engine.view(s(12)).remaining, s(23));
        assert_eq!(
            engine.view(s(12)).routine_remaining,
            s(23 + 5 + 30 + 10 + 20)
        );
        assert_eq!(engine.advance(ms(34_999)), vec![]);
        assert_eq!(engine.advance(s(35)), vec![started(2)]);
        assert_eq!(
            engine.summary(s(35)).holds_completed,
            1,
            "a shortened hold that ran out counts"
        );
    }

    #[test]
    fn shortening_below_the_time_already_spent_ends_the_phase_now() {
        let routine = two_stretches();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        engine.advance(s(20));
        // 15 s into a 30 s hold: 25 s, 20 s, then 15 s, which is what has been spent.
        assert_eq!(engine.adjust(s(20), -5), vec![]);
        assert_eq!(engine.adjust(s(20), -5), vec![]);
        assert_eq!(engine.adjust(s(20), -5), vec![started(2)]);
        assert_eq!(engine.view(s(20)).remaining, s(5));
        assert_eq!(engine.adjust(ms(24_000), -5), vec![started(3), cue("c")]);
        assert_eq!(engine.view(ms(24_000)).elapsed, s(0));
        assert_eq!(engine.summary(s(24)).holds_completed, 1);
        assert_eq!(engine.adjust(s(24), i64::MIN), vec![started(4)]);
        assert_eq!(engine.adjust(s(24), i64::MAX), vec![]);
        assert_eq!(engine.adjust(s(24), i64::MAX), vec![]);
        assert_eq!(engine.view(s(24)).seconds_left(), u64::MAX);
        assert!(engine.next_change(s(24)).is_some());
    }

    #[test]
    fn a_shortened_hold_drops_the_cues_past_its_new_end() {
        let routine = routine(
            vec![stretch(
                "a",
                s(30),
                Sides::None,
                1,
                vec![timed(s(25), "late")],
            )],
            &["r"],
        );
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.advance(s(10)), vec![started(1), cue("r")]);
        engine.adjust(s(10), -5);
        engine.adjust(s(10), -5);
        assert_eq!(engine.next_event(s(10)), Some(s(25)));
        assert_eq!(engine.advance(s(40)), vec![Event::Finished]);
    }

    /// 12 stretches of 1 s holds, both sides, 2 reps, half-second switches, with cues.
    fn many_short_phases() -> Routine {
        let stretches = (0..12)
            .map(|i| {
                let cues = vec![rotating("x"), rotating("y"), timed(ms(300), "t")];
                stretch(&format!("s{i}"), s(1), Sides::Both, 2, cues)
            })
            .collect();
        let mut routine = routine(stretches, &["z"]);
        routine.switch = ms(500);
        routine.rest = s(1);
        routine.lead_in = s(2);
        routine
    }

    #[test]
    fn a_late_advance_reports_every_event_in_order() {
        let routine = many_short_phases();
        let timeline = Timeline::new(&routine);
        assert!(timeline.total < s(100));
        let mut stepped = Engine::new(&routine, &timeline);
        let in_steps = only_events(&walk_in_steps(&mut stepped, ms(10), s(100)));

        let mut late = Engine::new(&routine, &timeline);
        let at_once = late.advance(s(100));
        assert_eq!(at_once, in_steps);
        let phases: Vec<&Event> = at_once
            .iter()
            .filter(|e| matches!(e, Event::PhaseStarted { .. }))
            .collect();
        let expected_phases: Vec<Event> = (0..timeline.phases.len()).map(started).collect();
        assert_eq!(phases, expected_phases.iter().collect::<Vec<_>>());
        // In a 1 s hold the three rotating cues come a third of a second apart (at 0,
        // 333 and 666 ms), and the timed cue at its 300 ms.
        let hold_start = [
            started(1),
            cue("x"),
            cue("t"),
            cue("y"),
            cue("z"),
            started(2),
        ];
        assert_eq!(at_once[1..7], hold_start);
        assert_eq!(at_once.last(), Some(&Event::Finished));
        assert_eq!(
            at_once
                .iter()
                .filter(|e| matches!(e, Event::Cue { .. }))
                .count(),
            12 * 4 * 4
        );
        assert_eq!(late.summary(s(100)).active, timeline.total);
    }

    #[test]
    fn a_late_advance_starts_each_phase_on_the_previous_deadline() {
        let routine = many_short_phases();
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        for now in [ms(3_700), ms(17_050), ms(31_999), ms(44_444)] {
            engine.advance(now);
            let view = engine.view(now);
            let planned = timeline.phases[view.index];
            assert!(
                planned.start <= now && now < planned.start + planned.duration,
                "at {now:?}: {planned:?}"
            );
            assert_eq!(view.elapsed, now - planned.start, "at {now:?}");
        }
    }

    #[test]
    fn no_drift_after_hundreds_of_phases() {
        let stretches = (0..100)
            .map(|i| {
                stretch(
                    &format!("s{i}"),
                    ms(1_337),
                    Sides::Both,
                    3,
                    vec![rotating("c")],
                )
            })
            .collect();
        let mut routine = routine(stretches, &["d", "e"]);
        routine.switch = ms(700);
        routine.rest = ms(1_100);
        routine.lead_in = s(3);
        let timeline = Timeline::new(&routine);
        assert_eq!(timeline.phases.len(), 1 + 100 * 6 * 2 - 1);

        let mut engine = Engine::new(&routine, &timeline);
        let seen = walk_by_next_change(&mut engine);
        let starts: Vec<(Duration, Event)> = seen
            .iter()
            .filter(|(_, e)| matches!(e, Event::PhaseStarted { .. }))
            .cloned()
            .collect();
        let planned: Vec<(Duration, Event)> = timeline
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, started(i)))
            .collect();
        assert_eq!(starts, planned);
        assert_eq!(seen.last(), Some(&(timeline.total, Event::Finished)));

        // Irregular, late calls: the end is still the plan's total, to the nanosecond.
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        let steps = [
            ms(370),
            ms(1_910),
            ms(13),
            Duration::from_nanos(123_456_789),
        ];
        let mut now = Duration::ZERO;
        let mut finished = false;
        for step in steps.iter().cycle() {
            now += *step;
            finished |= engine.advance(now).contains(&Event::Finished);
            if finished {
                break;
            }
        }
        assert_eq!(engine.summary(now).active, timeline.total);
    }

    #[test]
    fn next_change_wakes_for_each_second_shown_each_cue_and_the_end() {
        let routine = routine(
            vec![stretch(
                "a",
                s(30),
                Sides::None,
                1,
                vec![timed(ms(10_500), "t")],
            )],
            &[],
        );
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        assert_eq!(engine.next_change(s(0)), Some(s(1)));
        assert_eq!(engine.next_change(ms(300)), Some(s(1)));
        assert_eq!(engine.next_change(ms(4_200)), Some(s(5)));
        engine.advance(ms(5_200));
        let view = engine.view(ms(5_200));
        assert_eq!((view.remaining, view.seconds_left()), (ms(29_800), 30));
        assert_eq!(engine.next_change(ms(5_200)), Some(s(6)));
        assert_eq!(engine.view(s(6)).seconds_left(), 29);
        assert_eq!(
            engine.next_change(ms(15_300)),
            Some(ms(15_500)),
            "the timed cue"
        );
        engine.advance(ms(15_500));
        assert_eq!(engine.next_change(ms(15_500)), Some(s(16)));
        assert_eq!(engine.next_event(ms(15_500)), Some(s(35)));
        assert_eq!(engine.next_change(ms(34_100)), Some(s(35)));
        engine.advance(s(35));
        assert_eq!(engine.next_change(s(35)), None, "finished");
        assert_eq!(engine.next_event(s(35)), None);
    }

    #[test]
    fn next_change_counts_the_pauses_and_the_routine_countdown() {
        let mut routine = one_hold();
        routine.stretches[0].hold = ms(30_500);
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        engine.start();
        // 35.5 s left in the routine shows 36; it shows 35 from 0.5 s on.
        assert_eq!(engine.next_change(s(0)), Some(ms(500)));
        assert_eq!(engine.next_change(ms(500)), Some(s(1)));
        engine.toggle_pause(s(2));
        assert_eq!(engine.next_change(s(3)), None, "paused");
        engine.toggle_pause(s(12));
        assert_eq!(engine.next_change(s(12)), Some(ms(12_500)));
        assert_eq!(engine.next_change(ms(12_500)), Some(s(13)));
        assert_eq!(engine.next_event(s(13)), Some(s(15)));
    }

    /// Between two wake-ups nothing the view shows changes; at each wake-up something does.
    #[test]
    fn the_display_changes_exactly_at_next_change() {
        let routine = routine(
            vec![stretch(
                "a",
                ms(7_300),
                Sides::Both,
                2,
                vec![rotating("a"), timed(ms(2_100), "t")],
            )],
            &["b", "c"],
        );
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        fn shown(view: View<'_>) -> (usize, u64, u64, Option<&str>, bool) {
            (
                view.index,
                view.seconds_left(),
                view.routine_seconds_left(),
                view.cue,
                view.finished,
            )
        }
        let mut now = Duration::ZERO;
        engine.start();
        while let Some(next) = engine.next_change(now) {
            let before = shown(engine.view(now));
            assert_eq!(
                shown(engine.view(next - Duration::from_nanos(1))),
                before,
                "before {next:?}"
            );
            now = next;
            let events = engine.advance(now);
            assert!(
                !events.is_empty() || shown(engine.view(now)) != before,
                "nothing changed at {now:?}"
            );
        }
        assert!(engine.view(now).finished);
        assert_eq!(now, timeline.total);
    }

    #[test]
    fn an_empty_timeline_finishes_at_once_without_panicking() {
        let routine = routine(vec![], &[]);
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(engine.start(), vec![Event::Finished]);
        assert!(engine.view(s(1)).finished);
        assert_eq!(engine.next_change(s(1)), None);
        assert_eq!(engine.skip(s(1)), vec![]);
        assert_eq!(engine.back(s(1)), vec![]);
        assert_eq!(engine.adjust(s(1), -5), vec![]);
        assert_eq!(engine.toggle_pause(s(1)), vec![]);
        assert_eq!(
            engine.summary(s(1)),
            Summary {
                holds_completed: 0,
                holds_total: 0,
                stretches_completed: 0,
                active: s(0)
            }
        );
    }

    #[test]
    fn start_reports_time_zero_once() {
        let routine = routine(
            vec![stretch("a", s(30), Sides::None, 1, vec![rotating("c")])],
            &[],
        );
        let mut routine = routine;
        routine.lead_in = Duration::ZERO;
        let timeline = Timeline::new(&routine);
        let mut engine = Engine::new(&routine, &timeline);
        assert_eq!(engine.start(), vec![started(0), cue("c")]);
        assert_eq!(engine.start(), vec![]);
        assert_eq!(engine.advance(s(1)), vec![]);
    }
}
