//! The shared skeleton: its bones and their lengths, and a pose's joint angles turned into
//! where every bone lies, in three dimensions. The body's own axes: `x` forward, `y` up,
//! `z` to its left. The pelvis is at the origin.

use crate::routine::pose::{Ball, Joint, Limbs, Point, Pose, Side};

/// A point or a direction in the body's space.
pub type V3 = [f64; 3];

/// A rotation.
type Mat = [[f64; 3]; 3];

/// A bone of the skeleton.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bone {
    /// The spine, from the pelvis to the chest.
    Torso,
    /// From the chest to the base of the head.
    Neck,
    /// From the chest to one shoulder.
    Shoulders,
    /// From the pelvis to one hip.
    Hips,
    /// From the shoulder to the elbow.
    UpperArm,
    /// From the elbow to the wrist.
    Forearm,
    /// From the wrist to the fingertips.
    Hand,
    /// From the hip to the knee.
    Thigh,
    /// From the knee to the ankle.
    Shin,
    /// From the ankle (the heel) to the toes.
    Foot,
}

impl Bone {
    /// The bone's length, in the skeleton's units: a body standing is about 9.6 of them.
    pub fn length(self) -> f64 {
        match self {
            Bone::Torso => 3.0,
            Bone::Neck => 0.5,
            Bone::Shoulders => 0.9,
            Bone::Hips => 0.4,
            Bone::UpperArm => 1.7,
            Bone::Forearm => 1.5,
            Bone::Hand => 0.6,
            Bone::Thigh => 2.4,
            Bone::Shin => 2.3,
            Bone::Foot => 0.9,
        }
    }
}

/// The radius of the head, whose middle is beyond the neck by as much.
pub const HEAD_RADIUS: f64 = 0.6;

/// Where the ball of the foot is, from the heel toward the toes.
const BALL_OF_FOOT: f64 = 0.7;

/// One bone as posed: which, on which side (none for the spine and the neck), and its ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Posed {
    /// Which bone.
    pub bone: Bone,
    /// Its side, for a bone of an arm or a leg.
    pub side: Option<Side>,
    /// The end nearer the pelvis.
    pub from: V3,
    /// The other end.
    pub to: V3,
}

/// The skeleton in a pose: every bone, and every point a prop may be put against.
pub struct Skeleton {
    /// Every bone, the spine first.
    pub bones: Vec<Posed>,
    points: Vec<(Point, V3)>,
}

impl Skeleton {
    /// The skeleton posed as `pose` says.
    pub fn posed(pose: &Pose) -> Skeleton {
        let torso = pose.torso;
        // The shoulders' frame, and the hips', turned by the twist of the spine.
        let chest_frame = mul(mul(rz(-torso.lean), rx(torso.bend)), ry(-torso.turn));
        let hips_frame = mul(chest_frame, ry(-torso.twist));
        let pelvis = [0.0; 3];
        let chest = along(pelvis, chest_frame, [0.0, 1.0, 0.0], Bone::Torso.length());
        let neck = pose.neck;
        let neck_frame = mul(
            mul(mul(chest_frame, rz(-neck.flex)), rx(neck.bend)),
            ry(neck.turn),
        );
        let neck_top = along(chest, neck_frame, [0.0, 1.0, 0.0], Bone::Neck.length());
        let head = along(neck_top, neck_frame, [0.0, 1.0, 0.0], HEAD_RADIUS);
        let mut skeleton = Skeleton {
            bones: vec![
                Posed {
                    bone: Bone::Torso,
                    side: None,
                    from: pelvis,
                    to: chest,
                },
                Posed {
                    bone: Bone::Neck,
                    side: None,
                    from: chest,
                    to: neck_top,
                },
            ],
            points: vec![
                (Point::Pelvis, pelvis),
                (Point::Chest, chest),
                (Point::Head, head),
            ],
        };
        for side in [Side::Left, Side::Right] {
            skeleton.limbs(side, pose.limbs(side), chest_frame, hips_frame, chest);
        }
        skeleton
    }

    /// Where `point` is.
    pub fn point(&self, point: Point) -> V3 {
        self.points
            .iter()
            .find(|(known, _)| *known == point)
            .map_or([0.0; 3], |(_, at)| *at)
    }

    /// Poses the arm and the leg of `side`, hung from the chest and the pelvis.
    fn limbs(&mut self, side: Side, limbs: &Limbs, chest_frame: Mat, hips_frame: Mat, chest: V3) {
        // The left side is toward +z; each joint of the right turns the mirror way.
        let outward = match side {
            Side::Left => 1.0,
            Side::Right => -1.0,
        };
        let shoulder = along(
            chest,
            chest_frame,
            [0.0, 0.0, outward],
            Bone::Shoulders.length(),
        );
        let arm = mul(chest_frame, ball(limbs.shoulder, outward));
        let elbow = along(shoulder, arm, DOWN, Bone::UpperArm.length());
        let forearm = mul(arm, rz(limbs.elbow));
        let wrist = along(elbow, forearm, DOWN, Bone::Forearm.length());
        let hand = mul(forearm, rz(limbs.wrist));
        let fingers = along(wrist, hand, DOWN, Bone::Hand.length());

        let pelvis = [0.0; 3];
        let hip = along(pelvis, hips_frame, [0.0, 0.0, outward], Bone::Hips.length());
        let thigh = mul(hips_frame, ball(limbs.hip, outward));
        let knee = along(hip, thigh, DOWN, Bone::Thigh.length());
        let shin = mul(thigh, rz(-limbs.knee));
        let ankle = along(knee, shin, DOWN, Bone::Shin.length());
        let foot = mul(shin, rz(limbs.ankle));
        let toe = along(ankle, foot, FORWARD, Bone::Foot.length());
        let ball_of_foot = along(ankle, foot, FORWARD, BALL_OF_FOOT * Bone::Foot.length());

        let chain = [
            (Bone::Shoulders, chest, shoulder),
            (Bone::UpperArm, shoulder, elbow),
            (Bone::Forearm, elbow, wrist),
            (Bone::Hand, wrist, fingers),
            (Bone::Hips, pelvis, hip),
            (Bone::Thigh, hip, knee),
            (Bone::Shin, knee, ankle),
            (Bone::Foot, ankle, toe),
        ];
        self.bones
            .extend(chain.into_iter().map(|(bone, from, to)| Posed {
                bone,
                side: Some(side),
                from,
                to,
            }));
        let joints = [
            (Joint::Shoulder, shoulder),
            (Joint::Elbow, elbow),
            (Joint::Wrist, wrist),
            (Joint::Hand, fingers),
            (Joint::Hip, hip),
            (Joint::Knee, knee),
            (Joint::Ankle, ankle),
            (Joint::Ball, ball_of_foot),
            (Joint::Toe, toe),
        ];
        self.points.extend(
            joints
                .into_iter()
                .map(|(joint, at)| (Point::Limb(side, joint), at)),
        );
    }
}

const DOWN: V3 = [0.0, -1.0, 0.0];
const FORWARD: V3 = [1.0, 0.0, 0.0];

/// The turn of a shoulder or a hip: about its own length first, then out to the side, then
/// forward, each the mirror way on the right (`outward` -1).
fn ball(joint: Ball, outward: f64) -> Mat {
    let abduct = -outward * f64::from(joint.abduct);
    let rotate = -outward * f64::from(joint.rotate);
    mul(mul(rz(joint.flex), rx_f(abduct)), ry_f(rotate))
}

/// `from` moved `length` along `direction` turned by `frame`.
fn along(from: V3, frame: Mat, direction: V3, length: f64) -> V3 {
    let turned = apply(frame, direction);
    [
        from[0] + length * turned[0],
        from[1] + length * turned[1],
        from[2] + length * turned[2],
    ]
}

fn mul(a: Mat, b: Mat) -> Mat {
    let mut product = [[0.0; 3]; 3];
    for (i, row) in product.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    product
}

fn apply(m: Mat, v: V3) -> V3 {
    [0, 1, 2].map(|i| (0..3).map(|k| m[i][k] * v[k]).sum())
}

fn rx(degrees: i16) -> Mat {
    rx_f(f64::from(degrees))
}

fn ry(degrees: i16) -> Mat {
    ry_f(f64::from(degrees))
}

fn rz(degrees: i16) -> Mat {
    let (s, c) = f64::from(degrees).to_radians().sin_cos();
    [[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]]
}

fn rx_f(degrees: f64) -> Mat {
    let (s, c) = degrees.to_radians().sin_cos();
    [[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]]
}

fn ry_f(degrees: f64) -> Mat {
    let (s, c) = degrees.to_radians().sin_cos();
    [[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]]
}
