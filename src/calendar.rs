//! Working days in mainland China, for the day a decision on an application is due.
//!
//! Regulations 2013 Art. 36 count time limits in working days with statutory holidays
//! excluded; Civil Code Art. 201 starts a period counted in days on the day after the event, so
//! the acceptance day is never counted. The official days off and make-up working days come from
//! `content/holidays.toml`, one State Council notice a year. A year whose notice is not out yet
//! may be listed as an estimate: the public holidays the national rules fix (at that year's
//! dates, with a weekday off in lieu of one on a weekend), but none of the make-up working days
//! only the notice sets. Beyond that nothing is known but the weekends. Any period that touches
//! a year without its notice is an estimate.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The bundled calendar, compiled into the binary so the app needs no network to count days.
pub const HOLIDAYS_TOML: &str = include_str!("../content/holidays.toml");

pub use crate::content::Text;

/// One holiday of one year's notice, or of an estimated year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub name: Text,
    /// The year of the notice that set it.
    pub year: i32,
    /// Source id of that notice; for an estimated year, of the national rules.
    pub source: String,
    /// From the national rules, not from a notice: the notice may move these days.
    pub estimated: bool,
    pub days_off: Vec<RangeInclusive<NaiveDate>>,
    /// Saturdays or Sundays worked in exchange for the days off.
    pub make_up_workdays: Vec<NaiveDate>,
}

/// One year's notice, or a year estimated from the national rules until its notice is out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    pub source: String,
    pub holidays: Vec<Holiday>,
    pub estimated: bool,
}

/// What the calendar says about how it counts, to show next to any due date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    pub text: Text,
    pub source: String,
}

/// How an estimated year is counted, to show with a due date that is an estimate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EstimateNote {
    pub text: Text,
    pub sources: Vec<String>,
}

/// The last day of a decision period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub date: NaiveDate,
    /// Some day of the period lies outside the bundled years, where only weekends are skipped.
    pub estimate: bool,
}

/// How a day counts, for the period and for drawing a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Workday,
    Weekend,
    DayOff {
        holiday: &'static Holiday,
    },
    MakeUpWorkday {
        holiday: &'static Holiday,
    },
    /// A weekday outside the bundled years: assumed to be worked, but its holidays are unknown.
    Unknown,
}

impl DayKind {
    /// Whether the day counts towards a period of working days.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            DayKind::Workday | DayKind::MakeUpWorkday { .. } | DayKind::Unknown
        )
    }
}

/// The day `working_days` working days after `accepted`, the acceptance day not counted.
///
/// Never panics: a period that would end after the last date chrono can represent ends on
/// `NaiveDate::MAX`, marked as an estimate.
pub fn due_date(accepted: NaiveDate, working_days: u32) -> Due {
    calendar().due_date(accepted, working_days)
}

pub fn day_kind(date: NaiveDate) -> DayKind {
    let cal = calendar();
    match cal.mark(date) {
        Some(Mark {
            off: true,
            year,
            holiday,
        }) => DayKind::DayOff {
            holiday: &cal.years[year].holidays[holiday],
        },
        Some(Mark {
            off: false,
            year,
            holiday,
        }) => DayKind::MakeUpWorkday {
            holiday: &cal.years[year].holidays[holiday],
        },
        None if is_weekend(date) => DayKind::Weekend,
        None if cal.covers(date) => DayKind::Workday,
        None => DayKind::Unknown,
    }
}

/// The years whose official calendar is bundled. Empty (`1..=0`) only if the bundled file
/// failed its checks, in which case every due date is an estimate.
pub fn bundled_years() -> RangeInclusive<i32> {
    match calendar().span {
        Some((first, last)) => first..=last,
        None => RangeInclusive::new(1, 0),
    }
}

/// The next year, when its notice is usually out (the 2025 and 2026 notices came in
/// November) and the bundled calendar does not have it yet: after 1 November.
pub fn notice_missing(today: NaiveDate) -> Option<i32> {
    let next = today.year() + 1;
    let due = NaiveDate::from_ymd_opt(today.year(), 11, 1)?;
    let has = calendar().years.iter().any(|y| y.year == next && !y.estimated);
    (today > due && !has).then_some(next)
}

pub fn years() -> &'static [Year] {
    &calendar().years
}

pub fn holidays() -> impl Iterator<Item = &'static Holiday> {
    calendar().years.iter().flat_map(|y| y.holidays.iter())
}

/// Present when the file estimates a year whose notice is not out.
pub fn estimate_note() -> Option<&'static EstimateNote> {
    calendar().estimate_note.as_ref()
}

pub fn note() -> &'static Note {
    &calendar().note
}

/// Problems in the bundled calendar, one sentence each; empty when it is sound.
pub fn check() -> Vec<String> {
    check_text(HOLIDAYS_TOML)
}

/// Problems in a calendar written in the format of `content/holidays.toml`.
pub fn check_text(text: &str) -> Vec<String> {
    match Calendar::parse(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

/// The calendar as the app ships it: read from holidays.toml by `sos bundle` before the wasm
/// build, so the browser carries no TOML parser. See [`to_bundle`].
#[cfg(target_arch = "wasm32")]
const SHIPPED: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/bundle/holidays.postcard"));

/// The holiday file in the compact binary form the app ships (postcard), or what is wrong
/// with it.
pub fn to_bundle(text: &str) -> Result<Vec<u8>, Vec<String>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![format!("holidays file: {e}")])?;
    let bytes = postcard::to_allocvec(&raw).map_err(|e| vec![format!("holidays file: {e}")])?;
    // What ships must be a valid calendar, exactly as the TOML is.
    from_bundle(&bytes).map(|_| bytes)
}

fn from_bundle(bytes: &[u8]) -> Result<Calendar, Vec<String>> {
    let raw: RawFile = postcard::from_bytes(bytes).map_err(|e| vec![format!("holidays bundle: {e}")])?;
    Calendar::from_raw(raw)
}

/// A date written `YYYY-MM-DD`, or `None` for anything else, impossible dates included.
/// Written by hand because chrono's format-string parser is large in the wasm and this is
/// the only format the app reads.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes.get(range.clone())?.iter().all(u8::is_ascii_digit).then(|| text[range].parse().ok())?
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// The `YYYY-MM-DD` form of a date (what a date input and the saved state hold).
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    // A broken file is caught by the tests before release; should one slip through anyway, an
    // empty calendar turns every due date into an honest estimate instead of a wrong exact one.
    CALENDAR.get_or_init(|| {
        #[cfg(target_arch = "wasm32")]
        let loaded = from_bundle(SHIPPED);
        #[cfg(not(target_arch = "wasm32"))]
        let loaded = Calendar::parse(HOLIDAYS_TOML);
        loaded.unwrap_or_default()
    })
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    off: bool,
    year: usize,
    holiday: usize,
}

#[derive(Debug, Default)]
struct Calendar {
    note: Note,
    estimate_note: Option<EstimateNote>,
    years: Vec<Year>,
    /// First and last bundled year; the years in between are all present (checked).
    span: Option<(i32, i32)>,
    /// The days counted one by one: the bundled and estimated years, stretched to any make-up
    /// day a notice moved into a neighbouring year, so that `due_date` and `day_kind` never
    /// disagree.
    walked: Option<(NaiveDate, NaiveDate)>,
    marks: BTreeMap<NaiveDate, Mark>,
}

impl Calendar {
    fn covers(&self, date: NaiveDate) -> bool {
        self.span
            .is_some_and(|(first, last)| (first..=last).contains(&date.year()))
    }

    fn mark(&self, date: NaiveDate) -> Option<Mark> {
        self.marks.get(&date).copied()
    }

    fn is_working(&self, date: NaiveDate) -> bool {
        match self.mark(date) {
            Some(mark) => !mark.off,
            None => !is_weekend(date),
        }
    }

    fn due_date(&self, accepted: NaiveDate, working_days: u32) -> Due {
        let mut day = accepted;
        let mut left = working_days;
        let mut estimate = !self.covers(accepted) && working_days == 0;
        while left > 0 {
            let Some(next) = day.succ_opt() else {
                return Due {
                    date: NaiveDate::MAX,
                    estimate: true,
                };
            };
            if self
                .walked
                .is_some_and(|(first, last)| (first..=last).contains(&next))
            {
                estimate |= !self.covers(next);
                day = next;
                if self.is_working(day) {
                    left -= 1;
                }
                continue;
            }
            // Outside the bundled years only weekends are known, so whole stretches are counted
            // arithmetically: a period of millions of days must not walk day by day.
            estimate = true;
            let stretch_end = match self.walked {
                Some((first, _)) if next < first => first.pred_opt(),
                _ => None,
            };
            match stretch_end {
                Some(end) if weekdays_between(day, end) < u64::from(left) => {
                    left -= weekdays_between(day, end) as u32;
                    day = end;
                }
                _ => {
                    return Due {
                        date: add_weekdays(day, left).unwrap_or(NaiveDate::MAX),
                        estimate,
                    };
                }
            }
        }
        Due {
            date: day,
            estimate,
        }
    }

    fn parse(text: &str) -> Result<Calendar, Vec<String>> {
        let raw: RawFile = toml::from_str(text).map_err(|e| vec![format!("holidays file: {e}")])?;
        Calendar::from_raw(raw)
    }

    fn from_raw(raw: RawFile) -> Result<Calendar, Vec<String>> {
        let mut errors = Vec::new();
        let mut cal = Calendar::default();

        match raw.note {
            Some(note) => {
                let text = text_of(note.en, note.zh, "note", &mut errors);
                if note.source.trim().is_empty() {
                    errors.push("note: no source".to_string());
                }
                cal.note = Note {
                    text,
                    source: note.source,
                };
            }
            None => errors.push("no [note] saying how make-up days are counted".to_string()),
        }

        for raw_year in raw.year {
            let y = raw_year.year;
            if cal.years.iter().any(|known| known.year == y) {
                errors.push(format!("{y}: listed twice"));
            }
            if raw_year.source.trim().is_empty() {
                errors.push(format!("{y}: no source"));
            }
            let mut year = Year {
                year: y,
                source: raw_year.source.clone(),
                holidays: Vec::new(),
                estimated: false,
            };
            for (h, raw_holiday) in raw_year.holiday.into_iter().enumerate() {
                let place = format!("{y}, holiday {}", h + 1);
                let name = name_of(raw_holiday.name, &place, &mut errors);
                let place = if name.en.is_empty() {
                    place
                } else {
                    format!("{y}, {}", name.en)
                };
                let mut holiday = Holiday {
                    name,
                    year: y,
                    source: raw_year.source.clone(),
                    estimated: false,
                    days_off: Vec::new(),
                    make_up_workdays: Vec::new(),
                };
                if raw_holiday.days_off.is_empty() {
                    errors.push(format!("{place}: no days off"));
                }
                for range in &raw_holiday.days_off {
                    let (Some(from), Some(to)) = (
                        date_of(&range.from, &place, y, &mut errors),
                        date_of(&range.to, &place, y, &mut errors),
                    ) else {
                        continue;
                    };
                    if to < from {
                        errors.push(format!(
                            "{place}: days off end {to} before they start {from}"
                        ));
                        continue;
                    }
                    holiday.days_off.push(from..=to);
                }
                for raw_day in &raw_holiday.make_up_workdays {
                    let Some(day) = date_of(raw_day, &place, y, &mut errors) else {
                        continue;
                    };
                    if !is_weekend(day) {
                        errors.push(format!(
                            "{place}: make-up working day {day} is a {}, not a Saturday or Sunday",
                            day.weekday()
                        ));
                    }
                    holiday.make_up_workdays.push(day);
                }
                year.holidays.push(holiday);
            }
            cal.years.push(year);
        }

        crate::sort::sort_by_key(&mut cal.years, |year| year.year);
        let official_last = cal.years.last().map(|y| y.year);
        match (raw.estimate_note, raw.estimated_year.is_empty()) {
            (Some(note), _) => {
                let text = text_of(note.en, note.zh, "estimate_note", &mut errors);
                if note.sources.is_empty() {
                    errors.push("estimate_note: no source".to_string());
                }
                cal.estimate_note = Some(EstimateNote { text, sources: note.sources });
            }
            (None, false) => errors.push("estimated years but no [estimate_note] saying how they are counted".to_string()),
            (None, true) => {}
        }
        for raw_year in raw.estimated_year {
            let y = raw_year.year;
            if cal.years.iter().any(|known| known.year == y) {
                errors.push(format!("{y}: listed twice (a year with its notice is not estimated)"));
            }
            if official_last.is_some_and(|last| y < last) {
                errors.push(format!("{y}: estimated, but an earlier year than the last notice"));
            }
            if raw_year.sources.len() < 2 {
                errors.push(format!("{y}: an estimated year names the rules and the source of its dates"));
            }
            let source = raw_year.sources.first().cloned().unwrap_or_default();
            let mut year = Year { year: y, source: source.clone(), holidays: Vec::new(), estimated: true };
            for (h, raw_holiday) in raw_year.holiday.into_iter().enumerate() {
                let place = format!("{y} (estimated), holiday {}", h + 1);
                let name = name_of(raw_holiday.name, &place, &mut errors);
                let mut holiday = Holiday {
                    name,
                    year: y,
                    source: source.clone(),
                    estimated: true,
                    days_off: Vec::new(),
                    make_up_workdays: Vec::new(),
                };
                if raw_holiday.days.is_empty() {
                    errors.push(format!("{place}: no days"));
                }
                let days = raw_holiday.days.iter().chain(&raw_holiday.in_lieu);
                for (k, raw_day) in days.enumerate() {
                    let Some(day) = date_of(raw_day, &place, y, &mut errors) else { continue };
                    if k >= raw_holiday.days.len() && is_weekend(day) {
                        errors.push(format!("{place}: the day in lieu {day} is a {}, not a weekday", day.weekday()));
                    }
                    holiday.days_off.push(day..=day);
                }
                // The rules (Art. 6) give a weekday off for each holiday on a weekend.
                let on_weekend = raw_holiday.days.iter().filter_map(|d| parse_iso_date(d)).filter(|d| is_weekend(*d)).count();
                if on_weekend != raw_holiday.in_lieu.len() {
                    errors.push(format!(
                        "{place}: {on_weekend} of its days fall on a weekend, so it needs as many days in lieu, not {}",
                        raw_holiday.in_lieu.len()
                    ));
                }
                year.holidays.push(holiday);
            }
            cal.years.push(year);
        }
        crate::sort::sort_by_key(&mut cal.years, |year| year.year);
        match (cal.years.first(), cal.years.last()) {
            (Some(first), Some(last)) => {
                if last.year - first.year + 1 != cal.years.len() as i32 {
                    errors.push(format!(
                        "years {}..{} have a gap: a year in between would be counted without its holidays",
                        first.year, last.year
                    ));
                }
                cal.span = official_last.map(|l| (first.year, l));
                cal.walked = NaiveDate::from_ymd_opt(first.year, 1, 1)
                    .zip(NaiveDate::from_ymd_opt(last.year, 12, 31));
            }
            _ => errors.push("no year listed".to_string()),
        }

        for (yi, year) in cal.years.iter().enumerate() {
            for (hi, holiday) in year.holidays.iter().enumerate() {
                let off_days = holiday
                    .days_off
                    .iter()
                    .flat_map(|r| r.start().iter_days().take_while(move |d| d <= r.end()));
                let entries = off_days
                    .map(|d| (d, true))
                    .chain(holiday.make_up_workdays.iter().map(|&d| (d, false)));
                for (day, off) in entries {
                    let mark = Mark {
                        off,
                        year: yi,
                        holiday: hi,
                    };
                    if let Some(earlier) = cal.marks.insert(day, mark) {
                        let what = |m: Mark| {
                            if m.off {
                                "a day off"
                            } else {
                                "a make-up working day"
                            }
                        };
                        let other = &cal.years[earlier.year].holidays[earlier.holiday].name.en;
                        errors.push(format!(
                            "{day} is listed as {} of {} {} and as {} of {} {}",
                            what(earlier),
                            cal.years[earlier.year].year,
                            other,
                            what(mark),
                            year.year,
                            holiday.name.en
                        ));
                    }
                }
            }
        }

        if let (Some((first, last)), Some((&lo, _)), Some((&hi, _))) = (
            cal.walked,
            cal.marks.first_key_value(),
            cal.marks.last_key_value(),
        ) {
            cal.walked = Some((first.min(lo), last.max(hi)));
        }

        if errors.is_empty() {
            Ok(cal)
        } else {
            Err(errors)
        }
    }
}

fn name_of(raw: Option<RawText>, place: &str, errors: &mut Vec<String>) -> Text {
    match raw {
        Some(name) => text_of(name.en, name.zh, &format!("{place}: name"), errors),
        None => {
            errors.push(format!("{place}: no name"));
            Text::default()
        }
    }
}

fn text_of(en: Option<String>, zh: Option<String>, place: &str, errors: &mut Vec<String>) -> Text {
    let mut take = |value: Option<String>, lang: &str| match value {
        Some(s) if !s.trim().is_empty() => s,
        _ => {
            errors.push(format!("{place}: no {lang} text"));
            String::new()
        }
    };
    Text {
        en: take(en, "English"),
        zh: take(zh, "Chinese"),
    }
}

fn date_of(raw: &str, place: &str, year: i32, errors: &mut Vec<String>) -> Option<NaiveDate> {
    let parsed = parse_iso_date(raw);
    match parsed {
        None => {
            errors.push(format!(
                "{place}: \"{raw}\" is not a date written YYYY-MM-DD"
            ));
            None
        }
        // A notice may move a make-up day into the neighbouring year, never further: anything
        // else is a typo that would silently never be used.
        Some(date) if (date.year() - year).abs() > 1 => {
            errors.push(format!(
                "{place}: {date} is far from the notice's year {year}"
            ));
            None
        }
        Some(date) => Some(date),
    }
}

/// Weekdays in `(after, until]`.
fn weekdays_between(after: NaiveDate, until: NaiveDate) -> u64 {
    let days = until.signed_duration_since(after).num_days().max(0) as u64;
    let mut count = days / 7 * 5;
    let mut day = after
        .checked_add_days(Days::new(days / 7 * 7))
        .unwrap_or(until);
    while day < until {
        day = day.succ_opt().unwrap_or(until);
        if !is_weekend(day) {
            count += 1;
        }
    }
    count
}

/// The day `n` weekdays after `from`, or `None` past the last representable date.
fn add_weekdays(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        return Some(from);
    }
    // Any 7 consecutive days hold exactly 5 weekdays; keep at least one weekday to walk so the
    // result lands on a weekday rather than on the weekend after the last full week.
    let weeks = (n - 1) / 5;
    let mut left = n - weeks * 5;
    let mut day = from.checked_add_days(Days::new(u64::from(weeks) * 7))?;
    while left > 0 {
        day = day.succ_opt()?;
        if !is_weekend(day) {
            left -= 1;
        }
    }
    Some(day)
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    note: Option<RawNote>,
    #[serde(default)]
    year: Vec<RawYear>,
    #[serde(default)]
    estimated_year: Vec<RawEstimatedYear>,
    estimate_note: Option<RawEstimateNote>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawEstimateNote {
    en: Option<String>,
    zh: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

/// A year whose notice is not out: its public holidays as the national rules fix them.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawEstimatedYear {
    year: i32,
    /// The rules first, then where the year's lunar and solar-term dates come from.
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    holiday: Vec<RawEstimatedHoliday>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawEstimatedHoliday {
    name: Option<RawText>,
    /// The days the rules give for it.
    #[serde(default)]
    days: Vec<String>,
    /// A weekday off for each of those days that falls on a Saturday or Sunday.
    #[serde(default)]
    in_lieu: Vec<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    en: Option<String>,
    zh: Option<String>,
    #[serde(default)]
    source: String,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    #[serde(default)]
    source: String,
    #[serde(default)]
    holiday: Vec<RawHoliday>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: Option<RawText>,
    #[serde(default)]
    days_off: Vec<RawRange>,
    #[serde(default)]
    make_up_workdays: Vec<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: Option<String>,
    zh: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    from: String,
    to: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_only_when_written_yyyy_mm_dd_and_possible() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_iso_date("2026-09-28"), day(2026, 9, 28));
        assert_eq!(parse_iso_date("2024-02-29"), day(2024, 2, 29));
        for bad in ["2026-02-30", "2025-02-29", "2026-13-01", "2026-9-28", "26-09-28", "2026/09/28", "２０２６-09-28", "2026-09-2x", "", "2026-09-28 "] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
        assert_eq!(iso_date(day(2026, 1, 4).unwrap()), "2026-01-04");
        assert_eq!(parse_iso_date(&iso_date(day(999, 12, 31).unwrap())), day(999, 12, 31));
    }

    #[test]
    fn the_shipped_form_counts_exactly_like_the_toml() {
        let from_toml = Calendar::parse(HOLIDAYS_TOML).unwrap();
        let shipped = from_bundle(&to_bundle(HOLIDAYS_TOML).unwrap()).unwrap();
        let mut day = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        while day.year() < 2028 {
            assert_eq!(shipped.mark(day), from_toml.mark(day), "{day}");
            for n in [1, 7, 30] {
                assert_eq!(shipped.due_date(day, n), from_toml.due_date(day, n), "{day} + {n}");
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(shipped.years.len(), from_toml.years.len());
    }

    /// The 2019 notice moved a New Year make-up day into 2018: a calendar bundling only 2019
    /// must still count it, and say the result is an estimate since the rest of 2018 is unknown.
    #[test]
    fn make_up_day_in_the_previous_year_is_counted() {
        let text = r#"
            [note]
            source = "reg-2013"
            en = "Make-up days count."
            zh = "补班日计入。"
            [[year]]
            year = 2019
            source = "holidays-2019"
            [[year.holiday]]
            name = { en = "New Year's Day", zh = "元旦" }
            days_off = [{ from = "2018-12-30", to = "2019-01-01" }]
            make_up_workdays = ["2018-12-29"]
        "#;
        let cal = Calendar::parse(text).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            cal.due_date(d("2018-12-28"), 1),
            Due {
                date: d("2018-12-29"),
                estimate: true
            }
        );
        assert_eq!(
            cal.due_date(d("2018-12-28"), 2),
            Due {
                date: d("2019-01-02"),
                estimate: true
            }
        );
        assert_eq!(
            cal.due_date(d("2018-12-31"), 1),
            Due {
                date: d("2019-01-02"),
                estimate: false
            }
        );
        assert_eq!(
            cal.due_date(d("2018-12-20"), 5),
            Due {
                date: d("2018-12-27"),
                estimate: true
            }
        );
    }
}
