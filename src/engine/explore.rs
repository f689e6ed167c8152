//! Walks over the answer space, shared by the content check, the exhaustive test and the
//! `sos bench` command so that all three measure and check the same thing.

use super::{evaluate, Answers, Outcome};
use crate::content::{Content, QuestionKind, UNKNOWN};

/// Follows the questionnaire as a user would: at each step the engine's next question, with
/// each of its options (not `unknown`). Optional questions (the nationality) are left out:
/// they only name a document. Visits every reachable complete or partial answer set once.
///
/// A question that only ever appears alone in a condition, and that no other question's
/// `asked_when` reads, cannot combine with anything: each of its values is visited where it
/// is asked, and only its first value is followed further. This keeps the walk (and with it
/// the content check) fast without losing anything it could reach.
pub fn flow_walk<'c>(c: &'c Content, visit: &mut dyn FnMut(&Answers, &Outcome<'c>)) {
    let solo: Vec<bool> = c.questions.iter().map(|q| is_solo(c, &q.id)).collect();
    let mut answers = Answers::default();
    flow(c, &solo, &mut answers, visit, 0);
}

fn is_solo(c: &Content, q: &str) -> bool {
    let conds = c
        .rules
        .iter()
        .map(|r| &r.when)
        .chain(c.steps.iter().map(|s| &s.done_when))
        .chain(c.steps.iter().flat_map(|s| s.bring.iter().chain(&s.note).map(|l| &l.when)))
        .chain(c.steps.iter().flat_map(|s| s.phone.iter().map(|p| &p.when)))
        .chain(c.steps.iter().flat_map(|s| s.officer_variants.iter().map(|v| &v.when)));
    let alone = conds.filter(|w| w.contains_key(q)).all(|w| w.len() == 1);
    let read = c.questions.iter().any(|x| x.asked_when.contains_key(q));
    alone && !read && q != super::LOCATION
}

fn flow<'c>(c: &'c Content, solo: &[bool], answers: &mut Answers, visit: &mut dyn FnMut(&Answers, &Outcome<'c>), depth: usize) {
    let outcome = evaluate(c, answers);
    visit(answers, &outcome);
    let Some(q) = outcome.next_question else { return };
    let Some(i) = c.question_index(q) else { return };
    let question = &c.questions[i];
    if question.optional || depth > c.questions.len() {
        return;
    }
    for (k, o) in question.options.iter().enumerate() {
        answers.set(q, &o.id);
        if solo[i] && k > 0 {
            let outcome = evaluate(c, answers);
            visit(answers, &outcome);
        } else {
            flow(c, solo, answers, visit, depth + 1);
        }
    }
    answers.remove(q);
}

/// The answer choices of a question for the exhaustive walk: each option, `unknown`, and
/// unanswered (`None`).
fn choices(c: &Content, q: &str) -> Vec<Option<String>> {
    let mut v: Vec<Option<String>> = vec![None, Some(UNKNOWN.to_string())];
    if let Some(question) = c.question(q) {
        match question.kind {
            QuestionKind::Choice => v.extend(question.options.iter().map(|o| Some(o.id.clone()))),
            QuestionKind::Country => v.extend(["US", "CA", "zz", "1x"].iter().map(|s| Some(s.to_string()))),
            // Each option, and places that count as one through their province or as the rest.
            QuestionKind::Place => {
                v.extend(question.options.iter().map(|o| Some(o.id.clone())));
                v.extend(["danzhou", "hangzhou", "province.sichuan", "nowhere"].iter().map(|s| Some(s.to_string())));
            }
        }
    }
    v
}

/// The questions that are varied together in full in [`exhaustive`]. Why this split: the
/// route depends on `document_state`, `embassy_contact` and `embassy_answer`; the rules then
/// combine the route with `replacement_in_hand`, `urgency` and `location` (the Haikou line,
/// Hainan's expedited handling, the offices). `age_16_plus`, `exit_bar`, `loss_report` and
/// `stay_document` each add their own warnings, lines and step states and interact with the
/// route only, so they get a full
/// product with the route questions in a second pass, and are cycled in the first. The full
/// product of all questions (about 7 million cases) adds no combination a rule can tell apart
/// and is too slow for a debug test; `sos bench --full` walks it in release.
pub const ROUTE_QUESTIONS: [&str; 3] = ["document_state", "embassy_contact", "embassy_answer"];
pub const WITH_ROUTE_A: [&str; 3] = ["replacement_in_hand", "urgency", "location"];
pub const WITH_ROUTE_B: [&str; 4] = ["age_16_plus", "exit_bar", "loss_report", "stay_document"];

/// Every combination of the route questions with group A, then with group B (each value,
/// `unknown` and unanswered), the other questions cycled through their choices. Returns the
/// number of evaluations.
pub fn exhaustive<'c>(c: &'c Content, visit: &mut dyn FnMut(&Answers, &Outcome<'c>)) -> usize {
    let mut count = 0;
    for group in [&WITH_ROUTE_A[..], &WITH_ROUTE_B[..]] {
        let full: Vec<&str> = ROUTE_QUESTIONS.iter().chain(group.iter()).copied().collect();
        let cycled: Vec<&str> = c
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|q| !full.contains(q))
            .collect();
        count += product(c, &full, &cycled, visit);
    }
    count
}

/// Every combination of all questions' choices: the complete space. Slow; for `sos bench --full`.
pub fn complete<'c>(c: &'c Content, visit: &mut dyn FnMut(&Answers, &Outcome<'c>)) -> usize {
    let all: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
    product(c, &all, &[], visit)
}

fn product<'c>(c: &'c Content, full: &[&str], cycled: &[&str], visit: &mut dyn FnMut(&Answers, &Outcome<'c>)) -> usize {
    let full_choices: Vec<Vec<Option<String>>> = full.iter().map(|q| choices(c, q)).collect();
    let cycled_choices: Vec<Vec<Option<String>>> = cycled.iter().map(|q| choices(c, q)).collect();
    let total: usize = full_choices.iter().map(|v| v.len()).product();
    let mut answers = Answers::default();
    for n in 0..total {
        answers.0.clear();
        let mut rest = n;
        for (q, ch) in full.iter().zip(&full_choices) {
            if let Some(v) = &ch[rest % ch.len()] {
                answers.set(q, v);
            }
            rest /= ch.len();
        }
        // Different strides so the cycled questions do not move in lockstep.
        for (k, (q, ch)) in cycled.iter().zip(&cycled_choices).enumerate() {
            if let Some(v) = &ch[(n / (k + 1) + k) % ch.len()] {
                answers.set(q, v);
            }
        }
        let outcome = evaluate(c, &answers);
        visit(&answers, &outcome);
    }
    total
}
