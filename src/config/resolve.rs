//! Which value of each setting wins: a flag on the command line, then the environment,
//! then the routine's own table in the config file (`[routines.NAME]`), then the file's
//! top level, then the default. The one rule is [`choose`], applied to every setting at
//! once by [`Sources::resolve`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::keys::{Layer, Resolved, resolve_layers};
use crate::plan::select::Timing;
use crate::routine::catalog::{BUILTIN_PREFIX, looks_like_path};

/// Where a setting's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Nothing set it.
    Default,
    /// The config file's top level.
    File,
    /// The routine's own table in the config file, `[routines.NAME]`.
    Table,
    /// An environment variable.
    Env,
    /// The command line.
    Flag,
}

impl Source {
    /// The source's name, as `stretch config` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::File => "file",
            Source::Table => "table",
            Source::Env => "env",
            Source::Flag => "flag",
        }
    }
}

/// A setting's value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in effect.
    pub value: T,
    /// Who set it.
    pub source: Source,
}

/// One setting in effect, as `stretch config` shows it.
#[derive(Clone, Debug)]
pub struct Row {
    /// The setting.
    pub key: &'static super::declare::Key,
    /// Its value as JSON; `null` where nothing sets it and it has no value of its own.
    pub value: serde_json::Value,
    /// Who set it.
    pub source: Source,
}

/// The first of `layers` that is set, with its source, else `default`.
pub fn choose<T, const N: usize>(layers: [(Option<T>, Source); N], default: T) -> Setting<T> {
    layers
        .into_iter()
        .find_map(|(value, source)| {
            Some(Setting {
                value: value?,
                source,
            })
        })
        .unwrap_or(Setting {
            value: default,
            source: Source::Default,
        })
}

/// What the config file says: its top level, and each routine's own table by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct File {
    /// The top-level settings.
    pub top: Layer,
    /// `[routines.NAME]`: the settings for the routine NAME.
    pub routines: BTreeMap<String, Layer>,
}

/// Everything that has a say in the settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// The command line.
    pub flags: Layer,
    /// The environment.
    pub env: Layer,
    /// The config file.
    pub file: File,
}

impl Sources {
    /// Every setting in effect: each from the first source that sets it, the routine's
    /// own table being that of the routine the settings name.
    pub fn resolve(self) -> Resolved {
        let routine = self
            .flags
            .routine
            .clone()
            .or_else(|| self.file.top.routine.clone());
        let table = routine
            .as_deref()
            .and_then(|routine| self.file.routines.get(&table_name(routine)))
            .cloned()
            .unwrap_or_default();
        let layers = [
            (&self.flags, Source::Flag),
            (&self.env, Source::Env),
            (&table, Source::Table),
            (&self.file.top, Source::File),
        ];
        // The layers are borrowed for the choice, then the sources kept whole.
        let chosen = resolve_layers(layers, Sources::default());
        Resolved {
            sources: self,
            ..chosen
        }
    }
}

impl Resolved {
    /// The settings in effect for `routine` (a name, `builtin:NAME` or a path) rather than
    /// the routine these were resolved for: its own table counts, the flags still win.
    pub fn for_routine(&self, routine: &str) -> Resolved {
        let mut sources = self.sources.clone();
        sources.flags.routine = Some(routine.to_owned());
        sources.resolve()
    }

    /// The timing these settings impose on the routine; `None` where it keeps its own.
    pub fn timing(&self) -> Timing {
        Timing {
            hold: self.hold.value,
            rest: self.rest.value,
            switch: self.switch.value,
            lead_in: self.lead_in.value,
        }
    }

    /// Each routine table of the config file, by routine, as rows of its settings.
    pub fn tables(&self) -> Vec<(String, Vec<super::Row>)> {
        self.sources
            .file
            .routines
            .keys()
            .map(|name| {
                let own = self.for_routine(name);
                let rows = own
                    .rows()
                    .into_iter()
                    .filter(|row| row.source == Source::Table)
                    .collect();
                (name.clone(), rows)
            })
            .collect()
    }
}

/// The name of the table `[routines.NAME]` that applies to `routine`, as `run` takes it:
/// the name itself, the built-in's name for `builtin:NAME`, the file's name without
/// `.toml` for a path.
pub fn table_name(routine: &str) -> String {
    if let Some(name) = routine.strip_prefix(BUILTIN_PREFIX) {
        return name.to_owned();
    }
    if looks_like_path(routine) {
        return Path::new(routine)
            .file_stem()
            .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    }
    routine.to_owned()
}
