//! Figures of the stretches: a pose of the shared skeleton ([`crate::routine::pose`]) made
//! into the lines of a drawing (the bones, the head and the props), mirrored for the other
//! side, and fitted into a box. It knows nothing of terminals: the front end draws the
//! lines, in braille dots.
//!
//! The skeleton is posed in three dimensions ([`skeleton`]) and seen from the pose's view:
//! a limb turned toward the viewer looks shorter, as it does in life, while every bone
//! keeps its length. The picture's plane has `x` to the right and `y` up, in the
//! skeleton's units.

pub mod skeleton;

mod props;

#[cfg(test)]
mod tests;

use crate::routine::pose::{Pose, Side, View};
use skeleton::{HEAD_RADIUS, Skeleton, V3};

/// A point in the picture's plane: `x` to the right, `y` up.
pub type Plane = (f64, f64);

/// Which lines are drawn over which: props first, then the far limbs, the body, and the
/// near limbs on top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// A prop: the floor, a chair, a wall.
    Prop,
    /// A limb on the far side, in a side view.
    Far,
    /// The spine, the neck, and in a front or top view both sides.
    Body,
    /// A limb on the near side, in a side view.
    Near,
}

/// One line of the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// One end.
    pub from: Plane,
    /// The other end.
    pub to: Plane,
    /// What it belongs to, which decides its shade and what it is drawn over.
    pub layer: Layer,
}

/// The head: a circle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Head {
    /// Its middle.
    pub centre: Plane,
    /// Its radius.
    pub radius: f64,
}

/// A figure ready to draw: its lines in the order they are drawn, and the head.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The lines, props first and the near limbs last.
    pub strokes: Vec<Stroke>,
    /// The head, drawn with the body.
    pub head: Head,
}

/// The smallest box that holds a drawing: `x` from `left` to `right`, `y` from `bottom` to
/// `top`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// The leftmost `x`.
    pub left: f64,
    /// The rightmost `x`.
    pub right: f64,
    /// The lowest `y`.
    pub bottom: f64,
    /// The highest `y`.
    pub top: f64,
}

impl Bounds {
    /// How wide the box is.
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    /// How high the box is.
    pub fn height(&self) -> f64 {
        self.top - self.bottom
    }
}

impl Figure {
    /// The figure of `pose`, as the pose gives it: the left side of a stretch done on both.
    pub fn of(pose: &Pose) -> Figure {
        let skeleton = Skeleton::posed(pose);
        let seen = |point: V3| project(pose.view, point);
        let mut body: Vec<Stroke> = skeleton
            .bones
            .iter()
            .map(|posed| Stroke {
                from: seen(posed.from),
                to: seen(posed.to),
                layer: match (pose.view, posed.side) {
                    (View::Side, Some(Side::Left)) => Layer::Near,
                    (View::Side, Some(Side::Right)) => Layer::Far,
                    _ => Layer::Body,
                },
            })
            .collect();
        let head = Head {
            centre: seen(skeleton.point(crate::routine::pose::Point::Head)),
            radius: HEAD_RADIUS,
        };
        let at = |point| seen(skeleton.point(point));
        let mut strokes = props::strokes(
            &pose.props,
            pose.view,
            &at,
            (head.centre, head.radius),
            &body,
        );
        // A stable sort: within a layer, bones stay in the skeleton's order.
        body.sort_by_key(|stroke| stroke.layer);
        strokes.extend(body);
        Figure { strokes, head }
    }

    /// The figure for the other side: its mirror image, left for right.
    pub fn mirrored(&self) -> Figure {
        let flip = |(x, y): Plane| (-x, y);
        Figure {
            strokes: self
                .strokes
                .iter()
                .map(|stroke| Stroke {
                    from: flip(stroke.from),
                    to: flip(stroke.to),
                    layer: stroke.layer,
                })
                .collect(),
            head: Head {
                centre: flip(self.head.centre),
                radius: self.head.radius,
            },
        }
    }

    /// The smallest box that holds every line and the head.
    pub fn bounds(&self) -> Bounds {
        let (x, y) = self.head.centre;
        let r = self.head.radius;
        let mut bounds = Bounds {
            left: x - r,
            right: x + r,
            bottom: y - r,
            top: y + r,
        };
        for (x, y) in self.strokes.iter().flat_map(|s| [s.from, s.to]) {
            bounds.left = bounds.left.min(x);
            bounds.right = bounds.right.max(x);
            bounds.bottom = bounds.bottom.min(y);
            bounds.top = bounds.top.max(y);
        }
        bounds
    }

    /// The window onto the picture's plane that shows the figure as large as fits on a
    /// grid of `columns` by `rows` dots of equal width and height, centred: the grid's
    /// first and last dots are at the window's edges. Also how many dots a unit of the
    /// skeleton takes. `None` for a grid too small to draw on.
    pub fn fit(&self, columns: u32, rows: u32) -> Option<(Bounds, f64)> {
        if columns < 2 || rows < 2 {
            return None;
        }
        let bounds = self.bounds();
        let (across, up) = (f64::from(columns - 1), f64::from(rows - 1));
        let scale = (across / bounds.width()).min(up / bounds.height());
        if !scale.is_finite() || scale <= 0.0 {
            return None;
        }
        let (width, height) = (across / scale, up / scale);
        let left = bounds.left - (width - bounds.width()) / 2.0;
        let bottom = bounds.bottom - (height - bounds.height()) / 2.0;
        let window = Bounds {
            left,
            right: left + width,
            bottom,
            top: bottom + height,
        };
        Some((window, scale))
    }
}

/// Where `point` of the body's space falls in the picture's plane, seen from `view`.
fn project(view: View, [x, y, z]: V3) -> Plane {
    match view {
        View::Side => (x, y),
        // As a mirror shows it: the body's left (+z) on the left of the picture.
        View::Front => (-z, y),
        // From above, the head to the left: the body's left toward the top.
        View::Top => (x, z),
    }
}
