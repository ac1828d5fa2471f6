//! The poses of the figures, as `routines/figures.toml` gives them: for each figure, the
//! angle of every joint of the shared skeleton and the props around it. A stretch names
//! its figure (`figure = "NAME"`), and the reader checks the name against this library.
//! How a pose becomes lines to draw is [`crate::figure`]'s business; what a pose may say,
//! and within which bounds, is this module's.
//!
//! Angles are whole degrees. Every joint bends from the skeleton's rest pose: standing
//! upright, arms at the sides, feet pointing forward.

use std::ops::RangeInclusive;
use std::sync::OnceLock;

use crate::routine::diagnostic::SourceFile;
use crate::routine::read;

/// The figures file, compiled into the program beside the built-in routines.
pub const FIGURES_TOML: &str = include_str!("../../routines/figures.toml");

/// The name the figures file is shown by in a diagnostic.
pub const FIGURES_FILE: &str = "builtin:figures.toml";

/// Where the figure is seen from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// From its left side: the figure faces right, its left limbs nearest.
    Side,
    /// From in front, as a mirror shows it: its left on the left of the picture.
    Front,
    /// From above, its head to the left: for a pose lying on the floor.
    Top,
}

impl View {
    /// Every view, in the order offered.
    pub const ALL: [View; 3] = [View::Side, View::Front, View::Top];

    /// The view's name in the figures file.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Side => "side",
            View::Front => "front",
            View::Top => "top",
        }
    }
}

/// The whole body's lean and turn, and the spine's twist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Torso {
    /// Leaning forward from upright: 90 bends at a right angle, -90 lies on the back.
    pub lean: i16,
    /// Bending sideways toward the left side.
    pub bend: i16,
    /// The whole body turned to its left, about its long axis.
    pub turn: i16,
    /// The hips turned to the left of the shoulders, as in a twist lying down.
    pub twist: i16,
}

/// The neck, which carries the head.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Neck {
    /// Chin toward the chest; negative draws the head back.
    pub flex: i16,
    /// Ear toward the left shoulder.
    pub bend: i16,
    /// Looking to the left.
    pub turn: i16,
}

/// A ball joint: the shoulder or the hip.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ball {
    /// The limb forward (and up): 90 points it straight ahead.
    pub flex: i16,
    /// The limb out to its own side; negative brings it across the body.
    pub abduct: i16,
    /// Turned outward about its own length: a bent knee or elbow then points outward.
    pub rotate: i16,
}

/// The joints of one side's arm and leg.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limbs {
    /// The shoulder.
    pub shoulder: Ball,
    /// The elbow's bend: 90 is a right angle.
    pub elbow: i16,
    /// The hand's bend at the wrist, the way the elbow bends.
    pub wrist: i16,
    /// The hip.
    pub hip: Ball,
    /// The knee's bend: 90 is a right angle.
    pub knee: i16,
    /// The foot raised toward the shin; negative points the toes.
    pub ankle: i16,
}

/// One side of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The left side: the near one in a side view.
    Left,
    /// The right side.
    Right,
}

/// A joint or an end of a limb, on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joint {
    /// Where the arm meets the body.
    Shoulder,
    /// The elbow.
    Elbow,
    /// The wrist.
    Wrist,
    /// The tips of the fingers.
    Hand,
    /// Where the leg meets the body.
    Hip,
    /// The knee.
    Knee,
    /// The ankle, at the heel.
    Ankle,
    /// The ball of the foot.
    Ball,
    /// The tips of the toes.
    Toe,
}

/// A place on the body that a prop is put against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    /// The middle of the hips, where the spine starts.
    Pelvis,
    /// The top of the spine, between the shoulders.
    Chest,
    /// The middle of the head.
    Head,
    /// A joint of one side.
    Limb(Side, Joint),
}

impl Point {
    /// Every point, with its name in the figures file.
    pub const NAMED: [(Point, &'static str); 21] = [
        (Point::Pelvis, "pelvis"),
        (Point::Chest, "chest"),
        (Point::Head, "head"),
        (Point::Limb(Side::Left, Joint::Shoulder), "left_shoulder"),
        (Point::Limb(Side::Left, Joint::Elbow), "left_elbow"),
        (Point::Limb(Side::Left, Joint::Wrist), "left_wrist"),
        (Point::Limb(Side::Left, Joint::Hand), "left_hand"),
        (Point::Limb(Side::Left, Joint::Hip), "left_hip"),
        (Point::Limb(Side::Left, Joint::Knee), "left_knee"),
        (Point::Limb(Side::Left, Joint::Ankle), "left_ankle"),
        (Point::Limb(Side::Left, Joint::Ball), "left_ball"),
        (Point::Limb(Side::Left, Joint::Toe), "left_toe"),
        (Point::Limb(Side::Right, Joint::Shoulder), "right_shoulder"),
        (Point::Limb(Side::Right, Joint::Elbow), "right_elbow"),
        (Point::Limb(Side::Right, Joint::Wrist), "right_wrist"),
        (Point::Limb(Side::Right, Joint::Hand), "right_hand"),
        (Point::Limb(Side::Right, Joint::Hip), "right_hip"),
        (Point::Limb(Side::Right, Joint::Knee), "right_knee"),
        (Point::Limb(Side::Right, Joint::Ankle), "right_ankle"),
        (Point::Limb(Side::Right, Joint::Ball), "right_ball"),
        (Point::Limb(Side::Right, Joint::Toe), "right_toe"),
    ];

    /// Every point, in the order of [`Point::NAMED`].
    pub fn all() -> [Point; 21] {
        Point::NAMED.map(|(point, _)| point)
    }

    /// The point's name in the figures file.
    pub fn as_str(self) -> &'static str {
        Point::NAMED
            .iter()
            .find(|(point, _)| *point == self)
            .map_or("", |(_, name)| name)
    }
}

/// The things drawn around the figure, each against a point of the body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Props {
    /// A floor line under the lowest point of the body.
    pub floor: bool,
    /// A chair under the pelvis.
    pub chair: bool,
    /// A small cushion under the head.
    pub cushion: bool,
    /// A low step under this point.
    pub step: Option<Point>,
    /// A block (or a chair's seat) under this point, narrower than a step.
    pub block: Option<Point>,
    /// A wall just beyond this point.
    pub wall: Option<Point>,
    /// A desk whose top is at this point, reaching away from the body.
    pub desk: Option<Point>,
    /// A chair standing in front, this point on the top of its back.
    pub support: Option<Point>,
    /// A strap from both hands around this point.
    pub strap: Option<Point>,
    /// An arrow toward this point, pointing this way (degrees, 0 forward, 90 up).
    pub arrow: Option<(Point, i16)>,
    /// A circling arrow beside this point, behind the body: up, back and down.
    pub roll: Option<Point>,
}

/// A figure's pose, as the figures file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pose {
    /// The figure's name, by which a stretch names it.
    pub name: String,
    /// Where it is seen from.
    pub view: View,
    /// The whole body and the spine.
    pub torso: Torso,
    /// The neck and head.
    pub neck: Neck,
    /// The left arm and leg.
    pub left: Limbs,
    /// The right arm and leg.
    pub right: Limbs,
    /// What is drawn around the figure.
    pub props: Props,
}

impl Pose {
    /// The limbs of `side`.
    pub fn limbs(&self, side: Side) -> &Limbs {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

/// How far each joint may turn, in degrees: a little beyond what a body does, so that a
/// number past it is a typo rather than a stretch.
pub mod range {
    use super::RangeInclusive;

    /// `torso.lean`: any way up, lying on the back or upside down.
    pub const LEAN: RangeInclusive<i16> = -180..=180;
    /// `torso.bend` and `neck.bend`.
    pub const SIDE_BEND: RangeInclusive<i16> = -60..=60;
    /// `torso.turn`: the whole body, any way round.
    pub const TURN: RangeInclusive<i16> = -180..=180;
    /// `torso.twist`: the hips against the shoulders.
    pub const TWIST: RangeInclusive<i16> = -90..=90;
    /// `neck.flex`.
    pub const NECK_FLEX: RangeInclusive<i16> = -60..=80;
    /// `neck.turn`.
    pub const NECK_TURN: RangeInclusive<i16> = -80..=80;
    /// `shoulder.flex`: from behind the back to overhead.
    pub const SHOULDER_FLEX: RangeInclusive<i16> = -60..=185;
    /// `shoulder.abduct` and `hip.abduct`.
    pub const ABDUCT: RangeInclusive<i16> = -45..=180;
    /// `shoulder.rotate` and `hip.rotate`.
    pub const ROTATE: RangeInclusive<i16> = -90..=90;
    /// `elbow` and `knee`.
    pub const HINGE: RangeInclusive<i16> = 0..=165;
    /// `wrist`.
    pub const WRIST: RangeInclusive<i16> = -90..=90;
    /// `hip.flex`.
    pub const HIP_FLEX: RangeInclusive<i16> = -30..=170;
    /// `ankle`: from toes pointed in kneeling to the foot drawn up.
    pub const ANKLE: RangeInclusive<i16> = -90..=45;
    /// An arrow's direction.
    pub const DIRECTION: RangeInclusive<i16> = -180..=360;
}

/// Every figure of the library, in file order. Empty if the figures file has problems,
/// which a unit test keeps from happening.
pub fn figures() -> &'static [Pose] {
    static FIGURES: OnceLock<Vec<Pose>> = OnceLock::new();
    FIGURES.get_or_init(|| {
        let file = SourceFile::new(FIGURES_FILE, FIGURES_TOML);
        read::parse_figures(&file).unwrap_or_default()
    })
}

/// The figure named `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Pose> {
    figures().iter().find(|pose| pose.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_file_is_valid() {
        let file = SourceFile::new(FIGURES_FILE, FIGURES_TOML);
        if let Err(problems) = read::parse_figures(&file) {
            panic!(
                "{}",
                crate::routine::diagnostic::render(&file, &problems, false)
            );
        }
        assert!(figures().len() >= 24, "{} figures", figures().len());
    }

    #[test]
    fn every_point_has_a_name_of_its_own() {
        for point in Point::all() {
            let name = point.as_str();
            assert!(!name.is_empty());
            let same = Point::all().iter().filter(|p| p.as_str() == name).count();
            assert_eq!(same, 1, "{name}");
        }
    }
}
