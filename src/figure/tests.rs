//! Every figure of the library: its bones keep their lengths, it fits its box, its mirror
//! is its mirror, and it stands on its floor.

use super::skeleton::{Bone, Skeleton};
use super::*;
use crate::routine::pose::{self, Point};

fn distance(a: V3, b: V3) -> f64 {
    (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>().sqrt()
}

#[test]
fn every_bone_of_every_figure_has_its_length() {
    assert!(pose::figures().len() >= 24);
    for pose in pose::figures() {
        let skeleton = Skeleton::posed(pose);
        // The spine, the neck, and eight bones a side.
        assert_eq!(skeleton.bones.len(), 18, "{}", pose.name);
        for posed in &skeleton.bones {
            let length = distance(posed.from, posed.to);
            assert!(
                (length - posed.bone.length()).abs() < 1e-9,
                "{}: {:?} {:?} is {length}, not {}",
                pose.name,
                posed.side,
                posed.bone,
                posed.bone.length()
            );
        }
        // The head sits on the neck, a radius beyond its end.
        let neck = skeleton.bones[1];
        assert_eq!(neck.bone, Bone::Neck);
        let head = skeleton.point(Point::Head);
        assert!((distance(neck.to, head) - skeleton::HEAD_RADIUS).abs() < 1e-9);
    }
}

#[test]
fn every_figure_lies_within_its_box_at_every_size() {
    for pose in pose::figures() {
        for figure in [Figure::of(pose), Figure::of(pose).mirrored()] {
            for (columns, rows) in [(2, 2), (24, 48), (120, 48), (40, 200), (9, 7)] {
                let (window, scale) = figure.fit(columns, rows).expect("a window");
                let inside = |(x, y): Plane| {
                    x >= window.left - 1e-9
                        && x <= window.right + 1e-9
                        && y >= window.bottom - 1e-9
                        && y <= window.top + 1e-9
                };
                for stroke in &figure.strokes {
                    assert!(inside(stroke.from) && inside(stroke.to), "{}", pose.name);
                }
                let (x, y) = figure.head.centre;
                let r = figure.head.radius;
                for edge in [(x - r, y), (x + r, y), (x, y - r), (x, y + r)] {
                    assert!(inside(edge), "{}: the head", pose.name);
                }
                // The window's dots are square: a unit is as many dots across as up.
                let across = f64::from(columns - 1) / window.width();
                let up = f64::from(rows - 1) / window.height();
                assert!((across - scale).abs() < 1e-9 && (up - scale).abs() < 1e-9);
                // And the figure fills it one way or the other.
                let bounds = figure.bounds();
                let fills_across = (bounds.width() - window.width()).abs() < 1e-9;
                let fills_up = (bounds.height() - window.height()).abs() < 1e-9;
                assert!(fills_across || fills_up, "{}", pose.name);
            }
        }
    }
}

#[test]
fn a_grid_too_small_has_no_window() {
    let figure = Figure::of(&pose::figures()[0]);
    assert_eq!(figure.fit(1, 40), None);
    assert_eq!(figure.fit(40, 0), None);
}

#[test]
fn the_other_side_is_the_mirror_image() {
    for pose in pose::figures() {
        let figure = Figure::of(pose);
        let mirror = figure.mirrored();
        assert_eq!(mirror.strokes.len(), figure.strokes.len());
        for (stroke, mirrored) in figure.strokes.iter().zip(&mirror.strokes) {
            assert_eq!(mirrored.from, (-stroke.from.0, stroke.from.1));
            assert_eq!(mirrored.to, (-stroke.to.0, stroke.to.1));
            assert_eq!(mirrored.layer, stroke.layer);
        }
        assert_eq!(
            mirror.head.centre,
            (-figure.head.centre.0, figure.head.centre.1)
        );
        assert_eq!(mirror.mirrored(), figure);
        let (bounds, flipped) = (figure.bounds(), mirror.bounds());
        assert_eq!((flipped.left, flipped.right), (-bounds.right, -bounds.left));
    }
}

#[test]
fn a_side_view_faces_right_with_its_left_limbs_nearest() {
    let toe_touch = pose::find("standing-toe-touch").expect("a figure");
    let figure = Figure::of(toe_touch);
    // Bent forward at the hips: the head is right of the pelvis, and lower than standing.
    assert!(figure.head.centre.0 > 2.0, "{:?}", figure.head);
    let near = figure.strokes.iter().filter(|s| s.layer == Layer::Near);
    let far = figure.strokes.iter().filter(|s| s.layer == Layer::Far);
    assert_eq!((near.count(), far.count()), (8, 8));
    // Drawn in order: props, the far side, the body, the near side.
    let layers: Vec<Layer> = figure.strokes.iter().map(|s| s.layer).collect();
    assert!(layers.is_sorted(), "{layers:?}");
}

#[test]
fn every_figure_stands_on_its_floor_and_nothing_goes_through_it() {
    for pose in pose::figures().iter().filter(|pose| pose.props.floor) {
        let figure = Figure::of(pose);
        // The floor is the last prop drawn: a level line under everything else.
        let floor = figure
            .strokes
            .iter()
            .rfind(|stroke| stroke.layer == Layer::Prop)
            .expect("a floor");
        assert_eq!(floor.from.1, floor.to.1, "{}", pose.name);
        let bounds = figure.bounds();
        assert_eq!(bounds.bottom, floor.from.1, "{}", pose.name);
        assert_eq!((bounds.left, bounds.right), (floor.from.0, floor.to.0));
        // Something of the body, or the cushion under the head, touches it.
        let lowest_of_body = figure
            .strokes
            .iter()
            .filter(|stroke| stroke.layer != Layer::Prop)
            .flat_map(|stroke| [stroke.from.1, stroke.to.1])
            .chain([figure.head.centre.1 - figure.head.radius])
            .fold(f64::INFINITY, f64::min);
        let touches = (lowest_of_body - floor.from.1).abs() < 1e-9
            || (pose.props.cushion && (lowest_of_body - floor.from.1 - 0.25).abs() < 1e-9);
        assert!(touches, "{} floats over its floor", pose.name);
    }
}

#[test]
fn every_stretch_of_the_built_in_routines_has_its_figure_and_every_figure_a_stretch() {
    // A built-in routine's figures are taken as they are when it is read: this is where
    // they are checked.
    let mut ids = Vec::new();
    for loaded in crate::routine::catalog::builtins() {
        let routine = loaded.routine.expect("a valid built-in routine");
        for stretch in routine.stretches {
            assert_eq!(
                stretch.figure.as_deref(),
                Some(stretch.id.as_str()),
                "the figure of {} in {}",
                stretch.id,
                loaded.name
            );
            assert!(
                pose::find(&stretch.id).is_some(),
                "no figure {}",
                stretch.id
            );
            ids.push(stretch.id);
        }
    }
    for pose in pose::figures() {
        assert!(
            ids.contains(&pose.name),
            "no stretch for the figure {}",
            pose.name
        );
    }
}
