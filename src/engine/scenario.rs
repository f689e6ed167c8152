//! Scenario files: answers and what the result must (and must not) contain, or a due-date
//! case. The format is in the spec (`shared/spec/procedure.md`); this runner adds a few
//! optional `[expect]` keys, listed on [`Expect`]. The `sos scenarios` tool and
//! `tests/scenarios.rs` both call [`run`].
//!
//! `*_include` means present and certain; `*_possible` means present but depending on an open
//! question; `*_exclude` means absent altogether.
//!
//! `officer_sentences` names, per step, the officer-sentence variant the answers must choose
//! (`"default"`: the step's own sentence). `text_include` and `text_exclude` look for a piece
//! of wording, English or Chinese, in everything the result shows: the questions in play and
//! their options, the route, each step with its chosen lines, phones, decision periods and
//! officer sentence, the routes still open with what leads to them and the steps they would
//! add, the warnings and unknowns, the offices, and every reason given ("why").

use super::{evaluate, Answers, Outcome};
use crate::content::{Content, Text};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    title: String,
    #[serde(default)]
    answers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    due_date: Option<DueDateCase>,
    #[serde(default)]
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DueDateCase {
    accepted: String,
    working_days: u32,
}

/// What a scenario asserts; every key is optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    route: Option<String>,
    possible_routes: Option<Vec<String>>,
    #[serde(default)]
    steps_include: Vec<String>,
    #[serde(default)]
    steps_possible: Vec<String>,
    #[serde(default)]
    steps_exclude: Vec<String>,
    /// Steps the answers already mark done.
    #[serde(default)]
    steps_done: Vec<String>,
    /// These steps appear in this relative order.
    #[serde(default)]
    steps_order: Vec<String>,
    first_step: Option<String>,
    #[serde(default)]
    warnings_include: Vec<String>,
    #[serde(default)]
    warnings_possible: Vec<String>,
    #[serde(default)]
    warnings_exclude: Vec<String>,
    #[serde(default)]
    unknowns_include: Vec<String>,
    #[serde(default)]
    unknowns_exclude: Vec<String>,
    /// Lines (things to bring, notes) of any step in the plan.
    #[serde(default)]
    lines_include: Vec<String>,
    #[serde(default)]
    lines_exclude: Vec<String>,
    #[serde(default)]
    phones_include: Vec<String>,
    #[serde(default)]
    phones_exclude: Vec<String>,
    #[serde(default)]
    offices_include: Vec<String>,
    #[serde(default)]
    offices_exclude: Vec<String>,
    /// Exactly these offices (in any order).
    offices: Option<Vec<String>>,
    #[serde(default)]
    open_questions_include: Vec<String>,
    #[serde(default)]
    open_questions_exclude: Vec<String>,
    /// A question id, or `"none"` when nothing is left to ask.
    next_question: Option<String>,
    #[serde(default)]
    questions_exclude: Vec<String>,
    /// An ISO code, or `"not_known"`.
    emergency_document: Option<String>,
    /// The embassy or consulate chosen for the nationality and the place: a post id, or
    /// `"all"` (every post of the country listed), `"no_data"`, `"not_asked"`.
    embassy: Option<String>,
    /// With `embassy = "all"`: exactly these posts, in order.
    #[serde(default)]
    embassy_posts: Vec<String>,
    /// The place the answers name (a directory id).
    place: Option<String>,
    /// Step id -> the officer-sentence variant chosen, or `"default"`.
    #[serde(default)]
    officer_sentences: BTreeMap<String, String>,
    /// Wording (English or Chinese) that the result shows somewhere.
    #[serde(default)]
    text_include: Vec<String>,
    /// Wording that the result shows nowhere.
    #[serde(default)]
    text_exclude: Vec<String>,
    /// With `route.undetermined`: route id -> steps that must be named under that route (and
    /// so not be steps of the plan itself).
    #[serde(default)]
    branches: BTreeMap<String, Vec<String>>,
    /// Local decision period (working days) shown for the permit, or 0 for none.
    local_working_days: Option<u32>,
    due: Option<String>,
    estimate: Option<bool>,
}

/// The result of one scenario: passed when `failures` is empty.
#[derive(Clone, Debug)]
pub struct ScenarioReport {
    pub title: String,
    pub failures: Vec<String>,
}

impl ScenarioReport {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Runs one scenario file's text. `Err` is a malformed scenario (with what is wrong), which
/// the caller reports with the file name.
pub fn run(c: &Content, text: &str) -> Result<ScenarioReport, String> {
    let file: ScenarioFile = toml::from_str(text).map_err(|e| format!("cannot read the scenario: {e}"))?;
    let e = &file.expect;
    let mut failures = Vec::new();
    match (&file.answers, &file.due_date) {
        (Some(_), Some(_)) => return Err("a scenario has either [answers] or [due_date], not both".into()),
        (None, Some(d)) => {
            if e.route.is_some() || !e.steps_include.is_empty() || e.next_question.is_some() {
                return Err("a [due_date] scenario can only expect `due` and `estimate`".into());
            }
            let accepted = parse_date(&d.accepted).ok_or_else(|| format!("accepted: `{}` is not a YYYY-MM-DD date", d.accepted))?;
            let due = crate::calendar::due_date(accepted, d.working_days);
            if let Some(want) = &e.due {
                let want = parse_date(want).ok_or_else(|| format!("due: `{want}` is not a YYYY-MM-DD date"))?;
                if due.date != want {
                    failures.push(format!("due: expected {want}, got {}", due.date));
                }
            }
            if let Some(want) = e.estimate {
                if due.estimate != want {
                    failures.push(format!("estimate: expected {want}, got {}", due.estimate));
                }
            }
        }
        (answers, None) => {
            if e.due.is_some() || e.estimate.is_some() {
                return Err("`due` and `estimate` need a [due_date] table".into());
            }
            let answers = Answers(answers.clone().unwrap_or_default());
            for (q, v) in &answers.0 {
                if c.question(q).is_none() {
                    return Err(format!("answers: unknown question `{q}`"));
                }
                if !c.accepts(q, v) {
                    return Err(format!("answers: `{v}` is not an answer to `{q}`"));
                }
            }
            check_ids(c, e)?;
            compare(c, e, &evaluate(c, &answers), &mut failures);
        }
    }
    Ok(ScenarioReport { title: file.title, failures })
}

fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A typo in an expected id would make an `exclude` pass forever: refuse unknown ids.
fn check_ids(c: &Content, e: &Expect) -> Result<(), String> {
    let known = |id: &str| -> bool {
        c.route(id).is_some()
            || c.step(id).is_some()
            || c.warning(id).is_some()
            || c.unknown(id).is_some()
            || c.office(id).is_some()
            || c.question(id).is_some()
            || c.steps.iter().any(|s| s.bring.iter().chain(&s.note).any(|l| l.id == id))
    };
    for (step, variant) in &e.officer_sentences {
        let Some(s) = c.step(step) else {
            return Err(format!("expect: officer_sentences: unknown step `{step}`"));
        };
        if variant != "default" && !s.officer_variants.iter().any(|v| v.id == *variant) {
            return Err(format!("expect: officer_sentences: `{step}` has no variant `{variant}`"));
        }
    }
    for (route, steps) in &e.branches {
        if c.route(route).is_none() {
            return Err(format!("expect: branches: unknown route `{route}`"));
        }
        if let Some(step) = steps.iter().find(|s| c.step(s).is_none()) {
            return Err(format!("expect: branches: unknown step `{step}`"));
        }
    }
    let post_known = |id: &str| ["all", "no_data", "not_asked"].contains(&id) || c.directory().is_some_and(|d| d.post(id).is_some());
    if let Some(p) = e.embassy.iter().chain(&e.embassy_posts).find(|p| !post_known(p)) {
        return Err(format!("expect: embassy: unknown post `{p}`"));
    }
    if let Some(p) = e.place.as_ref().filter(|p| c.directory().is_some_and(|d| d.place(p).is_none())) {
        return Err(format!("expect: place: unknown place `{p}`"));
    }
    let singles = [&e.route, &e.first_step, &e.next_question];
    let lists = [
        e.possible_routes.as_deref().unwrap_or(&[]),
        &e.steps_include,
        &e.steps_possible,
        &e.steps_exclude,
        &e.steps_done,
        &e.steps_order,
        &e.warnings_include,
        &e.warnings_possible,
        &e.warnings_exclude,
        &e.unknowns_include,
        &e.unknowns_exclude,
        &e.lines_include,
        &e.lines_exclude,
        &e.offices_include,
        &e.offices_exclude,
        e.offices.as_deref().unwrap_or(&[]),
        &e.open_questions_include,
        &e.open_questions_exclude,
        &e.questions_exclude,
    ];
    for id in singles.into_iter().flatten().map(|s| s.as_str()).chain(lists.into_iter().flatten().map(|s| s.as_str())) {
        if id != "none" && !known(id) {
            return Err(format!("expect: unknown id `{id}`"));
        }
    }
    Ok(())
}

fn compare(c: &Content, e: &Expect, o: &Outcome, failures: &mut Vec<String>) {
    let mut fail = |s: String| failures.push(s);
    if let Some(want) = &e.route {
        if o.route != want {
            fail(format!("route: expected {want}, got {} (possible: {:?})", o.route, o.possible_routes));
        }
    }
    if let Some(want) = &e.possible_routes {
        let mut got: Vec<&str> = o.possible_routes.clone();
        let mut want: Vec<&str> = want.iter().map(|s| s.as_str()).collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            fail(format!("possible_routes: expected {want:?}, got {got:?}"));
        }
    }
    let step = |id: &str| o.steps.iter().find(|s| s.id == id);
    for id in &e.steps_include {
        match step(id) {
            Some(s) if s.certain => {}
            Some(_) => fail(format!("steps_include: {id} is only possible")),
            None => fail(format!("steps_include: {id} missing")),
        }
    }
    for id in &e.steps_possible {
        match step(id) {
            Some(s) if !s.certain => {}
            Some(_) => fail(format!("steps_possible: {id} is certain")),
            None => fail(format!("steps_possible: {id} missing")),
        }
    }
    for id in &e.steps_exclude {
        if step(id).is_some() {
            fail(format!("steps_exclude: {id} present"));
        }
    }
    for id in &e.steps_done {
        if !step(id).is_some_and(|s| s.done) {
            fail(format!("steps_done: {id} not marked done"));
        }
    }
    let positions: Vec<Option<usize>> = e.steps_order.iter().map(|id| o.steps.iter().position(|s| s.id == id)).collect();
    if positions.iter().any(|p| p.is_none()) || positions.windows(2).any(|w| w[0] > w[1]) {
        let got: Vec<&str> = o.steps.iter().map(|s| s.id).collect();
        fail(format!("steps_order: expected {:?} in that order, plan is {got:?}", e.steps_order));
    }
    if let Some(want) = &e.first_step {
        let got = o.steps.first().map(|s| s.id).unwrap_or("(no steps)");
        if got != want {
            fail(format!("first_step: expected {want}, got {got}"));
        }
    }
    items("warnings", &o.warnings, &e.warnings_include, &e.warnings_possible, &e.warnings_exclude, &mut fail);
    items("unknowns", &o.unknowns, &e.unknowns_include, &[], &e.unknowns_exclude, &mut fail);
    let lines: Vec<(&str, bool)> = o.steps.iter().flat_map(|s| s.bring.iter().chain(&s.notes).map(|l| (l.id, l.certain))).collect();
    for id in &e.lines_include {
        if !lines.contains(&(id.as_str(), true)) {
            fail(format!("lines_include: {id} missing or only possible"));
        }
    }
    for id in &e.lines_exclude {
        if lines.iter().any(|(l, _)| l == id) {
            fail(format!("lines_exclude: {id} present"));
        }
    }
    let phones: Vec<&str> = o
        .steps
        .iter()
        .flat_map(|s| s.phones.iter().map(|p| p.number))
        .chain(o.offices.iter().filter_map(|id| c.office(id)).flat_map(|of| of.phone.iter().map(|p| p.number.as_str())))
        .collect();
    for n in &e.phones_include {
        if !phones.contains(&n.as_str()) {
            fail(format!("phones_include: {n} missing (got {phones:?})"));
        }
    }
    for n in &e.phones_exclude {
        if phones.contains(&n.as_str()) {
            fail(format!("phones_exclude: {n} present"));
        }
    }
    for id in &e.offices_include {
        if !o.offices.contains(&id.as_str()) {
            fail(format!("offices_include: {id} missing (got {:?})", o.offices));
        }
    }
    for id in &e.offices_exclude {
        if o.offices.contains(&id.as_str()) {
            fail(format!("offices_exclude: {id} present"));
        }
    }
    if let Some(want) = &e.offices {
        let mut got = o.offices.clone();
        let mut want: Vec<&str> = want.iter().map(|s| s.as_str()).collect();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            fail(format!("offices: expected {want:?}, got {got:?}"));
        }
    }
    let open: Vec<&str> = o.open_questions.iter().map(|q| q.question).collect();
    for id in &e.open_questions_include {
        if !open.contains(&id.as_str()) {
            fail(format!("open_questions_include: {id} missing (got {open:?})"));
        }
    }
    for id in &e.open_questions_exclude {
        if open.contains(&id.as_str()) {
            fail(format!("open_questions_exclude: {id} present"));
        }
    }
    if let Some(want) = &e.next_question {
        let got = o.next_question.unwrap_or("none");
        if got != want {
            fail(format!("next_question: expected {want}, got {got}"));
        }
    }
    for id in &e.questions_exclude {
        if o.questions_in_play.contains(&id.as_str()) {
            fail(format!("questions_exclude: {id} would be asked"));
        }
    }
    if let Some(want) = &e.emergency_document {
        let got = match (&o.nationality, o.emergency_document) {
            (_, Some(code)) => code,
            (Some(_), None) => "not_known",
            (None, None) => "none",
        };
        if !got.eq_ignore_ascii_case(want) {
            fail(format!("emergency_document: expected {want}, got {got}"));
        }
    }
    if let Some(want) = &e.embassy {
        let (got, posts): (&str, &[&str]) = match &o.embassy {
            super::Embassy::Covering { post } => (post, &[]),
            super::Embassy::All { posts } => ("all", posts),
            super::Embassy::NoData => ("no_data", &[]),
            super::Embassy::NotAsked => ("not_asked", &[]),
        };
        if got != want {
            fail(format!("embassy: expected {want}, got {got}"));
        }
        if !e.embassy_posts.is_empty() && e.embassy_posts.iter().map(|s| s.as_str()).ne(posts.iter().copied()) {
            fail(format!("embassy_posts: expected {:?}, got {posts:?}", e.embassy_posts));
        }
    }
    if let Some(want) = &e.place {
        if o.place.as_deref() != Some(want.as_str()) {
            fail(format!("place: expected {want}, got {:?}", o.place));
        }
    }
    for (id, want) in &e.officer_sentences {
        match o.steps.iter().find(|s| s.id == id) {
            None => fail(format!("officer_sentences: {id} is not in the plan")),
            Some(s) => {
                let got = s.officer_variant.unwrap_or("default");
                if got != want {
                    fail(format!("officer_sentences: {id}: expected {want}, got {got} ({:?})", s.officer_sentence.zh));
                }
            }
        }
    }
    if !e.text_include.is_empty() || !e.text_exclude.is_empty() {
        let shown = shown_texts(c, o);
        let found = |needle: &str| shown.iter().any(|t| t.en.contains(needle) || t.zh.contains(needle));
        for w in &e.text_include {
            if !found(w) {
                fail(format!("text_include: {w:?} is not shown"));
            }
        }
        for w in &e.text_exclude {
            if found(w) {
                fail(format!("text_exclude: {w:?} is shown"));
            }
        }
    }
    for (route, want) in &e.branches {
        match o.branches.iter().find(|b| b.route == route) {
            None => fail(format!("branches: {route} is not a route still open (open: {:?})", o.possible_routes)),
            Some(b) => {
                for step in want.iter().filter(|s| !b.steps.contains(&s.as_str())) {
                    fail(format!("branches: {step} is not named under {route} (got {:?})", b.steps));
                }
            }
        }
        for step in want.iter().filter(|s| o.steps.iter().any(|x| x.id == s.as_str())) {
            fail(format!("branches: {step} of {route} is also a step of the plan"));
        }
    }
    if let Some(want) = e.local_working_days {
        let got = o
            .steps
            .iter()
            .flat_map(|s| &s.working_days)
            .find(|w| w.scope == "local")
            .map(|w| w.days)
            .unwrap_or(0);
        if got != want {
            fail(format!("local_working_days: expected {want}, got {got}"));
        }
    }
}

fn items(kind: &str, got: &[super::Item], include: &[String], possible: &[String], exclude: &[String], fail: &mut impl FnMut(String)) {
    let find = |id: &str| got.iter().find(|i| i.id == id);
    for id in include {
        match find(id) {
            Some(i) if i.certain => {}
            Some(_) => fail(format!("{kind}_include: {id} is only possible")),
            None => fail(format!("{kind}_include: {id} missing")),
        }
    }
    for id in possible {
        match find(id) {
            Some(i) if !i.certain => {}
            Some(_) => fail(format!("{kind}_possible: {id} is certain")),
            None => fail(format!("{kind}_possible: {id} missing")),
        }
    }
    for id in exclude {
        if find(id).is_some() {
            fail(format!("{kind}_exclude: {id} present"));
        }
    }
}

/// Every text the result shows, for `text_include` and `text_exclude`.
fn shown_texts<'c>(c: &'c Content, o: &Outcome<'c>) -> Vec<&'c Text> {
    let mut out: Vec<&'c Text> = Vec::new();
    let why = |rule: &str| c.rule(rule).map(|r| &r.why);
    for q in o.questions_in_play.iter().filter_map(|q| c.question(q)) {
        out.extend([&q.text, &q.help, &q.who_can_answer]);
        out.extend(q.options.iter().map(|x| &x.label));
    }
    if let Some(r) = c.route(o.route) {
        out.extend([&r.title, &r.summary]);
    }
    out.extend(o.trace.iter().filter_map(|t| why(t.rule)));
    for s in &o.steps {
        let Some(def) = c.step(s.id) else { continue };
        out.extend([&def.title, &def.what_to_do, &def.where_, s.officer_sentence]);
        let lines = def.bring.iter().chain(&def.note);
        out.extend(lines.filter(|l| s.bring.iter().chain(&s.notes).any(|x| x.id == l.id)).map(|l| &l.text));
        out.extend(def.phone.iter().filter(|p| s.phones.iter().any(|x| x.number == p.number)).map(|p| &p.label));
        out.extend(s.working_days.iter().map(|w| &w.label));
    }
    for b in &o.branches {
        if let Some(r) = c.route(b.route) {
            out.push(&r.title);
            out.extend(r.if_chosen.as_ref());
        }
        out.extend(b.steps.iter().filter_map(|s| c.step(s)).map(|s| &s.title));
    }
    for w in o.warnings.iter().filter_map(|w| c.warning(w.id)) {
        out.extend([&w.title, &w.body]);
    }
    for u in o.unknowns.iter().filter_map(|u| c.unknown(u.id)) {
        out.extend([&u.title, &u.body, &u.who_can_answer]);
    }
    for q in o.open_questions.iter().filter_map(|q| c.question(q.question)) {
        out.push(&q.who_can_answer);
    }
    for of in o.offices.iter().filter_map(|id| c.office(id)) {
        out.push(&of.name);
        out.extend([&of.address, &of.address_note, &of.hours, &of.note].into_iter().flatten());
        out.extend(of.phone.iter().map(|p| &p.label));
    }
    let posts: Vec<&str> = match &o.embassy {
        super::Embassy::Covering { post } => vec![post],
        super::Embassy::All { posts } => posts.clone(),
        _ => Vec::new(),
    };
    for p in posts.iter().filter_map(|id| c.directory().and_then(|d| d.post(id))) {
        out.push(&p.name);
        out.extend([&p.address, &p.address_note, &p.hours, &p.lost_passport, &p.note, &p.district_note].into_iter().flatten());
        out.extend(p.phone.iter().map(|x| &x.label));
    }
    out
}
