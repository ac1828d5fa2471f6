//! A history read a chunk at a time reads as one, line by line, whatever the chunks.

use std::io::Write;

use super::*;
use crate::history::file::tests::record;

/// Every line of `text` as a scan by `chunk` reads it: the sessions, and the damaged lines.
fn scanned(text: &[u8], chunk: usize) -> (Vec<Session>, Vec<Damaged>) {
    let mut file = tempfile::tempfile().unwrap();
    file.write_all(text).unwrap();
    let mut sessions = Vec::new();
    let mut damaged = Vec::new();
    scan_by(
        chunk,
        &file,
        text.len() as u64,
        read_bytes,
        |first, piece| {
            match piece {
                Piece::Part((mut read, mut bad)) => {
                    sessions.append(&mut read);
                    for line in &mut bad {
                        line.line += first - 1;
                    }
                    damaged.append(&mut bad);
                }
                Piece::Overlong => damaged.push(Damaged::overlong(first)),
            }
            Ok(())
        },
    )
    .unwrap();
    (sessions, damaged)
}

#[test]
fn a_history_reads_the_same_whatever_the_chunks_and_parts() {
    // Lines enough for several parts, damaged ones, blank ones, over-long ones across
    // chunks, and a last line with no newline.
    let good = record("one").to_line();
    let mut text = String::new();
    for number in 1..=3000 {
        if number % 997 == 0 {
            text.push_str("not json\n");
        } else if number % 1009 == 0 {
            text.push_str(" \n");
        } else if number % 1013 == 0 {
            text.push_str(&"x".repeat(MAX_LINE_BYTES * 3 + 7));
            text.push('\n');
        } else {
            text.push_str(&good);
        }
    }
    text.push_str(&good[..30]);
    let whole = read_bytes(text.as_bytes());
    assert_eq!(
        whole.1.iter().map(|d| d.line).collect::<Vec<_>>(),
        [997, 1013, 1994, 2026, 2991, 3001]
    );
    for chunk in [100, 4096, MAX_LINE_BYTES + 1, 1 << 20, CHUNK_BYTES] {
        assert_eq!(scanned(text.as_bytes(), chunk), whole, "chunks of {chunk}");
    }
}

#[test]
fn a_history_of_one_endless_line_is_one_damaged_line() {
    let text = vec![0u8; 3 * MAX_LINE_BYTES];
    let (sessions, damaged) = scanned(&text, 1000);
    assert!(sessions.is_empty());
    assert_eq!(damaged, [Damaged::overlong(1)]);
    let mut text = text;
    text.extend_from_slice(b"\n");
    text.extend_from_slice(record("two").to_line().as_bytes());
    let (sessions, damaged) = scanned(&text, 1000);
    assert_eq!(sessions.len(), 1);
    assert_eq!(damaged, [Damaged::overlong(1)]);
}

#[test]
fn lines_number_blank_lines_and_a_last_line_without_a_newline() {
    let all = |text: &str| -> Vec<String> {
        lines(text.as_bytes())
            .map(|line| String::from_utf8(line.to_vec()).unwrap())
            .collect()
    };
    assert_eq!(all(""), Vec::<String>::new());
    assert_eq!(all("\n"), [""]);
    assert_eq!(all("a\n\nb"), ["a", "", "b"]);
    assert_eq!(all("a\nb\n"), ["a", "b"]);
    assert_eq!(count_lines(b"a\n\nb"), 3);
    assert_eq!(count_lines(b"a\nb\n"), 2);
    assert_eq!(count_lines(b""), 0);
}
