//! The figures file, `routines/figures.toml`: a `[[figure]]` table for each pose of the
//! shared skeleton, read with the checks of a routine, so that a bad figure is a
//! diagnostic with its place in the file rather than a broken drawing.
//!
//! A joint's angle is a whole number of degrees, or for a joint that turns more than one
//! way, a table of them (`hip = { flex = 90, abduct = 40 }`): a bare number is the first
//! of them. The joints of the arms and legs, given at the top of a figure, are those of
//! both sides; a `left` or `right` table changes them for one side.

use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};

use toml::de::{DeTable, DeValue};

use super::values::NAME;
use super::{Checker, Problems, SourceFile, Trust, Value, syntax_tree};
use crate::routine::diagnostic::Diagnostic;
use crate::routine::pose::{Ball, Limbs, Neck, Point, Pose, Props, Torso, View, range};
use crate::routine::suggest::closest;
use crate::routine::text::terminal_safe;

/// The keys a figure's table may have.
const FIGURE_KEYS: &[&str] = &[
    "name", "view", "torso", "neck", "shoulder", "elbow", "wrist", "hip", "knee", "ankle", "left",
    "right", "props",
];

/// The joints of one side, at the top of a figure or in its `left` and `right` tables.
const LIMB_KEYS: &[&str] = &["shoulder", "elbow", "wrist", "hip", "knee", "ankle"];

/// The props a figure may have.
const PROP_KEYS: &[&str] = &[
    "floor", "chair", "cushion", "step", "block", "wall", "desk", "support", "strap", "arrow",
    "roll",
];

/// The figures in `file`, or every problem with them.
pub fn parse_figures(file: &SourceFile) -> Result<Vec<Pose>, Problems> {
    let root = syntax_tree(file, Trust::BuiltIn)?;
    let mut checker = Checker {
        problems: Problems::default(),
        trust: Trust::BuiltIn,
    };
    let poses = checker.figures(root.get_ref());
    match poses {
        Some(poses) if checker.problems.is_empty() => Ok(poses),
        _ => Err(checker.problems.finish()),
    }
}

impl Checker {
    /// The `[[figure]]` list, each name once.
    fn figures(&mut self, root: &DeTable<'_>) -> Option<Vec<Pose>> {
        self.unknown_keys(root, &["figure"], "the figures file");
        let value = self.required(root, "figure", None, "the figures file")?;
        let DeValue::Array(items) = value.get_ref() else {
            self.type_error(value, "figure", "an array of tables (`[[figure]]`)");
            return None;
        };
        let mut poses = Vec::new();
        let mut first_place: HashMap<String, Range<usize>> = HashMap::new();
        let mut all_valid = true;
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                self.type_error(item, "figure", "a table");
                all_valid = false;
                continue;
            };
            let Some((pose, span)) = self.pose(table, item.span()) else {
                all_valid = false;
                continue;
            };
            if let Some(first) = first_place.get(&pose.name) {
                self.report(
                    Diagnostic::error(format!("duplicate figure `{}`", pose.name))
                        .at(span)
                        .label("named again here")
                        .note(first.clone(), "first named here"),
                );
                all_valid = false;
            } else {
                first_place.insert(pose.name.clone(), span);
                poses.push(pose);
            }
        }
        all_valid.then_some(poses)
    }

    /// One figure, and the span of its name.
    fn pose(&mut self, table: &DeTable<'_>, header: Range<usize>) -> Option<(Pose, Range<usize>)> {
        self.unknown_keys(table, FIGURE_KEYS, "figure");
        let name_value = self.required(table, "name", Some(header), "a figure");
        let name = name_value.and_then(|value| self.figure_name(value));
        let view = self.optional(table, "view", |c, v| {
            c.choice(v, "view", &View::ALL, View::as_str, &[])
        });
        let torso = self.optional(table, "torso", |c, v| {
            let [lean, bend, turn, twist] = c.angles(
                v,
                "torso",
                [
                    ("lean", range::LEAN),
                    ("bend", range::SIDE_BEND),
                    ("turn", range::TURN),
                    ("twist", range::TWIST),
                ],
            )?;
            Some(Torso {
                lean,
                bend,
                turn,
                twist,
            })
        });
        let neck = self.optional(table, "neck", |c, v| {
            let [flex, bend, turn] = c.angles(
                v,
                "neck",
                [
                    ("flex", range::NECK_FLEX),
                    ("bend", range::SIDE_BEND),
                    ("turn", range::NECK_TURN),
                ],
            )?;
            Some(Neck { flex, bend, turn })
        });
        let both = self.limbs(table, Limbs::default());
        let left = self.side(table, "left", both);
        let right = self.side(table, "right", both);
        let props = self.optional(table, "props", |c, v| c.props(v));
        let span = name_value?.span();
        let pose = Pose {
            name: name?,
            view: view?.unwrap_or(View::Side),
            torso: torso?.unwrap_or_default(),
            neck: neck?.unwrap_or_default(),
            left: left?,
            right: right?,
            props: props?.unwrap_or_default(),
        };
        Some((pose, span))
    }

    /// A figure's name: 1 to 40 of `a-z`, `0-9` and `-`, as a stretch's id.
    fn figure_name(&mut self, value: &Value<'_>) -> Option<String> {
        let name = self.text(value, "name", &NAME)?;
        let valid = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid || name.len() > 40 {
            self.report(
                Diagnostic::error(format!("invalid figure name `{}`", terminal_safe(&name)))
                    .at(value.span())
                    .label("1 to 40 of `a-z`, `0-9` and `-`"),
            );
            return None;
        }
        Some(name)
    }

    /// The `left` or `right` table's joints over `both`, or `both` without one.
    fn side(&mut self, table: &DeTable<'_>, key: &str, both: Option<Limbs>) -> Option<Limbs> {
        let Some(value) = table.get(key) else {
            return both;
        };
        let DeValue::Table(side) = value.get_ref() else {
            self.type_error(value, key, "a table of joints");
            return None;
        };
        self.unknown_keys(side, LIMB_KEYS, &format!("`{key}`"));
        self.limbs(side, both?)
    }

    /// The joints of `table` over `base`.
    fn limbs(&mut self, table: &DeTable<'_>, base: Limbs) -> Option<Limbs> {
        let ball = |c: &mut Checker, v: &Value<'_>, key: &str, flex: RangeInclusive<i16>| {
            let [flex, abduct, rotate] = c.angles(
                v,
                key,
                [
                    ("flex", flex),
                    ("abduct", range::ABDUCT),
                    ("rotate", range::ROTATE),
                ],
            )?;
            Some(Ball {
                flex,
                abduct,
                rotate,
            })
        };
        let hinge = |c: &mut Checker, v: &Value<'_>, key: &str, range: RangeInclusive<i16>| {
            c.angles(v, key, [("bend", range)]).map(|[angle]| angle)
        };
        let shoulder = self.optional(table, "shoulder", |c, v| {
            ball(c, v, "shoulder", range::SHOULDER_FLEX)
        });
        let elbow = self.optional(table, "elbow", |c, v| hinge(c, v, "elbow", range::HINGE));
        let wrist = self.optional(table, "wrist", |c, v| hinge(c, v, "wrist", range::WRIST));
        let hip = self.optional(table, "hip", |c, v| ball(c, v, "hip", range::HIP_FLEX));
        let knee = self.optional(table, "knee", |c, v| hinge(c, v, "knee", range::HINGE));
        let ankle = self.optional(table, "ankle", |c, v| hinge(c, v, "ankle", range::ANKLE));
        Some(Limbs {
            shoulder: shoulder?.unwrap_or(base.shoulder),
            elbow: elbow?.unwrap_or(base.elbow),
            wrist: wrist?.unwrap_or(base.wrist),
            hip: hip?.unwrap_or(base.hip),
            knee: knee?.unwrap_or(base.knee),
            ankle: ankle?.unwrap_or(base.ankle),
        })
    }

    /// A joint's angles: a whole number for the first of `names`, or a table of them by
    /// name; each within its range, 0 when not given.
    fn angles<const N: usize>(
        &mut self,
        value: &Value<'_>,
        key: &str,
        names: [(&str, RangeInclusive<i16>); N],
    ) -> Option<[i16; N]> {
        let mut angles = [0; N];
        match value.get_ref() {
            DeValue::Table(table) if N > 1 => {
                let known: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
                self.unknown_keys(table, &known, &format!("`{key}`"));
                let mut all_valid = true;
                for ((name, range), angle) in names.iter().zip(&mut angles) {
                    if let Some(value) = table.get(*name) {
                        match self.angle(value, &format!("{key}.{name}"), range) {
                            Some(read) => *angle = read,
                            None => all_valid = false,
                        }
                    }
                }
                all_valid.then_some(angles)
            }
            _ => {
                let (_, range) = &names[0];
                angles[0] = self.angle(value, key, range)?;
                Some(angles)
            }
        }
    }

    /// A whole number of degrees within `range`.
    fn angle(&mut self, value: &Value<'_>, key: &str, range: &RangeInclusive<i16>) -> Option<i16> {
        self.integer(value, key, range)
    }

    /// The `props` table.
    fn props(&mut self, value: &Value<'_>) -> Option<Props> {
        let DeValue::Table(table) = value.get_ref() else {
            self.type_error(value, "props", "a table of props");
            return None;
        };
        self.unknown_keys(table, PROP_KEYS, "`props`");
        let mut all_valid = true;
        let mut flag = |c: &mut Checker, key: &str| match table.get(key) {
            None => false,
            Some(value) => match value.get_ref() {
                DeValue::Boolean(on) => *on,
                _ => {
                    c.type_error(value, key, "`true` or `false`");
                    all_valid = false;
                    false
                }
            },
        };
        let (floor, chair, cushion) = (
            flag(self, "floor"),
            flag(self, "chair"),
            flag(self, "cushion"),
        );
        let mut at = |c: &mut Checker, key: &str| {
            let read = c.optional(table, key, |c, v| c.point(v, key));
            all_valid &= read.is_some();
            read.flatten()
        };
        let step = at(self, "step");
        let block = at(self, "block");
        let wall = at(self, "wall");
        let desk = at(self, "desk");
        let support = at(self, "support");
        let strap = at(self, "strap");
        let roll = at(self, "roll");
        let arrow = self.optional(table, "arrow", |c, v| c.arrow(v));
        Some(Props {
            floor,
            chair,
            cushion,
            step,
            block,
            wall,
            desk,
            support,
            strap,
            arrow: arrow?,
            roll,
        })
        .filter(|_| all_valid)
    }

    /// `{ at = POINT, angle = DEGREES }`.
    fn arrow(&mut self, value: &Value<'_>) -> Option<(Point, i16)> {
        let DeValue::Table(table) = value.get_ref() else {
            self.type_error(value, "arrow", "a table `{ at = POINT, angle = DEGREES }`");
            return None;
        };
        self.unknown_keys(table, &["at", "angle"], "`arrow`");
        let at = self
            .required(table, "at", Some(value.span()), "an arrow")
            .and_then(|v| self.point(v, "at"));
        let angle = self
            .required(table, "angle", Some(value.span()), "an arrow")
            .and_then(|v| self.angle(v, "angle", &range::DIRECTION));
        Some((at?, angle?))
    }

    /// A point of the body, by its name.
    fn point(&mut self, value: &Value<'_>, key: &str) -> Option<Point> {
        self.choice(value, key, &Point::all(), Point::as_str, &[])
    }

    /// A stretch's `figure`: the name of a figure of the library (taken as it is from a
    /// built-in routine, whose figures the tests check).
    pub(super) fn figure(&mut self, value: &Value<'_>) -> Option<String> {
        let name = self.text(value, "figure", &NAME)?;
        if self.trust == Trust::BuiltIn || crate::routine::pose::find(&name).is_some() {
            return Some(name);
        }
        let known: Vec<&str> = crate::routine::pose::figures()
            .iter()
            .map(|pose| pose.name.as_str())
            .collect();
        let diagnostic = Diagnostic::error(format!("no figure `{}`", terminal_safe(&name)))
            .at(value.span())
            .label("unknown figure");
        self.report(match closest(&name, &known) {
            Some(close) => diagnostic.help(format!("did you mean `{close}`?")),
            None => diagnostic.help(
                "a figure is named after its stretch in the library (`stretch list --stretches`)",
            ),
        });
        None
    }
}

#[cfg(test)]
mod tests;
