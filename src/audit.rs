//! The whole content check, above both the content and the engine: [`content::check`] on its
//! own finds what the files say wrong; this adds what only running the engine over every path
//! through the questions can find (an item no answers reach). The arrows run one way: `audit`
//! uses `content` and `engine`, `engine` uses `content`, and `content` uses neither.

use crate::content::{self, Content, Problem};
use crate::engine::{self, explore};
use std::collections::BTreeSet;

/// Every problem that stops the content from shipping: [`content::check`], then reachability.
/// Empty means the content ships.
pub fn check(files: &[(&str, &str)]) -> Vec<Problem> {
    let c = match Content::from_files(files) {
        Ok(c) => c,
        Err(problems) => return problems,
    };
    let mut problems = content::check_parsed(&c);
    problems.extend(unreachable(&c));
    problems
}

/// Follows every path through the questions and reports each route, question, rule, step,
/// line, officer variant, warning, unknown and office that no answers can reach.
pub fn unreachable(c: &Content) -> Vec<Problem> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    // For each step that lists offices, one set of answers that puts it in the plan: offices
    // of places that are not options of the location question are tried on these below
    // (walking every place through every question would multiply the walk by hundreds).
    let mut with_offices: Vec<(&str, engine::Answers)> = Vec::new();
    explore::flow_walk(c, &mut |answers, o| {
        seen.insert(o.route);
        for s in o.steps.iter().filter(|s| s.certain) {
            if let Some(role) = c.step(s.id).and_then(|d| d.office_role.as_deref()) {
                if !with_offices.iter().any(|(r, _)| *r == role) {
                    with_offices.push((role, answers.clone()));
                }
            }
            seen.insert(s.id);
            for l in s.bring.iter().chain(&s.notes) {
                seen.insert(l.id);
            }
            seen.extend(s.officer_variant);
            seen.extend(s.offices.iter().copied());
        }
        for i in o.warnings.iter().chain(&o.unknowns).filter(|i| i.certain) {
            seen.insert(i.id);
        }
        seen.extend(o.questions_in_play.iter().copied());
        for t in o.trace.iter().filter(|t| t.certain) {
            seen.insert(t.rule);
        }
    });
    let unseen: Vec<&content::Office> = c.offices.iter().filter(|o| !seen.contains(o.id.as_str())).collect();
    for o in unseen {
        for (_, answers) in with_offices.iter().filter(|(r, _)| o.roles.iter().any(|x| x == r)) {
            for at in &o.locations {
                let mut a = answers.clone();
                a.set(content::LOCATION, at);
                if engine::evaluate(c, &a).steps.iter().any(|s| s.offices.contains(&o.id.as_str())) {
                    seen.insert(o.id.as_str());
                }
            }
        }
    }
    let mut missing = Vec::new();
    let mut need = |file: &str, id: &str, what: &str| {
        if !seen.contains(id) {
            missing.push(Problem::new(file, id, &format!("no answers can reach this {what}")));
        }
    };
    for r in &c.routes {
        need("routes.toml", &r.id, "route");
    }
    for q in &c.questions {
        need("questions.toml", &q.id, "question");
    }
    for r in &c.rules {
        need("rules.toml", &r.id, "rule");
    }
    for s in &c.steps {
        need("steps.toml", &s.id, "step");
        for l in s.bring.iter().chain(&s.note) {
            need("steps.toml", &l.id, "line");
        }
        for v in &s.officer_variants {
            need("steps.toml", &v.id, "officer variant");
        }
    }
    for w in &c.warnings {
        need("warnings.toml", &w.id, "warning");
    }
    for u in &c.unknowns {
        need("warnings.toml", &u.id, "unknown");
    }
    for o in &c.offices {
        need("offices.toml", &o.id, "office");
    }
    missing
}
