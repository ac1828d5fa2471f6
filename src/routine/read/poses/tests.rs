//! A bad figure is a diagnostic, at its place in the file, never a panic.

use super::*;
use crate::routine::pose::{Joint, Side};

/// The problems of a figures file `text`: each message, with the text at its span.
fn problems(text: &str) -> Vec<(String, String)> {
    let file = SourceFile::new("figures.toml", text);
    let Err(problems) = parse_figures(&file) else {
        panic!("{text} parsed");
    };
    problems
        .diagnostics
        .into_iter()
        .map(|d| {
            let at = d.span.map(|s| file.text[s].to_string()).unwrap_or_default();
            (d.message, at)
        })
        .collect()
}

fn pair(message: &str, at: &str) -> (String, String) {
    (message.to_string(), at.to_string())
}

#[test]
fn a_figure_reads_both_sides_and_each_side_changes_its_own() {
    let text = r#"
[[figure]]
name = "lunge"
view = "side"
torso = 10
neck = { bend = 20 }
knee = 5
hip = { flex = 30, abduct = 5 }
left = { knee = 90 }
props = { floor = true, step = "left_ankle", arrow = { at = "head", angle = 180 } }
"#;
    let poses = parse_figures(&SourceFile::new("figures.toml", text)).unwrap();
    let pose = &poses[0];
    assert_eq!(pose.name, "lunge");
    assert_eq!(pose.torso.lean, 10);
    assert_eq!(pose.neck.bend, 20);
    assert_eq!(pose.left.knee, 90);
    assert_eq!(pose.right.knee, 5);
    assert_eq!((pose.left.hip.flex, pose.left.hip.abduct), (30, 5));
    assert_eq!(pose.right.hip, pose.left.hip);
    assert!(pose.props.floor && !pose.props.chair);
    assert_eq!(pose.props.step, Some(Point::Limb(Side::Left, Joint::Ankle)));
    assert_eq!(pose.props.arrow, Some((Point::Head, 180)));
}

#[test]
fn unknown_keys_are_named_with_the_likely_one_meant() {
    let found = problems(
        "[[figure]]\nname = \"a\"\nknea = 5\nleft = { elbo = 5 }\nprops = { flor = true }\n",
    );
    assert_eq!(
        found,
        [
            pair("unknown key `knea` in figure", "knea"),
            pair("unknown key `elbo` in `left`", "elbo"),
            pair("unknown key `flor` in `props`", "flor"),
        ]
    );
    let file = SourceFile::new("f.toml", "[[figure]]\nname = \"a\"\nknea = 5\n");
    let diagnostic = parse_figures(&file).unwrap_err().diagnostics.remove(0);
    assert_eq!(diagnostic.help.as_deref(), Some("did you mean `knee`?"));
}

#[test]
fn an_angle_out_of_range_or_of_the_wrong_type_is_refused() {
    let found = problems(
        "[[figure]]\nname = \"a\"\nknee = -5\nelbow = 200\nhip = { flex = 171 }\nwrist = 1.5\n",
    );
    assert_eq!(
        found,
        [
            pair("`knee` must be from 0 to 165", "-5"),
            pair("`elbow` must be from 0 to 165", "200"),
            pair("`hip.flex` must be from -30 to 170", "171"),
            pair("wrong type for `wrist`: expected a whole number", "1.5"),
        ]
    );
}

#[test]
fn a_prop_against_no_such_point_and_a_duplicate_name_are_refused() {
    let found = problems(
        "[[figure]]\nname = \"a\"\nprops = { step = \"left_heel\" }\n[[figure]]\nname = \"b\"\n[[figure]]\nname = \"b\"\n",
    );
    assert_eq!(
        found,
        [
            pair("invalid `step` `left_heel`", "\"left_heel\""),
            pair("duplicate figure `b`", "\"b\""),
        ]
    );
    assert_eq!(
        problems("[[figure]]\nname = \"Big Toe\"\n"),
        [pair("invalid figure name `Big Toe`", "\"Big Toe\"")]
    );
    assert_eq!(
        problems("[[figure]]\nview = \"back\"\n"),
        [
            pair("missing `name` in a figure", "[[figure]]"),
            pair("invalid `view` `back`", "\"back\""),
        ]
    );
}
