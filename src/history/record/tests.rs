//! Lines of the history: written whole, read back, and every kind of damage named.

use super::*;

fn sample() -> Record {
    Record {
        v: VERSION,
        start: "2026-12-01T07:30:05+01:00".into(),
        end: "2026-12-01T07:37:10+01:00".into(),
        routine: "hamstrings".into(),
        title: Some("Hamstrings".into()),
        source: "built-in".into(),
        planned_s: 420,
        active_s: 330,
        holds_done: 10,
        holds_total: 11,
        stretches_done: 6,
        stretches_total: 7,
        skipped: vec!["lying-strap".into()],
        ending: Ending::Quit,
    }
}

#[test]
fn a_record_is_one_line_with_its_fields_in_order() {
    assert_eq!(
        sample().to_line(),
        concat!(
            r#"{"v":1,"start":"2026-12-01T07:30:05+01:00","end":"2026-12-01T07:37:10+01:00","#,
            r#""routine":"hamstrings","title":"Hamstrings","source":"built-in","planned_s":420,"active_s":330,"#,
            r#""holds_done":10,"holds_total":11,"stretches_done":6,"stretches_total":7,"#,
            r#""skipped":["lying-strap"],"ending":"quit"}"#,
            "\n"
        )
    );
}

#[test]
fn a_line_reads_back_as_its_record_on_the_date_of_its_own_offset() {
    let line = sample().to_line();
    let session = parse_line(line.trim_end().as_bytes()).unwrap();
    assert_eq!(session.record, sample());
    assert_eq!(session.date, jiff::civil::date(2026, 12, 1));
    assert_eq!(session.time, jiff::civil::time(7, 30, 5, 0));
    assert_eq!(session.ended.to_string(), "2026-12-01T06:37:10Z");
    // Late in the evening west of UTC is already the next day in UTC: the offset decides.
    let late = line
        .replace("2026-12-01T07:30:05+01:00", "2026-12-01T23:30:00-05:00")
        .replace("2026-12-01T07:37:10+01:00", "2026-12-01T23:37:05-05:00");
    assert_eq!(
        parse_line(late.trim_end().as_bytes()).unwrap().date,
        jiff::civil::date(2026, 12, 1)
    );
}

#[test]
fn a_line_written_before_titles_were_recorded_reads_without_one() {
    let line = sample().to_line().replace("\"title\":\"Hamstrings\",", "");
    let record = parse_line(line.trim_end().as_bytes()).unwrap().record;
    assert_eq!(record.title, None);
    assert_eq!(
        record,
        Record {
            title: None,
            ..sample()
        }
    );
    let closed = sample().to_line().replace("\"quit\"", "\"closed\"");
    let ending = parse_line(closed.trim_end().as_bytes())
        .unwrap()
        .record
        .ending;
    assert_eq!(ending, Ending::Closed);
}

#[test]
fn unknown_fields_are_ignored() {
    let line = sample()
        .to_line()
        .replace("{\"v\":1,", "{\"v\":1,\"mood\":\"great\",");
    assert_eq!(
        parse_line(line.trim_end().as_bytes()).unwrap().record,
        sample()
    );
}

#[test]
fn every_kind_of_damage_is_named() {
    let line = sample().to_line();
    let line = line.trim_end();
    let damage = |text: &str| parse_line(text.as_bytes()).unwrap_err().to_string();
    assert_eq!(damage(&line[..40]), "the line is cut short");
    assert!(
        damage("hello").starts_with("not a JSON object ("),
        "{}",
        damage("hello")
    );
    assert!(damage("[1,2]").starts_with("not a JSON object ("));
    assert_eq!(
        damage(&line.replace("\"v\":1", "\"v\":2")),
        "unknown format version `v` 2"
    );
    assert_eq!(damage(&line.replace("\"v\":1,", "")), "no `v`");
    assert_eq!(
        damage(&line.replace(",\"ending\":\"quit\"", "")),
        "no `ending`"
    );
    assert_eq!(
        damage(&line.replace("07:30:05+01:00", "07:30:05")),
        "`start` has no UTC offset"
    );
    assert!(
        damage(&line.replace("2026-12-01T07:30:05", "yesterday"))
            .starts_with("`start` is not a time")
    );
    assert_eq!(
        damage(&line.replace("\"holds_done\":10", "\"holds_done\":12")),
        "`holds_done` or `stretches_done` is more than its total"
    );
    assert!(damage(&line.replace("\"quit\"", "\"exploded\"")).starts_with("not a JSON object"));
    let long = line.replace("hamstrings", &"x".repeat(MAX_LINE_BYTES));
    assert_eq!(damage(&long), "not a JSON object (longer than 64 KiB)");
    assert!(parse_line(&[0xff, 0xfe]).is_err());
    // A skipped id is bounded in characters, as the routine's name is, not in bytes.
    let id = |n| line.replace("lying-strap", &"é".repeat(n));
    assert!(parse_line(id(MAX_ROUTINE_CHARS).as_bytes()).is_ok());
    assert_eq!(damage(&id(MAX_ROUTINE_CHARS + 1)), "`skipped` is too long");
}

#[test]
fn a_zoned_moment_is_stamped_to_the_second_with_its_offset() {
    let moment: ZonedDateTime = "2026-03-29T03:30:05.25+02:00[Europe/Berlin]"
        .parse()
        .unwrap();
    assert_eq!(stamp(&moment), "2026-03-29T03:30:05+02:00");
}

#[test]
fn a_glance_and_a_whole_reading_agree_on_every_line() {
    let line = sample().to_line();
    let line = line.trim_end();
    let lines = [
        line.to_string(),
        line.replace("hamstrings", "ham\\\"strings\\u00e9"),
        line.replace("[\"lying-strap\"]", "[]"),
        line.replace("[\"lying-strap\"]", "[\"a\",\"b\\n\",\"c\"]"),
        line.replace("[\"lying-strap\"]", "[1]"),
        line.replace("[\"lying-strap\"]", "\"lying-strap\""),
        line.replace("[\"lying-strap\"]", "null"),
        line.replace("[\"lying-strap\"]", "[\"x\",]"),
        line.replace("lying-strap", &"x".repeat(MAX_ROUTINE_CHARS + 1)),
        // Ids are bounded in characters, as the routine's name is.
        line.replace("lying-strap", &"é".repeat(MAX_ROUTINE_CHARS)),
        line.replace("lying-strap", &"é".repeat(MAX_ROUTINE_CHARS + 1)),
        line.replace(
            "[\"lying-strap\"]",
            &format!("[{}\"a\"]", "\"a\",".repeat(MAX_SKIPPED)),
        ),
        line.replace("hamstrings", &"é".repeat(MAX_ROUTINE_CHARS)),
        line.replace("hamstrings", &"é".repeat(MAX_ROUTINE_CHARS + 1)),
        line.replace("\"hamstrings\"", "7"),
        line.replace("\"built-in\"", "null"),
        line.replace("\"v\":1", "\"v\":1.0"),
        line.replace("\"v\":1", "\"v\":\"1\""),
        line.replace("07:37:10+01:00", "07:37:10"),
        line.replace("\"active_s\":330", "\"active_s\":-1"),
        line.replace("\"stretches_done\":6", "\"stretches_done\":8"),
        line.replace("\"quit\"", "\"Quit\""),
        format!("{line} trailing"),
        line[..60].to_string(),
        "{}".to_string(),
        "[]".to_string(),
        String::new(),
    ];
    let mut bytes: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
    let mut not_utf8 = line.as_bytes().to_vec();
    not_utf8[40] = 0xff;
    bytes.push(not_utf8);
    bytes.push(
        line.replace("hamstrings", &"x".repeat(MAX_LINE_BYTES))
            .into_bytes(),
    );
    let mut kinds = std::collections::BTreeSet::new();
    for line in &bytes {
        let shown = String::from_utf8_lossy(line);
        match (parse_line(line), glance_line(line)) {
            (Ok(session), Ok(glance)) => {
                kinds.insert("whole".to_string());
                assert_eq!(
                    glance,
                    Glance {
                        date: session.date,
                        active_s: session.record.active_s,
                        stretches_done: session.record.stretches_done,
                    },
                    "{shown}"
                );
            }
            (Err(whole), Err(glanced)) => {
                assert_eq!(whole, glanced, "{shown}");
                kinds.insert(whole.to_string().chars().take(12).collect());
            }
            (whole, glanced) => panic!("{shown}: {whole:?} but {glanced:?}"),
        }
    }
    assert!(kinds.len() >= 6, "too few kinds of line: {kinds:?}");
}

#[test]
fn a_record_whose_fields_contradict_each_other_is_damaged() {
    let line = sample().to_line();
    let line = line.trim_end();
    let damage = |text: &str| parse_line(text.as_bytes()).unwrap_err().to_string();
    // 7 min 5 s from start to end: 425 s held at most.
    let longest = line.replace("\"active_s\":330", "\"active_s\":425");
    assert!(parse_line(longest.as_bytes()).is_ok());
    for active in ["426", "18446744073709551615"] {
        let absurd = line.replace("\"active_s\":330", &format!("\"active_s\":{active}"));
        assert_eq!(
            damage(&absurd),
            "`active_s` is longer than the time from `start` to `end`"
        );
        assert!(glance_line(absurd.as_bytes()).is_err());
    }
    let backwards = line.replace("07:37:10+01:00", "07:30:04+01:00");
    assert_eq!(damage(&backwards), "`end` is before `start`");
    let more_done = line.replace("\"stretches_done\":6", "\"stretches_done\":8");
    assert_eq!(
        damage(&more_done),
        "`holds_done` or `stretches_done` is more than its total"
    );
}

#[test]
fn a_stored_session_serializes_as_its_record_does() {
    let line = sample().to_line();
    let stored = read_stored(line.trim_end().as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&stored.record).unwrap() + "\n", line);
    assert_eq!(
        stored.glance(),
        glance_line(line.trim_end().as_bytes()).unwrap()
    );
    let escaped = line.replace("hamstrings", "ham\\u0000strings");
    let stored = read_stored(escaped.trim_end().as_bytes()).unwrap();
    assert_eq!(stored.record.routine, "ham\u{0}strings");
    assert!(read_stored(b"{}").is_err());
}
