//! The sheet of every figure, left side and right, kept as a snapshot so that a change to
//! any figure shows in review; and the drawing's own rules.

use super::*;
use crate::routine::pose;

/// Each dot of `buf`'s braille cells, row by row: `true` where a dot is lit.
fn dots_of(buf: &Buffer) -> Vec<Vec<bool>> {
    let area = buf.area;
    let mut grid = vec![vec![false; usize::from(area.width) * 2]; usize::from(area.height) * 4];
    // The bit of each dot of a braille cell, by (column, row) in the cell.
    const BITS: [[u32; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];
    for y in 0..area.height {
        for x in 0..area.width {
            let Some(c) = buf[(x, y)].symbol().chars().next() else {
                continue;
            };
            let bits = u32::from(c).wrapping_sub(0x2800);
            if bits > 0xFF {
                continue;
            }
            for (row, pair) in BITS.iter().enumerate() {
                for (column, bit) in pair.iter().enumerate() {
                    if bits & bit != 0 {
                        grid[usize::from(y) * 4 + row][usize::from(x) * 2 + column] = true;
                    }
                }
            }
        }
    }
    grid
}

fn drawn(figure: &Figure, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    draw(&mut buf, area, figure, Pen { colour: true });
    buf
}

#[test]
fn the_sheet_of_every_figure() {
    let mut sheet = String::new();
    for pose in pose::figures() {
        let left = text_lines(&Figure::of(pose));
        let right = text_lines(&Figure::of(pose).mirrored());
        let width = left.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        sheet.push_str(&format!(
            "{} ({} view): left side, then right\n",
            pose.name,
            pose.view.as_str()
        ));
        for (l, r) in left.iter().zip(&right) {
            let pad = width - l.chars().count();
            let line = format!("  {l}{}    {r}", " ".repeat(pad));
            sheet.push_str(line.trim_end());
            sheet.push('\n');
        }
        sheet.push('\n');
    }
    insta::assert_snapshot!("sheet", sheet);
}

#[test]
fn the_guide_size_is_at_most_twelve_rows_and_fills_them_or_its_width() {
    for pose in pose::figures() {
        let figure = Figure::of(pose);
        let (columns, rows) = guide_size(&figure);
        assert!(rows <= GUIDE_ROWS, "{}: {rows} rows", pose.name);
        assert!(columns <= GUIDE_COLUMNS, "{}: {columns} columns", pose.name);
        assert!(
            rows == GUIDE_ROWS || columns == GUIDE_COLUMNS,
            "{}",
            pose.name
        );
        let lines = text_lines(&figure);
        assert_eq!(lines.len(), usize::from(rows));
        assert!(!lines[0].is_empty() && !lines[lines.len() - 1].is_empty());
    }
}

#[test]
fn a_figure_is_drawn_inside_its_box_and_nowhere_else() {
    let figure = Figure::of(pose::find("downward-dog").expect("a figure"));
    let area = Rect::new(5, 3, 30, 10);
    let mut buf = Buffer::empty(Rect::new(0, 0, 50, 20));
    draw(&mut buf, area, &figure, Pen { colour: true });
    for y in 0..20 {
        for x in 0..50 {
            let blank = buf[(x, y)].symbol() == " ";
            if !area.contains((x, y).into()) {
                assert!(blank, "drawn outside at {x},{y}");
            }
        }
    }
    // It fills the box one way: its floor spans the box's width.
    let lit_columns: Vec<bool> = (5..35)
        .map(|x| (3..13).any(|y| buf[(x, y)].symbol() != " "))
        .collect();
    assert!(lit_columns.iter().all(|lit| *lit), "{lit_columns:?}");
}

#[test]
fn the_mirror_is_drawn_as_the_mirror_image() {
    // Seen from the side, a figure is far from symmetric: its mirror matches it flipped,
    // and not as it is.
    for pose in pose::figures()
        .iter()
        .filter(|p| p.view == pose::View::Side)
    {
        let figure = Figure::of(pose);
        let left = dots_of(&drawn(&figure, 30, 12));
        let right = dots_of(&drawn(&figure.mirrored(), 30, 12));
        let (mut lit, mut flipped, mut unflipped) = (0, 0, 0);
        for (row, mirrored) in left.iter().zip(&right) {
            for ((dot, across), same) in row.iter().zip(mirrored.iter().rev()).zip(mirrored) {
                if *dot {
                    lit += 1;
                    flipped += usize::from(*across);
                    unflipped += usize::from(*same);
                }
            }
        }
        // Lines are rounded to dots, so a few dots of a slope may land one dot over.
        assert!(lit > 50, "{}", pose.name);
        assert!(flipped * 10 >= lit * 9, "{}: {flipped} of {lit}", pose.name);
        assert!(unflipped < flipped, "{}: {unflipped} of {lit}", pose.name);
    }
}

#[test]
fn far_limbs_and_props_are_quieter_and_no_colour_means_none() {
    let figure = Figure::of(pose::find("standing-heel-on-step").expect("a figure"));
    let coloured = drawn(&figure, 30, 12);
    let colours: Vec<Color> = coloured.content.iter().map(|cell| cell.fg).collect();
    assert!(colours.contains(&Color::DarkGray));
    assert!(colours.contains(&Color::Gray));
    let area = Rect::new(0, 0, 30, 12);
    let mut plain = Buffer::empty(area);
    draw(&mut plain, area, &figure, Pen { colour: false });
    assert!(plain.content.iter().all(|cell| cell.fg == Color::Reset));
}
