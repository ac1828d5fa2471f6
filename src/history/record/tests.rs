//! Lines of the history: written whole, read back, and every kind of damage named.

use super::*;

fn sample() -> Record {
    Record {
        v: VERSION,
        start: "2026-12-01T07:30:05+01:00".into(),
        end: "2026-12-01T07:37:10+01:00".into(),
        routine: "hamstrings".into(),
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
            r#""routine":"hamstrings","source":"built-in","planned_s":420,"active_s":330,"#,
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
    let late = line.replace("2026-12-01T07:30:05+01:00", "2026-12-01T23:30:00-05:00");
    assert_eq!(
        parse_line(late.trim_end().as_bytes()).unwrap().date,
        jiff::civil::date(2026, 12, 1)
    );
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
}

#[test]
fn a_zoned_moment_is_stamped_to_the_second_with_its_offset() {
    let moment: ZonedDateTime = "2026-03-29T03:30:05.25+02:00[Europe/Berlin]"
        .parse()
        .unwrap();
    assert_eq!(stamp(&moment), "2026-03-29T03:30:05+02:00");
}
