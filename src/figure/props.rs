//! The props, drawn in the picture's plane around the posed body: each a few lines put
//! against a point of the body, the floor under its lowest point.

use super::{Layer, Plane, Stroke};
use crate::routine::pose::{Joint, Point, Props, Side, View};

/// The lines of `props` around a body whose points `at` gives in the picture's plane, whose
/// head is at `head` (its radius `radius`), and whose lines `body` are.
pub(super) fn strokes(
    props: &Props,
    view: View,
    at: &dyn Fn(Point) -> Plane,
    head: (Plane, f64),
    body: &[Stroke],
) -> Vec<Stroke> {
    let ends = || body.iter().flat_map(|stroke| [stroke.from, stroke.to]);
    // The floor is under the lowest point of the body, the head's too: lying down, the
    // head rests on the floor and the spine, the body's middle, is above it. A cushion
    // under the head lies on the floor in turn.
    let cushion = if props.cushion { CUSHION } else { 0.0 };
    let floor = ends()
        .map(|(_, y)| y)
        .chain([head.0.1 - head.1 - cushion])
        .fold(f64::INFINITY, f64::min);
    let top = ends()
        .map(|(_, y)| y)
        .chain([head.0.1 + head.1])
        .fold(f64::NEG_INFINITY, f64::max);
    let pelvis = at(Point::Pelvis);
    // Which way a point lies from the pelvis: a desk or a wall reaches away from the body.
    let away = |point: Plane| if point.0 >= pelvis.0 { 1.0 } else { -1.0 };
    let mut lines: Vec<(Plane, Plane)> = Vec::new();
    if props.chair {
        let seat = pelvis.1;
        match view {
            View::Side => {
                let (back, front) = (pelvis.0 - 1.0, pelvis.0 + 1.0);
                lines.extend([
                    ((back, seat), (front, seat)),
                    ((front, seat), (front, floor)),
                    ((back, seat + 2.6), (back, floor)),
                ]);
            }
            View::Front | View::Top => {
                let (left, right) = (pelvis.0 - 1.5, pelvis.0 + 1.5);
                lines.extend([
                    ((left, seat), (right, seat)),
                    ((left, seat), (left, floor)),
                    ((right, seat), (right, floor)),
                ]);
            }
        }
    }
    if let Some(point) = props.support {
        // A chair standing in front: the top of its back under the hand, its seat beyond.
        let (x, y) = at(point);
        let beyond = x + 1.6 * away((x, y));
        let seat = floor + 2.0;
        lines.extend([
            ((x, y), (x, floor)),
            ((x, seat), (beyond, seat)),
            ((beyond, seat), (beyond, floor)),
        ]);
    }
    let mut box_under = |(x, y): Plane, width: f64| {
        let (left, right) = (x - width / 2.0, x + width / 2.0);
        lines.extend([
            ((left, floor), (left, y)),
            ((left, y), (right, y)),
            ((right, y), (right, floor)),
        ]);
    };
    if let Some(point) = props.step {
        box_under(at(point), 1.6);
    }
    if let Some(point) = props.block {
        box_under(at(point), 0.9);
    }
    if props.cushion {
        let ((x, y), radius) = head;
        box_under((x, y - radius), 1.4);
    }
    if let Some(point) = props.wall {
        let (x, y) = at(point);
        let x = x + 0.1 * away((x, y));
        lines.push(((x, floor), (x, top + 0.6)));
    }
    if let Some(point) = props.desk {
        let (x, y) = at(point);
        let way = away((x, y));
        let (near, far) = (x - 0.3 * way, x + 2.6 * way);
        lines.extend([
            ((near, y), (far, y)),
            ((near + 0.2 * way, y), (near + 0.2 * way, floor)),
            ((far - 0.2 * way, y), (far - 0.2 * way, floor)),
        ]);
    }
    if let Some(point) = props.strap {
        let foot = at(point);
        lines.extend([
            (at(Point::Limb(Side::Left, Joint::Hand)), foot),
            (at(Point::Limb(Side::Right, Joint::Hand)), foot),
        ]);
    }
    if let Some((point, angle)) = props.arrow {
        let (x, y) = at(point);
        let clear = if point == Point::Head {
            head.1 + 0.3
        } else {
            0.3
        };
        let (dy, dx) = f64::from(angle).to_radians().sin_cos();
        let tip = (x - dx * clear, y - dy * clear);
        let tail = (tip.0 - dx * 1.2, tip.1 - dy * 1.2);
        lines.push((tail, tip));
        lines.extend(arrowhead(tip, f64::from(angle), 0.45));
    }
    if let Some(point) = props.roll {
        // Up, back and down: three quarters of a circle from the front, as the body faces,
        // drawn just behind the point, clear of the head above it.
        let (x, y) = at(point);
        let radius = 0.7;
        let x = x - 1.5;
        let on_circle = |degrees: f64| {
            let (s, c) = degrees.to_radians().sin_cos();
            (x + radius * c, y + radius * s)
        };
        let steps: Vec<Plane> = (0..=18).map(|i| on_circle(f64::from(i) * 15.0)).collect();
        lines.extend(steps.windows(2).map(|pair| (pair[0], pair[1])));
        // At 270 degrees the circle runs toward +x: the arrow points that way.
        lines.extend(arrowhead(on_circle(270.0), 0.0, 0.4));
    }
    if props.floor {
        let xs = || {
            ends()
                .chain(lines.iter().flat_map(|(a, b)| [*a, *b]))
                .map(|(x, _)| x)
                .chain([head.0.0 - head.1, head.0.0 + head.1])
        };
        let left = xs().fold(f64::INFINITY, f64::min);
        let right = xs().fold(f64::NEG_INFINITY, f64::max);
        lines.push(((left - 0.6, floor), (right + 0.6, floor)));
    }
    lines
        .into_iter()
        .map(|(from, to)| Stroke {
            from,
            to,
            layer: Layer::Prop,
        })
        .collect()
}

/// How thick the cushion under a head is.
const CUSHION: f64 = 0.25;

/// The two short lines of an arrowhead at `tip`, pointing `angle` degrees.
fn arrowhead(tip: Plane, angle: f64, length: f64) -> [(Plane, Plane); 2] {
    [150.0, -150.0].map(|turn: f64| {
        let (s, c) = (angle + turn).to_radians().sin_cos();
        (tip, (tip.0 + length * c, tip.1 + length * s))
    })
}
