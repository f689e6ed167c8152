//! The rule engine: from the answers so far to the route, the plan and the reasons for it.
//!
//! Pure Rust over plain types; the app (wasm32), the tests and the `sos` tool share it.
//!
//! # Using it from the app
//!
//! ```
//! use passport_sos::{content, engine};
//! let c = content::bundled();
//! let answers = engine::Answers::default();
//! let (answers, dropped) = engine::change_answer(c, &answers, "document_state", "stolen");
//! assert!(dropped.is_empty());
//! let outcome = engine::evaluate(c, &answers);
//! assert_eq!(outcome.next_question, Some("urgency"));
//! assert_eq!(outcome.route, "route.undetermined");
//! for step in &outcome.steps {
//!     let def = c.step(step.id).unwrap(); // every id in an outcome resolves
//!     let _title = def.title.get(content::Lang::Zh);
//!     // The officer sentence worded for these answers (not `def.officer_sentence`).
//!     let (_show, _meaning) = (&step.officer_sentence.zh, &step.officer_sentence.en);
//!     for fired in &step.because {
//!         let _why = &c.rule(fired.rule).unwrap().why; // "why am I seeing this?"
//!     }
//! }
//! ```
//!
//! * Persist [`Answers`] only (serde, a JSON object question id -> value id) and derive
//!   everything else with [`evaluate`]. Record a user's answer with [`change_answer`], which
//!   also drops later answers that no longer apply and returns them so the app can say so.
//! * Every question accepts [`content::UNKNOWN`]. Conditions are three-valued: an unknown,
//!   unanswered or "still waiting" answer makes a condition unknown, never false. Items whose
//!   rules are only unknown come out with `certain = false` ("may apply"), and the questions
//!   that would settle them are listed in [`Outcome::open_questions`] with who can answer them
//!   ([`content::Question::who_can_answer`]).
//! * Nothing here panics on user data: unknown question ids, unknown values and malformed
//!   country codes are ignored and reported in [`Outcome::ignored_answers`].

pub mod explore;
pub mod graph;
pub mod scenario;

use crate::content::directory::PostChoice;
use crate::content::{Cond, Content, Fact, QuestionKind, Target, Text, WorkingDays, UNDETERMINED, UNKNOWN};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::content::LOCATION;

/// Three-valued truth, ordered so that `and` is `min` and `or` is `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tri {
    False,
    Unknown,
    True,
}

/// The user's answers: question id -> value id (or `unknown`). This is what the app persists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, String>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&str> {
        self.0.get(question).map(|s| s.as_str())
    }
    pub fn set(&mut self, question: &str, value: &str) {
        self.0.insert(question.to_string(), value.to_string());
    }
    pub fn remove(&mut self, question: &str) -> Option<String> {
        self.0.remove(question)
    }
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Answers {
        Answers(pairs.iter().map(|(q, v)| (q.to_string(), v.to_string())).collect())
    }
}

/// An answer that was removed because its question no longer applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dropped {
    pub question: String,
    pub value: String,
}

/// An answer the engine did not use, and why (`unknown question`, `unknown value`,
/// `does not apply`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ignored {
    pub question: String,
    pub value: String,
    pub reason: &'static str,
}

/// A rule that selected an item: `certain` is false when its condition is only unknown.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Fired<'c> {
    pub rule: &'c str,
    pub certain: bool,
    pub sources: &'c [String],
}

/// A selected warning or unknown.
#[derive(Clone, Debug, Serialize)]
pub struct Item<'c> {
    pub id: &'c str,
    /// False: it applies only if an open question is answered a certain way.
    pub certain: bool,
    pub because: Vec<Fired<'c>>,
}

/// A line of a step (something to bring, a note) selected for this case.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct LineRef<'c> {
    pub id: &'c str,
    pub certain: bool,
}

/// A phone number for a step, with its label in the step's content.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct PhoneRef<'c> {
    pub number: &'c str,
    pub certain: bool,
}

/// A step of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct PlanStep<'c> {
    pub id: &'c str,
    pub certain: bool,
    /// The answers already say this step is done (for example a certificate is in hand).
    pub done: bool,
    pub because: Vec<Fired<'c>>,
    pub bring: Vec<LineRef<'c>>,
    pub notes: Vec<LineRef<'c>>,
    pub phones: Vec<PhoneRef<'c>>,
    /// Offices at the user's location for this step; empty: show the step's general `where`.
    pub offices: Vec<&'c str>,
    /// The decision periods that apply (national, and local where the location has one).
    pub working_days: Vec<&'c WorkingDays>,
    /// The sentence to show an officer for these answers (`zh` shown, `en` its meaning): the
    /// first of the step's `officer_variants` whose condition certainly holds, else the
    /// step's own `officer_sentence`. Show this rather than `Step::officer_sentence`.
    pub officer_sentence: &'c Text,
    /// The id of the variant chosen for `officer_sentence`; `None`: the step's default.
    pub officer_variant: Option<&'c str>,
}

/// A question the user could not answer, or that cannot be asked yet, and that would change
/// the result; `who_can_answer` is in the question's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct OpenQuestion<'c> {
    pub question: &'c str,
}

/// The embassy or consulate to contact, from the nationality and the place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "found")]
pub enum Embassy<'c> {
    /// No nationality given (or the directory is not loaded yet).
    NotAsked,
    /// The post whose consular district covers the place.
    Covering { post: &'c str },
    /// The place is not known or no district given covers it: every post of the country.
    All { posts: Vec<&'c str> },
    /// The directory has no post for this country.
    NoData,
}

/// What one possible route would add to an undetermined plan.
#[derive(Clone, Debug, Serialize)]
pub struct Branch<'c> {
    pub route: &'c str,
    /// Step ids in plan order.
    pub steps: Vec<&'c str>,
}

/// One line of the "why" trace: which rule put which item in the result, on which sources.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct TraceEntry<'c> {
    pub item: &'c str,
    pub rule: &'c str,
    pub certain: bool,
    pub sources: &'c [String],
}

/// Everything derived from the answers.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome<'c> {
    /// The next question to ask; `None` when nothing left can change the result.
    pub next_question: Option<&'c str>,
    /// The questions that apply, in order (answered or not), for progress and a summary.
    pub questions_in_play: Vec<&'c str>,
    /// A route id, or `route.undetermined`.
    pub route: &'c str,
    /// With `route.undetermined`: the routes still possible.
    pub possible_routes: Vec<&'c str>,
    pub steps: Vec<PlanStep<'c>>,
    pub warnings: Vec<Item<'c>>,
    pub unknowns: Vec<Item<'c>>,
    pub open_questions: Vec<OpenQuestion<'c>>,
    /// With `route.undetermined`: for each route still possible, the steps it would add to
    /// the plan once the open answers choose it. None of these is in `steps`.
    pub branches: Vec<Branch<'c>>,
    /// Every office named in the plan, in content order.
    pub offices: Vec<&'c str>,
    /// The nationality given (upper case), and the key of its emergency document if a source
    /// names one (`None` with a nationality: say it is not known).
    pub nationality: Option<String>,
    pub emergency_document: Option<&'c str>,
    /// The place answered, as a directory id (`hangzhou`, `province.hainan`).
    pub place: Option<String>,
    /// The embassy or consulate for the nationality and the place.
    pub embassy: Embassy<'c>,
    pub ignored_answers: Vec<Ignored>,
    pub trace: Vec<TraceEntry<'c>>,
}

impl<'c> Outcome<'c> {
    pub fn step(&self, id: &str) -> Option<&PlanStep<'c>> {
        self.steps.iter().find(|s| s.id == id)
    }
    pub fn warning(&self, id: &str) -> Option<&Item<'c>> {
        self.warnings.iter().find(|s| s.id == id)
    }
    pub fn unknown(&self, id: &str) -> Option<&Item<'c>> {
        self.unknowns.iter().find(|s| s.id == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Unanswered,
    Unknown,
    Value(usize),
    Country,
    /// Answered or not, the question does not apply to this case.
    NotInPlay,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RouteFact {
    Undecided,
    Is(usize),
    OneOf(u32),
}

struct Resolved {
    state: Vec<State>,
    in_play: Vec<bool>,
    ignored: Vec<Ignored>,
    nationality: Option<String>,
    /// The place answered (a directory id), when the location question applies.
    place: Option<String>,
}

fn resolve(c: &Content, answers: &Answers) -> Resolved {
    let n = c.questions.len();
    let mut state = vec![State::Unanswered; n];
    let mut ignored = Vec::new();
    let mut nationality = None;
    let mut place = None;
    for (q, v) in &answers.0 {
        let Some(i) = c.question_index(q) else {
            ignored.push(Ignored { question: q.clone(), value: v.clone(), reason: "unknown question" });
            continue;
        };
        let question = &c.questions[i];
        state[i] = if v == UNKNOWN {
            State::Unknown
        } else if question.kind == QuestionKind::Place {
            match c.place_answer(question, v) {
                Some((option, at)) => {
                    place = at.map(str::to_string);
                    State::Value(option)
                }
                // Before the app has its directory: a place it cannot tell apart yet.
                None if c.directory().is_none() => {
                    place = Some(v.clone());
                    State::Unknown
                }
                None => {
                    ignored.push(Ignored { question: q.clone(), value: v.clone(), reason: "unknown value" });
                    State::Unanswered
                }
            }
        } else if question.kind == QuestionKind::Country {
            if c.accepts(q, v) {
                nationality = Some(v.to_ascii_uppercase());
                State::Country
            } else {
                ignored.push(Ignored { question: q.clone(), value: v.clone(), reason: "unknown value" });
                State::Unanswered
            }
        } else if let Some(p) = question.options.iter().position(|o| o.id == *v) {
            State::Value(p)
        } else {
            ignored.push(Ignored { question: q.clone(), value: v.clone(), reason: "unknown value" });
            State::Unanswered
        };
    }
    // asked_when only refers to earlier questions, so one pass in order settles it.
    let mut in_play = vec![false; n];
    for i in 0..n {
        in_play[i] = eval_na(c, &c.questions[i].asked, &state, RouteFact::Undecided, Tri::False) != Tri::False;
        if !in_play[i] {
            if state[i] != State::Unanswered {
                let q = &c.questions[i].id;
                if let Some(v) = answers.0.get(q) {
                    ignored.push(Ignored { question: q.clone(), value: v.clone(), reason: "does not apply" });
                }
                match c.questions[i].kind {
                    QuestionKind::Country => nationality = None,
                    QuestionKind::Place => place = None,
                    QuestionKind::Choice => {}
                }
            }
            state[i] = State::NotInPlay;
        }
    }
    Resolved { state, in_play, ignored, nationality, place }
}

fn term_value(c: &Content, fact: Fact, mask: u32, state: &[State], route: RouteFact) -> Tri {
    term_value_na(c, fact, mask, state, route, Tri::Unknown)
}

/// `not_in_play`: what a question that does not apply counts as. For deciding whether to ask
/// a later question it is false (a question about an answer that cannot be given is not
/// asked); for rules it is unknown (the fact is simply not known).
fn term_value_na(c: &Content, fact: Fact, mask: u32, state: &[State], route: RouteFact, not_in_play: Tri) -> Tri {
    let tri = |b: bool| if b { Tri::True } else { Tri::False };
    match fact {
        Fact::Question(q) => match state[q] {
            State::Value(v) if c.questions[q].options[v].means_unknown => Tri::Unknown,
            State::Value(v) => tri(mask & (1 << v) != 0),
            State::NotInPlay => not_in_play,
            _ => Tri::Unknown,
        },
        Fact::Route => match route {
            RouteFact::Undecided => Tri::Unknown,
            RouteFact::Is(r) => tri(mask & (1 << r) != 0),
            RouteFact::OneOf(possible) => {
                let undetermined = c.routes.iter().position(|r| r.id == UNDETERMINED);
                if undetermined.is_some_and(|u| mask & (1 << u) != 0) {
                    Tri::True
                } else if possible != 0 && possible & !mask == 0 {
                    Tri::True
                } else if possible & mask == 0 {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
        },
    }
}

/// The value of a condition's route terms alone (true when it has none).
fn route_term(c: &Content, cond: &Cond, route: RouteFact) -> Tri {
    cond.0
        .iter()
        .filter(|t| t.fact == Fact::Route)
        .map(|t| term_value_na(c, t.fact, t.mask, &[], route, Tri::Unknown))
        .min()
        .unwrap_or(Tri::True)
}

/// The steps that route `x` would add to `plan`, in the order that route's plan has them.
fn branch_steps<'c>(c: &'c Content, state: &[State], x: usize, plan: &[PlanStep<'c>]) -> Vec<&'c str> {
    let mut found: Vec<(u32, usize, &'c str)> = Vec::new();
    for rule in &c.rules {
        let Target::Step(s) = rule.target else { continue };
        let step = &c.steps[s];
        if plan.iter().any(|p| p.id == step.id) || eval(c, &rule.cond, state, RouteFact::Is(x)) == Tri::False {
            continue;
        }
        let order = rule.order.unwrap_or(step.order);
        match found.iter_mut().find(|f| f.1 == s) {
            Some(f) => f.0 = f.0.min(order),
            None => found.push((order, s, step.id.as_str())),
        }
    }
    crate::sort::sort_by_key(&mut found, |(order, s, _)| (*order, *s));
    found.into_iter().map(|(_, _, id)| id).collect()
}

fn eval(c: &Content, cond: &Cond, state: &[State], route: RouteFact) -> Tri {
    eval_na(c, cond, state, route, Tri::Unknown)
}

fn eval_na(c: &Content, cond: &Cond, state: &[State], route: RouteFact, not_in_play: Tri) -> Tri {
    let mut result = Tri::True;
    for t in &cond.0 {
        result = result.min(term_value_na(c, t.fact, t.mask, state, route, not_in_play));
        if result == Tri::False {
            break;
        }
    }
    result
}

/// The questions whose unknown answer keeps a rule of this condition open.
fn open_terms(c: &Content, cond: &Cond, r: &Resolved, route: RouteFact, out: &mut Vec<usize>) {
    for t in &cond.0 {
        if let Fact::Question(q) = t.fact {
            let pending = r.state[q] == State::Unanswered && r.in_play[q];
            if !pending && term_value(c, t.fact, t.mask, &r.state, route) == Tri::Unknown && !out.contains(&q) {
                out.push(q);
            }
        }
    }
}

/// Derives the result from the answers. Never panics, whatever the answers hold.
pub fn evaluate<'c>(c: &'c Content, answers: &Answers) -> Outcome<'c> {
    let r = resolve(c, answers);
    let n = c.questions.len();
    let pending = |i: usize| r.in_play[i] && r.state[i] == State::Unanswered;
    let next_question = (0..n)
        .find(|&i| pending(i) && !c.questions[i].optional)
        .or_else(|| (0..n).find(|&i| pending(i)))
        .map(|i| c.questions[i].id.as_str());
    let questions_in_play = (0..n).filter(|&i| r.in_play[i]).map(|i| c.questions[i].id.as_str()).collect();

    // The route: from the route rules alone, which may not refer to the route.
    let undetermined = c.routes.iter().position(|x| x.id == UNDETERMINED);
    let mut best = vec![Tri::False; c.routes.len()];
    for rule in &c.rules {
        if let Target::Route(x) = rule.target {
            if Some(x) != undetermined {
                best[x] = best[x].max(eval(c, &rule.cond, &r.state, RouteFact::Undecided));
            }
        }
    }
    let mut trace = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let (route_fact, route, possible_routes) = match best.iter().position(|t| *t == Tri::True) {
        Some(x) => (RouteFact::Is(x), c.routes[x].id.as_str(), Vec::new()),
        None => {
            let mut mask = 0u32;
            let mut possible = Vec::new();
            for (x, t) in best.iter().enumerate() {
                if *t == Tri::Unknown {
                    mask |= 1 << x;
                    possible.push(c.routes[x].id.as_str());
                }
            }
            (RouteFact::OneOf(mask), UNDETERMINED, possible)
        }
    };
    for rule in &c.rules {
        if let Target::Route(x) = rule.target {
            let t = if Some(x) == undetermined {
                if route == UNDETERMINED { Tri::True } else { Tri::False }
            } else {
                eval(c, &rule.cond, &r.state, RouteFact::Undecided)
            };
            let keep = t == Tri::True || (route == UNDETERMINED && t == Tri::Unknown);
            if keep {
                trace.push(TraceEntry {
                    item: c.routes[x].id.as_str(),
                    rule: &rule.id,
                    certain: t == Tri::True,
                    sources: &rule.sources,
                });
                if t == Tri::Unknown {
                    open_terms(c, &rule.cond, &r, RouteFact::Undecided, &mut open);
                }
            }
        }
    }

    // Steps, warnings, unknowns: every rule that holds or may hold.
    let mut step_rules: Vec<Vec<(usize, Tri)>> = vec![Vec::new(); c.steps.len()];
    let mut warning_rules: Vec<Vec<(usize, Tri)>> = vec![Vec::new(); c.warnings.len()];
    let mut unknown_rules: Vec<Vec<(usize, Tri)>> = vec![Vec::new(); c.unknowns.len()];
    for (ri, rule) in c.rules.iter().enumerate() {
        let slot = match rule.target {
            // While the route is open, a step that only some of the possible routes take is
            // not a step of this plan: it is named under the route it belongs to, in
            // `branches`, so the plan reads as one plan and not as two interleaved.
            Target::Step(_) if route_term(c, &rule.cond, route_fact) == Tri::Unknown => continue,
            Target::Step(x) => &mut step_rules[x],
            Target::Warning(x) => &mut warning_rules[x],
            Target::Unknown(x) => &mut unknown_rules[x],
            Target::Route(_) | Target::Nothing => continue,
        };
        let t = eval(c, &rule.cond, &r.state, route_fact);
        if t != Tri::False {
            slot.push((ri, t));
        }
    }
    // Keeps the rules that justify the item: the certain ones if any, else the possible ones.
    let mut select = |id: &'c str, fired: &[(usize, Tri)], open: &mut Vec<usize>| -> Option<(bool, Vec<Fired<'c>>)> {
        if fired.is_empty() {
            return None;
        }
        let certain = fired.iter().any(|(_, t)| *t == Tri::True);
        let mut because = Vec::new();
        for &(ri, t) in fired {
            if certain && t != Tri::True {
                continue;
            }
            let rule = &c.rules[ri];
            if !certain {
                open_terms(c, &rule.cond, &r, route_fact, open);
            }
            because.push(Fired { rule: &rule.id, certain: t == Tri::True, sources: &rule.sources });
            trace.push(TraceEntry { item: id, rule: &rule.id, certain: t == Tri::True, sources: &rule.sources });
        }
        Some((certain, because))
    };

    let location = c.question_index(LOCATION).and_then(|q| match r.state[q] {
        State::Value(v) => Some(c.questions[q].options[v].id.as_str()),
        _ => None,
    });
    let mut steps = Vec::new();
    for (x, step) in c.steps.iter().enumerate() {
        let Some((certain, because)) = select(&step.id, &step_rules[x], &mut open) else {
            continue;
        };
        let order = step_rules[x]
            .iter()
            .filter(|(_, t)| !certain || *t == Tri::True)
            .map(|(ri, _)| c.rules[*ri].order.unwrap_or(step.order))
            .min()
            .unwrap_or(step.order);
        let lines = |lines: &'c [crate::content::Line]| -> Vec<LineRef<'c>> {
            lines
                .iter()
                .filter_map(|l| match eval(c, &l.cond, &r.state, route_fact) {
                    Tri::False => None,
                    t => Some(LineRef { id: &l.id, certain: t == Tri::True }),
                })
                .collect()
        };
        let phones = step
            .phone
            .iter()
            .filter_map(|p| match eval(c, &p.cond, &r.state, route_fact) {
                Tri::False => None,
                t => Some(PhoneRef { number: &p.number, certain: t == Tri::True }),
            })
            .collect();
        let offices = match (&step.office_role, r.place.as_deref().or(location)) {
            (Some(role), Some(at)) => c.offices_for(at, role).into_iter().map(|o| o.id.as_str()).collect(),
            _ => Vec::new(),
        };
        let working_days = step
            .working_days
            .iter()
            .filter(|w| w.locations.is_empty() || location.is_some_and(|l| w.locations.iter().any(|x| x == l)))
            .collect();
        let variant = step.officer_variants.iter().find(|v| eval(c, &v.cond, &r.state, route_fact) == Tri::True);
        steps.push((
            order,
            x,
            PlanStep {
                id: &step.id,
                certain,
                done: eval(c, &step.done, &r.state, route_fact) == Tri::True && !step.done.0.is_empty(),
                because,
                bring: lines(&step.bring),
                notes: lines(&step.note),
                phones,
                offices,
                working_days,
                officer_sentence: variant.map_or(&step.officer_sentence, |v| &v.text),
                officer_variant: variant.map(|v| v.id.as_str()),
            },
        ));
    }
    crate::sort::sort_by_key(&mut steps, |(order, x, _)| (*order, *x));
    let steps: Vec<PlanStep<'c>> = steps.into_iter().map(|(_, _, s)| s).collect();
    let branches = possible_routes
        .iter()
        .filter_map(|id| c.routes.iter().position(|x| x.id == *id))
        .map(|x| Branch { route: c.routes[x].id.as_str(), steps: branch_steps(c, &r.state, x, &steps) })
        .collect();

    let mut warnings = Vec::new();
    for (x, w) in c.warnings.iter().enumerate() {
        if let Some((certain, because)) = select(&w.id, &warning_rules[x], &mut open) {
            warnings.push(Item { id: &w.id, certain, because });
        }
    }
    let mut unknowns = Vec::new();
    for (x, u) in c.unknowns.iter().enumerate() {
        if let Some((certain, because)) = select(&u.id, &unknown_rules[x], &mut open) {
            unknowns.push(Item { id: &u.id, certain, because });
        }
    }
    // Also every question the user explicitly could not answer, if it still applies.
    for i in 0..n {
        let unsure = match r.state[i] {
            State::Unknown => true,
            State::Value(v) => c.questions[i].options[v].means_unknown,
            _ => false,
        };
        if unsure && !open.contains(&i) {
            open.push(i);
        }
    }
    crate::sort::sort_by_key(&mut open, |q| *q);
    let open_questions = open.into_iter().map(|q| OpenQuestion { question: &c.questions[q].id }).collect();

    let offices = c
        .all_offices()
        .filter(|o| steps.iter().any(|s| s.offices.contains(&o.id.as_str())))
        .map(|o| o.id.as_str())
        .collect();
    let emergency_document = r
        .nationality
        .as_deref()
        .and_then(|n| c.emergency_document(n))
        .map(|d| d.nationality.as_str());
    let embassy = match (&r.nationality, c.directory()) {
        (Some(n), Some(d)) => match d.post_for(n, r.place.as_deref()) {
            PostChoice::Covering(p) => Embassy::Covering { post: &p.id },
            PostChoice::All(posts) => Embassy::All { posts: posts.into_iter().map(|p| p.id.as_str()).collect() },
            PostChoice::NoData => Embassy::NoData,
        },
        _ => Embassy::NotAsked,
    };
    Outcome {
        next_question,
        questions_in_play,
        route,
        possible_routes,
        steps,
        warnings,
        unknowns,
        open_questions,
        branches,
        offices,
        nationality: r.nationality,
        emergency_document,
        place: r.place,
        embassy,
        ignored_answers: r.ignored,
        trace,
    }
}

/// Records an answer and drops the answers that no longer apply because of it (returned, so
/// the app can tell the user). Answers that are not accepted for the question (unknown id or
/// value) change nothing: check with [`Content::accepts`] first to give feedback.
pub fn change_answer(c: &Content, answers: &Answers, question: &str, value: &str) -> (Answers, Vec<Dropped>) {
    let mut next = answers.clone();
    if !c.accepts(question, value) {
        return (next, Vec::new());
    }
    let value = match c.question(question).map(|q| &q.kind) {
        Some(QuestionKind::Country) if value != UNKNOWN => value.to_ascii_uppercase(),
        _ => value.to_string(),
    };
    next.set(question, &value);
    drop_moot(c, answers, next)
}

/// Removes an answer (back to "not asked yet") and drops what depended on it.
pub fn clear_answer(c: &Content, answers: &Answers, question: &str) -> (Answers, Vec<Dropped>) {
    let mut next = answers.clone();
    next.remove(question);
    drop_moot(c, answers, next)
}

/// Drops the answers this change makes moot: those whose question applied before it and
/// no longer does. An answer whose question already did not apply (saved by an older
/// version of the content, say) is kept: the outcome lists it in `ignored_answers`, and it
/// is the person's to keep, not this change's to remove.
fn drop_moot(c: &Content, before: &Answers, mut next: Answers) -> (Answers, Vec<Dropped>) {
    let was = resolve(c, before);
    let now = resolve(c, &next);
    let mut dropped = Vec::new();
    for (i, q) in c.questions.iter().enumerate() {
        if was.in_play[i] && !now.in_play[i] {
            if let Some(v) = next.remove(&q.id) {
                dropped.push(Dropped { question: q.id.clone(), value: v });
            }
        }
    }
    (next, dropped)
}
