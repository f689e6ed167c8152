//! What the screens compute besides rendering: which open question decides an item, the
//! weeks of a month, dates in both languages, what a source supports, the plan as text.
//! Plain Rust over the library's types, so the browser tests can include it.

use super::i18n::{fill, text, Msg};
use chrono::{Datelike, Months, NaiveDate};
use passport_sos::content::{Content, Lang, Text, UNKNOWN};
use passport_sos::engine::{Answers, Fired, Outcome, PlanStep};
use passport_sos::storage::{Progress, StepProgress};

/// The open questions that decide whether an item that only "may apply" does: those its
/// rules name; a rule on the route depends on every question still open.
pub fn deciding_questions<'c>(c: &'c Content, outcome: &Outcome<'c>, because: &[Fired<'c>]) -> Vec<&'c str> {
    let open: Vec<&str> = outcome.open_questions.iter().map(|o| o.question).collect();
    let mut out: Vec<&'c str> = Vec::new();
    // The questions the route rules look at: what "depends on the route" depends on.
    let route_facts: Vec<&str> = c
        .rules
        .iter()
        .filter(|r| c.route(&r.selects).is_some())
        .flat_map(|r| r.when.keys().map(String::as_str))
        .collect();
    for fired in because.iter().filter(|f| !f.certain) {
        let Some(rule) = c.rule(fired.rule) else { continue };
        for fact in rule.when.keys() {
            let names: Vec<&str> = if fact == "route" { route_facts.clone() } else { vec![fact.as_str()] };
            for q in names {
                if let Some(q) = open.iter().find(|o| **o == q) {
                    if !out.contains(q) {
                        out.push(q);
                    }
                }
            }
        }
    }
    if out.is_empty() && because.iter().any(|f| !f.certain) {
        out = open;
    }
    // Keep the content's question order.
    passport_sos::sort::sort_by_key(&mut out, |q| c.question_index(q));
    out
}

/// Where to go to answer a question: the question itself when it is asked now, else the
/// last asked question its asking depends on ("What did the embassy say?" is asked once
/// "Have you asked the embassy?" is yes).
pub fn question_target<'c>(c: &'c Content, outcome: &Outcome<'c>, question: &'c str) -> &'c str {
    if outcome.questions_in_play.contains(&question) {
        return question;
    }
    c.question(question)
        .and_then(|q| {
            q.asked_when
                .keys()
                .filter(|k| outcome.questions_in_play.contains(&k.as_str()))
                .max_by_key(|k| c.question_index(k))
        })
        .map(String::as_str)
        .unwrap_or(question)
}

/// The label of an answer: an option's label, "I don't know", a country's or a place's name
/// (once the directory is loaded), or the value as given.
pub fn answer_label<'c>(c: &'c Content, question: &str, value: &'c str, lang: Lang) -> &'c str {
    if value == UNKNOWN {
        return c.unknown_label.get(lang);
    }
    let d = c.directory();
    c.question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == value))
        .map(|o| o.label.get(lang))
        .or_else(|| d.and_then(|d| d.country(value)).filter(|_| question == "nationality").map(|k| k.name.get(lang)))
        .or_else(|| d.and_then(|d| d.place(value)).map(|p| p.name.get(lang)))
        .unwrap_or(value)
}

/// The saved answers the current rules do not use (an unknown question or value, or a question
/// that no longer applies), as (question, answer) labels; raw ids where the content has none.
pub fn kept_from_before(c: &Content, outcome: &Outcome, lang: Lang) -> Vec<(String, String)> {
    outcome
        .ignored_answers
        .iter()
        .map(|i| {
            let q = c.question(&i.question).map(|q| q.text.get(lang)).unwrap_or(&i.question);
            (q.to_string(), answer_label(c, &i.question, &i.value, lang).to_string())
        })
        .collect()
}

/// Whether the person considers the step done: their own tick if they gave one, else what
/// the answers say (a loss certificate in hand means the loss was reported).
pub fn step_done(progress: &Progress, step: &PlanStep) -> bool {
    progress.steps.get(step.id).map(|p| p.done).unwrap_or(step.done)
}

pub fn item_checked(progress: &Progress, step: &str, item: &str) -> bool {
    progress.steps.get(step).is_some_and(|p| p.checked.iter().any(|x| x == item))
}

/// Sets one bring-item's tick in a step's record.
pub fn set_checked(record: &mut StepProgress, item: &str, on: bool) {
    record.checked.retain(|x| x != item);
    if on {
        record.checked.push(item.to_string());
    }
}

/// The days of a month laid out in weeks from Monday, `None` for the cells before the first
/// and after the last day.
pub fn month_cells(year: i32, month: u32) -> Vec<Option<NaiveDate>> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { return Vec::new() };
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
    let mut day = Some(first);
    while let Some(d) = day.filter(|d| d.month() == month) {
        cells.push(Some(d));
        day = d.succ_opt();
    }
    while cells.len() % 7 != 0 {
        cells.push(None);
    }
    cells
}

/// The months from `from` to `to`, both included, at most `max`.
pub fn months_between(from: NaiveDate, to: NaiveDate, max: usize) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let Some(mut m) = from.with_day(1) else { return out };
    while m <= to && out.len() < max {
        out.push((m.year(), m.month()));
        match m.checked_add_months(Months::new(1)) {
            Some(next) => m = next,
            None => break,
        }
    }
    out
}

const WEEKDAYS_ZH: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];
const WEEKDAYS_KO: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_RU: [&str; 7] = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"];
/// Russian months after a day ("13 ноября") and on their own ("Ноябрь 2026").
const MONTHS_RU_OF: [&str; 12] = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
];
const MONTHS_RU: [&str; 12] = [
    "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь",
    "Декабрь",
];

/// A date for people: "Friday 13 November 2026", "2026年11月13日（星期五）",
/// "2026년 11월 13일 (금요일)", "2026年11月13日（金）", "пятница, 13 ноября 2026 г.".
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let wd = date.weekday().num_days_from_monday() as usize;
    let (y, m, d) = (date.year(), date.month(), date.day());
    match lang {
        Lang::En => format!("{} {} {} {}", WEEKDAYS_EN[wd], d, MONTHS_EN[date.month0() as usize], y),
        Lang::Zh => format!("{y}年{m}月{d}日（星期{}）", WEEKDAYS_ZH[wd]),
        Lang::Ko => format!("{y}년 {m}월 {d}일 ({}요일)", WEEKDAYS_KO[wd]),
        Lang::Ja => format!("{y}年{m}月{d}日（{}）", WEEKDAYS_JA[wd]),
        Lang::Ru => format!("{}, {d} {} {y} г.", WEEKDAYS_RU[wd], MONTHS_RU_OF[date.month0() as usize]),
    }
}

pub fn month_title(year: i32, month: u32, lang: Lang) -> String {
    let i = (month as usize).clamp(1, 12) - 1;
    match lang {
        Lang::En => format!("{} {}", MONTHS_EN[i], year),
        Lang::Zh | Lang::Ja => format!("{year}年{month}月"),
        Lang::Ko => format!("{year}년 {month}월"),
        Lang::Ru => format!("{} {year}", MONTHS_RU[i]),
    }
}

/// Column heads of a month, Monday first.
pub fn weekday_heads(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        Lang::Zh => WEEKDAYS_ZH,
        Lang::Ko => WEEKDAYS_KO,
        Lang::Ja => WEEKDAYS_JA,
        Lang::Ru => ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    }
}

/// The most recent day on which an office entry was checked against its sources.
pub fn last_checked(c: &Content) -> &str {
    c.all_offices().map(|o| o.last_checked.as_str()).max().unwrap_or("")
}

/// What a source supports: the titles of the questions, routes, steps, warnings, unknowns,
/// offices and documents that cite it (directly, in a line, or in a rule selecting them).
pub fn supports<'c>(c: &'c Content, source: &str) -> Vec<&'c Text> {
    let cites = |ids: &[String]| ids.iter().any(|s| s == source);
    let mut out: Vec<&'c Text> = Vec::new();
    let mut add = |t: &'c Text| {
        if !out.iter().any(|x| std::ptr::eq(*x, t)) {
            out.push(t);
        }
    };
    let selected_by_rule = |id: &str| c.rules.iter().any(|r| r.selects == id && cites(&r.sources));
    for q in &c.questions {
        if cites(&q.sources) {
            add(&q.text);
        }
    }
    for r in &c.routes {
        if cites(&r.sources) || selected_by_rule(&r.id) {
            add(&r.title);
        }
    }
    for s in &c.steps {
        let lines = s.bring.iter().chain(s.note.iter()).any(|l| cites(&l.sources));
        let phones = s.phone.iter().any(|p| cites(&p.sources));
        let days = s.working_days.iter().any(|w| cites(&w.sources));
        if cites(&s.sources) || lines || phones || days || selected_by_rule(&s.id) {
            add(&s.title);
        }
    }
    for w in &c.warnings {
        if cites(&w.sources) || selected_by_rule(&w.id) {
            add(&w.title);
        }
    }
    for u in &c.unknowns {
        if cites(&u.sources) || selected_by_rule(&u.id) {
            add(&u.title);
        }
    }
    for o in c.all_offices() {
        if cites(&o.sources) || o.phone.iter().any(|p| cites(&p.sources)) {
            add(&o.name);
        }
    }
    for d in &c.emergency_documents {
        if cites(&d.sources) {
            add(&d.name);
        }
    }
    out
}

/// The digits of a phone number for a `tel:` link.
pub fn tel_href(number: &str) -> String {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

/// The plan as plain text, to paste into a message to an embassy or a friend.
pub fn plan_text(c: &Content, outcome: &Outcome, answers: &Answers, progress: &Progress, lang: Lang) -> String {
    let t = |m| text(m, lang);
    let mut s = String::new();
    let line = |s: &mut String, l: &str| {
        s.push_str(l);
        s.push('\n');
    };
    line(&mut s, &format!("Passport SOS China · {}", t(Msg::PlanTitle)));
    if let Some(route) = c.route(outcome.route) {
        line(&mut s, "");
        line(&mut s, route.title.get(lang));
        line(&mut s, route.summary.get(lang));
    }
    for r in &outcome.possible_routes {
        if let Some(route) = c.route(r) {
            line(&mut s, &format!("  · {} {}", t(Msg::PossibleRoutes), route.title.get(lang)));
        }
    }
    if !outcome.warnings.is_empty() {
        line(&mut s, "");
        line(&mut s, &format!("{}:", t(Msg::ReadFirst)));
        for w in &outcome.warnings {
            if let Some(def) = c.warning(w.id) {
                let may = if w.certain { String::new() } else { format!(" ({})", t(Msg::MayApply)) };
                line(&mut s, &format!("! {}{}: {}", def.title.get(lang), may, def.body.get(lang)));
            }
        }
    }
    line(&mut s, "");
    line(&mut s, &format!("{}:", t(Msg::OrderOfThings)));
    for (n, step) in outcome.steps.iter().enumerate() {
        let Some(def) = c.step(step.id) else { continue };
        let mark = if step_done(progress, step) { "[x]" } else { "[ ]" };
        let may = if step.certain { String::new() } else { format!(" ({})", t(Msg::MayApply)) };
        line(&mut s, "");
        line(&mut s, &format!("{}. {} {}{}", n + 1, mark, def.title.get(lang), may));
        line(&mut s, &format!("   {}", def.what_to_do.get(lang)));
        if !step.bring.is_empty() {
            line(&mut s, &format!("   {}:", t(Msg::WhatToBring)));
            for b in &step.bring {
                if let Some(l) = def.bring.iter().find(|l| l.id == b.id) {
                    let m = if item_checked(progress, step.id, b.id) { "[x]" } else { "[ ]" };
                    line(&mut s, &format!("   {} {}", m, l.text.get(lang)));
                }
            }
        }
        if step.offices.is_empty() {
            line(&mut s, &format!("   {}: {}", t(Msg::Where), def.where_.get(lang)));
        } else {
            for o in step.offices.iter().filter_map(|o| c.office(o)) {
                let address = o.address.as_ref().or(o.address_note.as_ref()).map(|a| a.get(lang)).unwrap_or("");
                line(&mut s, &format!("   {}: {} — {}", t(Msg::Where), o.name.get(lang), address));
                if let Some(h) = &o.hours {
                    line(&mut s, &format!("   {}: {}", t(Msg::Hours), h.get(lang)));
                }
                for p in &o.phone {
                    line(&mut s, &format!("   {}: {} ({})", t(Msg::Phone), p.number, p.label.get(lang)));
                }
            }
        }
        for p in &step.phones {
            if let Some(ph) = def.phone.iter().find(|x| x.number == p.number) {
                line(&mut s, &format!("   {}: {} ({})", t(Msg::Phone), ph.number, ph.label.get(lang)));
            }
        }
        if let Some(record) = progress.steps.get(step.id) {
            if let Some(date) = &record.date {
                line(&mut s, &format!("   {}: {}", t(Msg::AcceptanceDate), date));
            }
            if !record.note.is_empty() {
                line(&mut s, &format!("   {}: {}", t(Msg::YourNote), record.note));
            }
        }
    }
    for b in &outcome.branches {
        let Some(route) = c.route(b.route) else { continue };
        line(&mut s, "");
        line(&mut s, &format!("{}:", route.if_chosen.as_ref().map_or(route.title.get(lang), |w| w.get(lang))));
        line(&mut s, &format!("   → {}", route.title.get(lang)));
        for step in b.steps.iter().filter_map(|x| c.step(x)) {
            line(&mut s, &format!("   - {}", step.title.get(lang)));
        }
    }
    if !outcome.open_questions.is_empty() {
        line(&mut s, "");
        line(&mut s, &format!("{}:", t(Msg::OpenTitle)));
        for o in &outcome.open_questions {
            if let Some(q) = c.question(o.question) {
                line(&mut s, &format!("? {} — {} {}", q.text.get(lang), t(Msg::WhoCanAnswer), q.who_can_answer.get(lang)));
            }
        }
    }
    if !outcome.unknowns.is_empty() {
        line(&mut s, "");
        line(&mut s, &format!("{}:", t(Msg::UnknownsTitle)));
        for u in outcome.unknowns.iter().filter_map(|u| c.unknown(u.id)) {
            line(&mut s, &format!("? {}: {}", u.title.get(lang), u.body.get(lang)));
        }
    }
    line(&mut s, "");
    line(&mut s, &format!("{}:", t(Msg::YourAnswers)));
    for q in &outcome.questions_in_play {
        if let (Some(def), Some(v)) = (c.question(q), answers.get(q)) {
            line(&mut s, &format!("- {} {}", def.text.get(lang), answer_label(c, q, v, lang)));
        }
    }
    line(&mut s, "");
    line(&mut s, &fill(t(Msg::LastChecked), &[last_checked(c)]));
    s
}
