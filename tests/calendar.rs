//! Working-day calendar: due dates across the long holidays of 2025 and 2026, the edge of the
//! bundled years, and the checks that guard `content/holidays.toml`.
//!
//! Every expected date below was counted by hand on a paper calendar from the State Council
//! notices (research ids `holidays-2025`, `holidays-2026`); the comments show the count.

use chrono::{Datelike, Days, NaiveDate};
use passport_sos::calendar::{self, bundled_years, day_kind, due_date, DayKind, Due};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn due(accepted: &str, working_days: u32) -> Due {
    due_date(d(accepted), working_days)
}

fn exact(date: &str) -> Due {
    Due {
        date: d(date),
        estimate: false,
    }
}

fn estimate(date: &str) -> Due {
    Due {
        date: d(date),
        estimate: true,
    }
}

// --- the calendar as published ---------------------------------------------------------------

#[test]
fn bundled_calendar_passes_its_checks() {
    assert_eq!(calendar::check(), Vec::<String>::new());
}

#[test]
fn bundled_years_are_2025_and_2026() {
    assert_eq!(bundled_years(), 2025..=2026);
    let sources: Vec<_> = calendar::years()
        .iter()
        .map(|y| (y.year, y.source.as_str(), y.estimated))
        .collect();
    // 2027's notice is not out: its year is estimated from the national rules.
    assert_eq!(
        sources,
        [(2025, "holidays-2025", false), (2026, "holidays-2026", false), (2027, "holiday-rules-2024", true)]
    );
}

/// Order No. 795, Art. 2: 13 days a year; Art. 6: a weekday off for each one on a weekend.
#[test]
fn the_estimated_year_has_the_statutory_days_and_days_in_lieu_but_no_make_up_days() {
    let estimated: Vec<_> = calendar::holidays().filter(|h| h.estimated).collect();
    assert_eq!(estimated.len(), 7);
    let days: usize = estimated.iter().flat_map(|h| &h.days_off).map(|r| (*r.end() - *r.start()).num_days() as usize + 1).sum();
    // 13 statutory days, 6 of them on a Saturday or Sunday in 2027.
    assert_eq!(days, 13 + 6);
    assert!(estimated.iter().all(|h| h.make_up_workdays.is_empty()));
    match day_kind(d("2027-02-09")) {
        DayKind::DayOff { holiday } => assert!(holiday.estimated && holiday.name.en.starts_with("Spring Festival")),
        other => panic!("Tue 2027-02-09 is the first day in lieu of the Spring Festival, got {other:?}"),
    }
    // A weekend in the estimated year stays a weekend unless it is a holiday: no make-up days.
    assert_eq!(day_kind(d("2027-02-13")), DayKind::Weekend);
}

/// Mon 2027-02-01 + 10: Feb 2-4 (1-3), Feb 5-10 off (Spring Festival and two days in lieu),
/// Feb 11-12 (4-5), Feb 15-19 (6-10). Still an estimate: the notice is not out.
#[test]
fn spring_festival_2027_is_counted_from_the_rules_and_marked_an_estimate() {
    assert_eq!(due("2027-02-01", 10), estimate("2027-02-19"));
}

#[test]
fn a_missing_notice_is_noticed_after_the_first_of_november() {
    assert_eq!(calendar::notice_missing(d("2026-12-02")), Some(2027));
    assert_eq!(calendar::notice_missing(d("2026-11-01")), None);
    assert_eq!(calendar::notice_missing(d("2026-10-15")), None);
    // 2026's notice is bundled.
    assert_eq!(calendar::notice_missing(d("2025-12-01")), None);
}

/// Year, English and Chinese name, first and last day off, make-up working days.
type Row = (
    i32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// The table of `research/domain-facts.md`, "Public holidays", line by line.
#[test]
fn bundled_calendar_is_the_official_one() {
    #[rustfmt::skip]
    let table: &[Row] = &[
        (2025, "New Year's Day", "元旦", "2025-01-01", "2025-01-01", &[]),
        (2025, "Spring Festival", "春节", "2025-01-28", "2025-02-04", &["2025-01-26", "2025-02-08"]),
        (2025, "Qingming Festival", "清明节", "2025-04-04", "2025-04-06", &[]),
        (2025, "Labour Day", "劳动节", "2025-05-01", "2025-05-05", &["2025-04-27"]),
        (2025, "Dragon Boat Festival", "端午节", "2025-05-31", "2025-06-02", &[]),
        (2025, "National Day and Mid-Autumn Festival", "国庆节、中秋节", "2025-10-01", "2025-10-08", &["2025-09-28", "2025-10-11"]),
        (2026, "New Year's Day", "元旦", "2026-01-01", "2026-01-03", &["2026-01-04"]),
        (2026, "Spring Festival", "春节", "2026-02-15", "2026-02-23", &["2026-02-14", "2026-02-28"]),
        (2026, "Qingming Festival", "清明节", "2026-04-04", "2026-04-06", &[]),
        (2026, "Labour Day", "劳动节", "2026-05-01", "2026-05-05", &["2026-05-09"]),
        (2026, "Dragon Boat Festival", "端午节", "2026-06-19", "2026-06-21", &[]),
        (2026, "Mid-Autumn Festival", "中秋节", "2026-09-25", "2026-09-27", &[]),
        (2026, "National Day", "国庆节", "2026-10-01", "2026-10-07", &["2026-09-20", "2026-10-10"]),
    ];
    let bundled: Vec<_> = calendar::holidays().filter(|h| !h.estimated).collect();
    assert_eq!(bundled.len(), table.len());
    for (holiday, &(year, en, zh, from, to, make_up)) in bundled.iter().zip(table) {
        assert_eq!(
            (
                holiday.year,
                holiday.name.en.as_str(),
                holiday.name.zh.as_str()
            ),
            (year, en, zh)
        );
        assert_eq!(holiday.source, format!("holidays-{year}"));
        assert_eq!(holiday.days_off, [d(from)..=d(to)], "{year} {en}");
        let make_up: Vec<_> = make_up.iter().map(|s| d(s)).collect();
        assert_eq!(holiday.make_up_workdays, make_up, "{year} {en}");
    }
}

#[test]
fn note_says_make_up_days_are_counted_in_both_languages() {
    let note = calendar::note();
    assert_eq!(note.source, "reg-2013");
    assert!(
        note.text.en.contains("make-up") && note.text.en.contains("working days"),
        "{}",
        note.text.en
    );
    assert!(
        note.text.zh.contains("调休") && note.text.zh.contains("工作日"),
        "{}",
        note.text.zh
    );
}

// --- day kinds, for the month view -----------------------------------------------------------

#[test]
fn day_kinds_mark_days_off_make_up_days_and_weekends() {
    match day_kind(d("2025-01-26")) {
        DayKind::MakeUpWorkday { holiday } => assert_eq!(holiday.name.zh, "春节"),
        other => panic!("Sun 2025-01-26 is a Spring Festival make-up day, got {other:?}"),
    }
    match day_kind(d("2026-10-05")) {
        DayKind::DayOff { holiday } => {
            assert_eq!(
                (holiday.name.en.as_str(), holiday.source.as_str()),
                ("National Day", "holidays-2026")
            )
        }
        other => panic!("Mon 2026-10-05 is a National Day day off, got {other:?}"),
    }
    // A weekend inside a holiday belongs to the holiday.
    assert!(matches!(day_kind(d("2026-02-15")), DayKind::DayOff { .. }));
    assert_eq!(day_kind(d("2025-03-08")), DayKind::Weekend);
    assert_eq!(day_kind(d("2025-03-10")), DayKind::Workday);
    assert_eq!(day_kind(d("2026-12-31")), DayKind::Workday);
    assert!(matches!(day_kind(d("2027-01-01")), DayKind::DayOff { holiday } if holiday.estimated));
    assert_eq!(day_kind(d("2028-01-03")), DayKind::Unknown);
    assert_eq!(day_kind(d("2024-12-31")), DayKind::Unknown);
    assert_eq!(day_kind(d("2027-01-02")), DayKind::Weekend);
}

#[test]
fn working_days_are_workdays_make_up_days_and_unknown_weekdays() {
    assert!(day_kind(d("2025-03-10")).is_working());
    assert!(day_kind(d("2025-02-08")).is_working());
    assert!(day_kind(d("2027-01-04")).is_working());
    assert!(!day_kind(d("2025-03-08")).is_working());
    assert!(!day_kind(d("2025-10-08")).is_working());
}

// --- due dates across the long holidays ------------------------------------------------------

/// Mon 2025-01-20 + 30: Jan 21-24 (1-4), Sun Jan 26 make-up (5), Jan 27 (6), Jan 28 - Feb 4 off,
/// Feb 5-7 (7-9), Sat Feb 8 make-up (10), then five full weeks Feb 10 - Mar 7 (11-30).
#[test]
fn spring_festival_2025() {
    assert_eq!(due("2025-01-20", 30), exact("2025-03-07"));
}

/// Mon 2026-02-09 + 30: Feb 10-13 (1-4), Sat Feb 14 make-up (5), Feb 15-23 off, Feb 24-27 (6-9),
/// Sat Feb 28 make-up (10), then Mar 2 - Mar 27 (11-30).
#[test]
fn spring_festival_2026() {
    assert_eq!(due("2026-02-09", 30), exact("2026-03-27"));
}

/// Fri 2025-09-26 + 30: Sun Sep 28 make-up (1), Sep 29-30 (2-3), Oct 1-8 off, Oct 9-10 (4-5),
/// Sat Oct 11 make-up (6), Oct 13 - Nov 7 (7-26), Nov 10-13 (27-30).
#[test]
fn national_day_2025() {
    assert_eq!(due("2025-09-26", 30), exact("2025-11-13"));
}

/// The example of the procedure spec. Mon 2026-09-28 + 30: Sep 29-30 (1-2), Oct 1-7 off,
/// Oct 8-9 (3-4), Sat Oct 10 make-up (5), Oct 12 - Nov 13 (6-30).
#[test]
fn national_day_2026_spec_example() {
    assert_eq!(due("2026-09-28", 30), exact("2026-11-13"));
}

/// Beijing's 7 working days. Fri 2025-04-25: Sun Apr 27 make-up (1), Apr 28-30 (2-4),
/// May 1-5 off, May 6-8 (5-7).
#[test]
fn beijing_seven_days_across_labour_day_2025() {
    assert_eq!(due("2025-04-25", 7), exact("2025-05-08"));
}

/// Thu 2026-02-12: Feb 13 (1), Sat Feb 14 make-up (2), Feb 15-23 off, Feb 24-27 (3-6),
/// Sat Feb 28 make-up (7): the decision falls due on a Saturday.
#[test]
fn beijing_seven_days_ending_on_a_make_up_saturday() {
    assert_eq!(due("2026-02-12", 7), exact("2026-02-28"));
}

#[test]
fn make_up_days_count() {
    // Fri 2025-01-24 + 1: Sat Jan 25 is a weekend, Sun Jan 26 is worked.
    assert_eq!(due("2025-01-24", 1), exact("2025-01-26"));
    // Sat 2026-01-03 (a day off) + 1: Sun Jan 4 is worked.
    assert_eq!(due("2026-01-03", 1), exact("2026-01-04"));
}

#[test]
fn days_off_on_weekdays_are_skipped() {
    // Tue 2024-12-31 + 1: Wed 2025-01-01 is New Year's Day.
    assert_eq!(due("2024-12-31", 1), exact("2025-01-02"));
    // Thu 2026-04-02 + 2: Fri Apr 3 (1), Apr 4-6 off, Tue Apr 7 (2).
    assert_eq!(due("2026-04-02", 2), exact("2026-04-07"));
}

/// Accepted on Fri 2025-10-03, a day off: Oct 4-8 off, Oct 9-10 (1-2), Sat Oct 11 make-up (3),
/// Oct 13-16 (4-7).
#[test]
fn accepted_on_a_day_off() {
    assert_eq!(due("2025-10-03", 7), exact("2025-10-16"));
}

#[test]
fn accepted_on_a_weekend() {
    // Sat 2025-03-08: Mon Mar 10 - Fri Mar 14.
    assert_eq!(due("2025-03-08", 5), exact("2025-03-14"));
    // Accepted on the make-up Sunday 2026-01-04: that day is not counted either.
    assert_eq!(due("2026-01-04", 1), exact("2026-01-05"));
}

#[test]
fn zero_working_days_is_the_acceptance_day() {
    assert_eq!(due("2025-10-01", 0), exact("2025-10-01"));
    assert_eq!(due("2026-03-07", 0), exact("2026-03-07"));
    assert_eq!(due("2027-03-01", 0), estimate("2027-03-01"));
}

// --- the edge of the bundled years -----------------------------------------------------------

/// Tue 2026-12-15 + 30: Dec 16-18 (1-3), Dec 21-25 (4-8), Dec 28-31 (9-12), then 2027 as the
/// rules have it: Fri Jan 1 off, Jan 4 - Jan 22 (13-27), Jan 25-27 (28-30).
#[test]
fn period_into_2027_is_an_estimate() {
    assert_eq!(due("2026-12-15", 30), estimate("2027-01-27"));
}

#[test]
fn estimate_starts_exactly_at_the_first_unbundled_day() {
    assert_eq!(due("2026-12-30", 1), exact("2026-12-31"));
    // Fri 2027-01-01 is New Year's Day under the rules, but its notice is not bundled.
    assert_eq!(due("2026-12-31", 1), estimate("2027-01-04"));
    // Thu 2026-12-31 + 2 skips New Year's Day and the weekend of 2027.
    assert_eq!(due("2026-12-31", 2), estimate("2027-01-05"));
}

/// Fri 2024-12-20 + 10: Dec 23-27 (1-5), Dec 30-31 (6-7), Jan 1 off, Jan 2-3 (8-9), Mon Jan 6
/// (10). The 2024 days are counted without their notice, so the result is an estimate too.
#[test]
fn period_from_before_2025_is_an_estimate() {
    assert_eq!(due("2024-12-20", 10), estimate("2025-01-06"));
}

/// Past the bundled years only weekends are skipped: 5 working days are a calendar week.
#[test]
fn far_future_counts_weekends_only() {
    assert_eq!(due("2030-01-07", 5), estimate("2030-01-14"));
    assert_eq!(due("2030-01-07", 500), estimate("2031-12-08"));
    // From a Saturday, a whole number of weeks must not end on the next Saturday.
    assert_eq!(due("2030-01-12", 5), estimate("2030-01-18"));
}

#[test]
fn extreme_dates_and_lengths_do_not_panic() {
    assert_eq!(
        due_date(NaiveDate::MAX, 0),
        Due {
            date: NaiveDate::MAX,
            estimate: true
        }
    );
    assert_eq!(
        due_date(NaiveDate::MAX, 1),
        Due {
            date: NaiveDate::MAX,
            estimate: true
        }
    );
    assert_eq!(
        due_date(NaiveDate::MAX, u32::MAX),
        Due {
            date: NaiveDate::MAX,
            estimate: true
        }
    );
    // u32::MAX working days outrun chrono's range from any start; it saturates instead.
    assert_eq!(
        due_date(NaiveDate::MIN, u32::MAX),
        Due {
            date: NaiveDate::MAX,
            estimate: true
        }
    );
    assert_eq!(
        due("2025-01-01", u32::MAX),
        Due {
            date: NaiveDate::MAX,
            estimate: true
        }
    );
    let from_min = due_date(NaiveDate::MIN, 1000);
    assert!(from_min.estimate);
    assert_eq!(working_days_in(NaiveDate::MIN, from_min.date), 1000);
    let _ = (day_kind(NaiveDate::MIN), day_kind(NaiveDate::MAX));
}

/// Long periods are counted arithmetically outside the bundled years; walking day by day
/// through every kind of day must give the same result.
#[test]
fn long_periods_match_a_day_by_day_count() {
    for (accepted, n) in [
        ("2024-06-03", 100_000),
        ("1999-12-31", 9000),
        ("2026-12-30", 7777),
        ("2024-12-27", 3),
    ] {
        let result = due(accepted, n);
        assert_eq!(
            working_days_in(d(accepted), result.date),
            u64::from(n),
            "{accepted} + {n}"
        );
        assert!(day_kind(result.date).is_working());
        assert!(result.estimate);
    }
}

fn working_days_in(after: NaiveDate, until: NaiveDate) -> u64 {
    after
        .iter_days()
        .skip(1)
        .take_while(|day| *day <= until)
        .filter(|day| day_kind(*day).is_working())
        .count() as u64
}

// --- checks on the holidays file -------------------------------------------------------------

const VALID: &str = r#"
[note]
source = "reg-2013"
en = "Make-up days count."
zh = "补班日计入。"

[[year]]
year = 2025
source = "holidays-2025"

[[year.holiday]]
name = { en = "Spring Festival", zh = "春节" }
days_off = [{ from = "2025-01-28", to = "2025-02-04" }]
make_up_workdays = ["2025-01-26", "2025-02-08"]
"#;

fn problems_with(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "the template has no {from:?}");
    calendar::check_text(&VALID.replacen(from, to, 1))
}

fn assert_reported(problems: Vec<String>, needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem mentioning {needle:?}, got {problems:?}"
    );
}

#[test]
fn check_rejects_an_estimated_year_without_its_days_in_lieu() {
    let estimated = format!(
        "{VALID}\n[estimate_note]\nsources = [\"r\", \"d\"]\nen = \"e\"\nzh = \"z\"\n\n[[estimated_year]]\nyear = 2026\nsources = [\"r\", \"d\"]\n\n[[estimated_year.holiday]]\nname = {{ en = \"Labour Day\", zh = \"劳动节\" }}\ndays = [\"2026-05-02\", \"2026-05-03\"]\nin_lieu = [\"2026-05-04\"]\n"
    );
    assert_reported(calendar::check_text(&estimated), "needs as many days in lieu");
    let weekend = estimated.replace("in_lieu = [\"2026-05-04\"]", "in_lieu = [\"2026-05-04\", \"2026-05-09\"]");
    assert_reported(calendar::check_text(&weekend), "not a weekday");
    let fine = estimated.replace("in_lieu = [\"2026-05-04\"]", "in_lieu = [\"2026-05-04\", \"2026-05-05\"]");
    assert_eq!(calendar::check_text(&fine), Vec::<String>::new());
    let no_note = fine.replace("[estimate_note]", "[not_a_note]");
    assert!(!calendar::check_text(&no_note).is_empty());
}

#[test]
fn check_accepts_the_template() {
    assert_eq!(calendar::check_text(VALID), Vec::<String>::new());
}

#[test]
fn check_rejects_malformed_dates() {
    assert_reported(problems_with("2025-02-04", "2025-02-30"), "2025-02-30");
    assert_reported(problems_with("2025-01-26", "26/01/2025"), "26/01/2025");
    assert_reported(problems_with("2025-01-28", "2025-1-28"), "2025-1-28");
    assert_reported(problems_with("2025-02-08", "2205-02-08"), "2205-02-08");
}

#[test]
fn check_rejects_a_day_both_off_and_worked() {
    assert_reported(
        problems_with("\"2025-02-08\"]", "\"2025-02-01\"]"),
        "2025-02-01 is listed as a day off",
    );
}

#[test]
fn check_rejects_a_make_up_day_on_a_weekday() {
    assert_reported(
        problems_with("2025-02-08", "2025-02-07"),
        "not a Saturday or Sunday",
    );
}

#[test]
fn check_rejects_a_range_ending_before_it_starts() {
    assert_reported(
        problems_with("to = \"2025-02-04\"", "to = \"2025-01-27\""),
        "before they start",
    );
}

#[test]
fn check_rejects_a_year_without_a_source() {
    assert_reported(
        problems_with("source = \"holidays-2025\"\n", ""),
        "2025: no source",
    );
    assert_reported(
        problems_with("source = \"holidays-2025\"", "source = \" \""),
        "2025: no source",
    );
}

#[test]
fn check_rejects_a_missing_language() {
    assert_reported(problems_with(", zh = \"春节\"", ""), "no Chinese text");
    assert_reported(
        problems_with("en = \"Spring Festival\", ", "en = \"\", "),
        "no English text",
    );
    assert_reported(
        problems_with("zh = \"补班日计入。\"", ""),
        "note: no Chinese text",
    );
}

#[test]
fn check_rejects_misspelt_keys_and_gaps_between_years() {
    assert!(!problems_with("make_up_workdays", "makeup_workdays").is_empty());
    let gap = format!("{VALID}\n[[year]]\nyear = 2027\nsource = \"holidays-2027\"\n");
    assert_reported(calendar::check_text(&gap), "gap");
}

// --- properties over any date ----------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let all = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
        // Most of the interest is around the bundled years, so half the cases are drawn there.
        let near = d("2024-10-01").num_days_from_ce()..=d("2027-03-31").num_days_from_ce();
        prop_oneof![all, near].prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn outside_bundled(day: NaiveDate) -> bool {
        !bundled_years().contains(&day.year())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn due_date_counts_exactly_n_working_days(accepted in any_date(), n in 0u32..=400) {
            let result = due_date(accepted, n);
            prop_assert!(result.date >= accepted);
            let counted = working_days_in(accepted, result.date);
            if result.date == NaiveDate::MAX && counted < u64::from(n) {
                // Saturated at the end of chrono's range: only allowed as an estimate.
                prop_assert!(result.estimate);
                prop_assert!(accepted.checked_add_days(Days::new(u64::from(n) * 7 / 5 + 7)).is_none());
            } else {
                prop_assert_eq!(counted, u64::from(n));
                if n > 0 {
                    prop_assert!(day_kind(result.date).is_working(), "due on a day off: {:?}", result);
                }
                let touched_unknown = if n == 0 {
                    outside_bundled(accepted)
                } else {
                    accepted.iter_days().skip(1).take_while(|day| *day <= result.date).any(outside_bundled)
                };
                prop_assert_eq!(result.estimate, touched_unknown);
            }
        }
    }
}

// --- the due-date scenario files -------------------------------------------------------------

/// The scenario runner runs these too; checking them here keeps a wrong hand count from
/// waiting for the runner to exist.
#[test]
fn due_date_scenarios_hold() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/due_dates");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let scenario: toml::Table = toml::from_str(&text).unwrap();
        let field = |table: &str, key: &str| scenario[table][key].clone();
        let accepted = d(field("due_date", "accepted").as_str().unwrap());
        let working_days =
            u32::try_from(field("due_date", "working_days").as_integer().unwrap()).unwrap();
        let expected = Due {
            date: d(field("expect", "due").as_str().unwrap()),
            estimate: field("expect", "estimate").as_bool().unwrap(),
        };
        assert_eq!(
            due_date(accepted, working_days),
            expected,
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(
        seen >= 6,
        "only {seen} due-date scenarios in {}",
        dir.display()
    );
}
