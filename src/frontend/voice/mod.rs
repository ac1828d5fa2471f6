//! Speaking cues aloud through an external speech program, without ever delaying the timer.
//!
//! The speech programs run on a speaker thread that `Voice` owns: `say` only sends the words
//! over a channel, and the thread starts each program, waits for it, reaps it, and starts
//! the utterance that waits its turn. The same thread runs [`Job`]s beside the speech (the
//! hooks), each to its end or its time limit. No process outlives the `Voice`.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::Context;
use nix::errno::Errno;
use nix::sys::signal::{Signal as NixSignal, killpg};
use nix::unistd::Pid;

mod job;
pub mod orphans;
mod program;

use job::Running;
use program::{SpeechCommand, speakable};

pub use job::Job;

pub use program::{Named, Search, VOICE_COMMAND_VARIABLE};

/// How late a cue may start: one that cannot be started within this of its time, because
/// the voice is still saying something else, is dropped rather than said late.
pub const LATEST_START: Duration = Duration::from_secs(2);

/// Told the words of each cue that was dropped unsaid, as the speaker drops it.
pub type Unspoken = Box<dyn Fn(String) + Send>;

/// How often the speaker thread looks whether the program it runs has ended. Only while
/// one runs: an idle speaker sleeps until it is told something.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// What a new utterance does to the one being said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Cut off whatever is being said and drop what waits: used when a phase starts,
    /// which makes anything said about the last one stale.
    Interrupt,
    /// Wait for the utterance being said to end, for at most [`LATEST_START`]. At most one
    /// utterance waits: a newer one takes its place, since the newest news matters most.
    Queue,
}

/// Speaks through a speech program on a thread of its own.
#[derive(Debug)]
pub struct Voice {
    /// The speaker thread's inbox; taken only when the voice is dropped.
    messages: Option<Sender<Message>>,
    /// The speaker thread; taken only when the voice is dropped.
    speaker: Option<JoinHandle<()>>,
}

/// What `Voice` tells its speaker thread.
enum Message {
    /// Say `text` (already made `speakable`) as `urgency` tells; a cue that cannot start
    /// by `latest` is dropped.
    Say {
        text: String,
        urgency: Urgency,
        latest: Option<Instant>,
    },
    /// Run a job beside the speech.
    Run(Job),
    /// Let the utterance being said end by `deadline` and each job by its own, drop what
    /// waits, and stop.
    Finish { deadline: Instant },
    /// Answered once every message sent before it has been handled.
    #[cfg(test)]
    Sync(Sender<()>),
}

impl Voice {
    /// The speech program `named` names (the `voice_command` setting: the variable
    /// `STRETCH_VOICE_COMMAND`, else the config file), else the first of spd-say,
    /// espeak-ng, espeak, say on PATH.
    ///
    /// The setting is split on white space into a program and fixed arguments; no
    /// quoting or escaping is interpreted, and no shell is involved. The text to speak is
    /// added as one last argument.
    ///
    /// `spd-say` (found on PATH or named by the setting) gets `--wait` first: it otherwise
    /// hands the speech to speech-dispatcher's queue and returns at once, so its process
    /// would say nothing about how long the speech lasts, and stopping it would not stop
    /// the speech.
    ///
    /// `unspoken` is told the words of every cue dropped unsaid.
    pub fn find(named: Option<Named<'_>>, unspoken: Unspoken) -> anyhow::Result<Voice> {
        Voice::find_with(&program::SPEECH, named, unspoken)
    }

    /// A voice that "says" each text by running the program `named` names, else the
    /// first of `search`'s on PATH, with the text as its last argument, as
    /// [`Voice::find`] does for speech: the sound player plays a tone's file through one.
    pub fn find_with(
        search: &Search,
        named: Option<Named<'_>>,
        unspoken: Unspoken,
    ) -> anyhow::Result<Voice> {
        Voice::start(program::find(search, named)?, unspoken)
    }

    /// A runner with nothing to say: its thread only runs [`Job`]s (the hooks), as the
    /// voice's thread runs them.
    pub fn runner() -> anyhow::Result<Voice> {
        Voice::start(None, Box::new(|_| {}))
    }

    /// Start the speaker thread for `command` (none: a runner of jobs only).
    fn start(
        command: impl Into<Option<SpeechCommand>>,
        unspoken: Unspoken,
    ) -> anyhow::Result<Voice> {
        let command = command.into();
        let (messages, inbox) = mpsc::channel();
        let speaker = thread::Builder::new()
            .name("voice".to_string())
            .spawn(move || Speaker::new(command, unspoken).run(&inbox))
            .context("cannot start the voice")?;
        Ok(Voice {
            messages: Some(messages),
            speaker: Some(speaker),
        })
    }

    /// Say `text`, cutting off what is being said or waiting for it as `urgency` tells.
    /// Returns at once: the speaker thread does the rest. The text is one argument, never
    /// shell input, and never starts with `-` (see `speakable`); text with nothing left to
    /// say is not said at all.
    pub fn say(&self, text: &str, urgency: Urgency) {
        let text = speakable(text);
        if text.is_empty() {
            return;
        }
        let latest = match urgency {
            Urgency::Queue => Instant::now().checked_add(LATEST_START),
            Urgency::Interrupt => None,
        };
        if let Some(messages) = &self.messages {
            // A speaker that is gone must not stop the routine; stay quiet.
            let _ = messages.send(Message::Say {
                text,
                urgency,
                latest,
            });
        }
    }

    /// Let the utterance in progress end, for at most `within`, then stop whatever is
    /// left, dropping any utterance still waiting: the last words of a routine ("routine
    /// complete") are worth hearing, but the program must not hang on a speech program
    /// that never ends. Returns at once: `has_finished` tells when it is done, and
    /// dropping the voice before then cuts the utterance off.
    pub fn start_finishing(&self, within: Duration) {
        if let Some(messages) = &self.messages {
            let deadline = Instant::now() + within;
            let _ = messages.send(Message::Finish { deadline });
        }
    }

    /// Whether the speaker thread has ended, its last utterance over or stopped.
    pub fn has_finished(&self) -> bool {
        self.speaker.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Run `job` beside the speech; returns at once.
    pub fn run(&self, job: Job) {
        if let Some(messages) = &self.messages {
            let _ = messages.send(Message::Run(job));
        }
    }

    /// Let what runs end (the speech within `within`, each job within its own limit),
    /// stop the rest, and return once all of it is over.
    pub fn end_within(mut self, within: Duration) {
        self.start_finishing(within);
        if let Some(speaker) = self.speaker.take() {
            let _ = speaker.join();
        }
    }
}

impl Drop for Voice {
    /// Hanging up tells the speaker thread to stop what it says; it ends once it has
    /// reaped the speech program.
    fn drop(&mut self) {
        drop(self.messages.take());
        if let Some(speaker) = self.speaker.take() {
            let _ = speaker.join();
        }
    }
}

/// The speaker thread's state.
struct Speaker {
    /// The program that says each utterance; none for a runner of jobs only.
    command: Option<SpeechCommand>,
    /// The utterance being said.
    speaking: Option<Child>,
    /// The one utterance that waits for it to end.
    waiting: Option<Waiting>,
    /// Told of each cue dropped unsaid.
    unspoken: Unspoken,
    /// The process group of every utterance started whose group may still have a
    /// process in it: a speech program can start a child and exit at once, and that
    /// child must not outlive the run.
    groups: Vec<Pid>,
    /// The jobs running.
    jobs: Vec<Running>,
}

/// An utterance waiting its turn.
struct Waiting {
    /// The words.
    text: String,
    /// For a cue: the latest it may start; past that it is dropped.
    latest: Option<Instant>,
}

impl Speaker {
    /// A speaker that has said nothing yet.
    fn new(command: Option<SpeechCommand>, unspoken: Unspoken) -> Speaker {
        Speaker {
            command,
            speaking: None,
            waiting: None,
            unspoken,
            groups: Vec::new(),
            jobs: Vec::new(),
        }
    }

    /// The speaker thread: handle each message from the `Voice` and keep the utterances
    /// going, until it finishes or hangs up; then stop what is being said.
    fn run(mut self, inbox: &Receiver<Message>) {
        loop {
            // Also while a group outlives its utterance: it is forgotten once it is empty.
            let busy = self.speaking.is_some() || !self.groups.is_empty() || !self.jobs.is_empty();
            let message = if busy {
                match inbox.recv_timeout(POLL_INTERVAL) {
                    Ok(message) => Some(message),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match inbox.recv() {
                    Ok(message) => Some(message),
                    Err(_) => break,
                }
            };
            match message {
                Some(Message::Say {
                    text,
                    urgency,
                    latest,
                }) => {
                    if urgency == Urgency::Interrupt {
                        self.stop();
                    }
                    self.drop_waiting();
                    self.waiting = Some(Waiting { text, latest });
                }
                Some(Message::Run(job)) => {
                    if let Some(running) = job.start() {
                        self.groups.extend(running.group());
                        self.jobs.push(running);
                    }
                }
                Some(Message::Finish { deadline }) => {
                    self.waiting = None;
                    self.wait_until(deadline, inbox);
                    break;
                }
                #[cfg(test)]
                Some(Message::Sync(reply)) => {
                    let _ = reply.send(());
                }
                None => {}
            }
            self.next();
        }
        self.stop();
    }

    /// Reap the utterance being said if it has ended, drop a waiting cue that can no
    /// longer start in time, and start the waiting utterance if nothing is being said.
    fn next(&mut self) {
        self.jobs.retain_mut(|job| !job.is_over());
        if let Some(child) = &mut self.speaking
            && !matches!(child.try_wait(), Ok(None))
        {
            self.speaking = None;
        }
        if self
            .waiting
            .as_ref()
            .and_then(|waiting| waiting.latest)
            .is_some_and(|latest| Instant::now() > latest)
        {
            self.drop_waiting();
        }
        self.forget_empty_groups();
        if self.speaking.is_none()
            && let Some(waiting) = self.waiting.take()
        {
            self.speaking = self.spawn(&waiting.text);
            if let Some(group) = self.speaking.as_ref().and_then(group_of) {
                self.groups.push(group);
            }
        }
    }

    /// Drop the utterance that waits, if any; a cue dropped unsaid is reported.
    fn drop_waiting(&mut self) {
        if let Some(waiting) = self.waiting.take()
            && waiting.latest.is_some()
        {
            (self.unspoken)(waiting.text);
        }
    }

    /// Forget the groups with no process left (ESRCH), so that the list stays short and
    /// a group id is never signalled long after its group is gone.
    fn forget_empty_groups(&mut self) {
        self.groups
            .retain(|&group| killpg(group, None) != Err(Errno::ESRCH));
    }

    /// Start the speech program saying `text`; `None` if it cannot start, or there is
    /// none.
    fn spawn(&self, text: &str) -> Option<Child> {
        let command = self.command.as_ref()?;
        Command::new(&command.program)
            .args(&command.args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // A group of its own, so that `stop` reaches whatever it starts in turn (a
            // script that runs espeak, say).
            .process_group(0)
            .spawn()
            // A voice that fails now (program removed, too many processes) must not stop
            // the routine, and there is no place on the full screen to say so; stay quiet.
            .ok()
    }

    /// Let the utterance being said end, for at most until `deadline`, and each job for
    /// at most its own time limit, or until the `Voice` hangs up because the program must
    /// end now.
    fn wait_until(&mut self, deadline: Instant, inbox: &Receiver<Message>) {
        loop {
            // A job past its limit is stopped here.
            self.jobs.retain_mut(|job| !job.is_over());
            let now = Instant::now();
            let speaking = now < deadline
                && self
                    .speaking
                    .as_mut()
                    .is_some_and(|child| matches!(child.try_wait(), Ok(None)));
            let Some(next) = self
                .jobs
                .iter()
                .map(Running::deadline)
                .chain(speaking.then_some(deadline))
                .min()
            else {
                return;
            };
            let wait = next.saturating_duration_since(now).min(POLL_INTERVAL);
            // Nothing is sent after `Finish`; only the hang-up matters here.
            if let Err(RecvTimeoutError::Disconnected) = inbox.recv_timeout(wait) {
                return;
            }
        }
    }

    /// Cut off the utterance being said, and whatever any utterance started that is still
    /// running, whether or not the program that started it has already exited; reap the
    /// utterance being said.
    fn stop(&mut self) {
        for mut job in self.jobs.drain(..) {
            job.stop();
        }
        let mut speaking = self.speaking.take();
        if let Some(child) = &mut speaking
            && group_of(child).is_none()
        {
            let _ = child.kill();
        }
        // Until it is reaped below, the utterance's id (its group's id) cannot be reused.
        self.kill_groups();
        if let Some(mut child) = speaking {
            let _ = child.wait();
        }
    }

    /// Kill every process left in the groups of the utterances started. A group with no
    /// process left answers ESRCH, which is nothing to do.
    fn kill_groups(&mut self) {
        for group in self.groups.drain(..) {
            let _ = killpg(group, NixSignal::SIGKILL);
        }
    }
}

/// The process group of an utterance: the program leads a group of its own (see `spawn`).
fn group_of(child: &Child) -> Option<Pid> {
    i32::try_from(child.id()).ok().map(Pid::from_raw)
}

#[cfg(all(test, unix))]
mod tests;
