//! Runs every scenario file under tests/scenarios through the same runner as `sos scenarios`.

use passport_sos::{content, engine::scenario};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("tests/scenarios exists") {
        let p = e.expect("readable entry").path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

#[test]
fn every_scenario_passes() {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios"), &mut all);
    all.sort();
    let mut failures = Vec::new();
    for f in &all {
        let text = std::fs::read_to_string(f).unwrap();
        match scenario::run(content::bundled(), &text) {
            Ok(r) if r.passed() => {}
            Ok(r) => failures.push(format!("{}: {}", f.display(), r.failures.join("; "))),
            Err(e) => failures.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(all.len() >= 30, "expected the project's scenarios, found {}", all.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_spec_rule_route_and_location_has_a_scenario() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for rule in 1..=8 {
        assert!(names.iter().any(|n| n.starts_with(&format!("rule{rule}_"))), "no scenario for rule {rule}");
    }
    let c = content::bundled();
    for r in &c.routes {
        let stem = r.id.trim_start_matches("route.");
        assert!(names.iter().any(|n| n.starts_with(&format!("route_{stem}"))), "no scenario for {}", r.id);
    }
    for l in &c.question("location").unwrap().options {
        assert!(names.iter().any(|n| n.contains(&format!("location_{}.", l.id))), "no scenario for location {}", l.id);
    }
}

#[test]
fn a_wrong_expectation_fails_and_a_bad_file_is_an_error() {
    let c = content::bundled();
    let r = scenario::run(c, "title = \"x\"\n[answers]\ndocument_state = \"have_it\"\n[expect]\nroute = \"route.permit\"\n").unwrap();
    assert!(!r.passed());
    assert!(scenario::run(c, "title = \"x\"\n[answers]\nnope = \"1\"\n").is_err());
    assert!(scenario::run(c, "title = \"x\"\n[expect]\nsteps_exclude = [\"step.typo\"]\n").is_err());
    assert!(scenario::run(c, "[answers").is_err());
    // Officer-sentence variants and shown wording.
    let no_loss = "title = \"x\"\n[answers]\ndocument_state = \"have_it\"\n[expect]\n";
    assert!(scenario::run(c, &format!("{no_loss}officer_sentences = {{ \"step.typo\" = \"default\" }}\n")).is_err());
    assert!(scenario::run(c, &format!("{no_loss}officer_sentences = {{ \"step.call_12367\" = \"officer.typo\" }}\n")).is_err());
    let r = scenario::run(c, &format!("{no_loss}officer_sentences = {{ \"step.report_loss\" = \"default\" }}\n")).unwrap();
    assert!(!r.passed(), "a step not in the plan fails");
    let r = scenario::run(c, &format!("{no_loss}text_include = [\"no such wording anywhere\"]\n")).unwrap();
    assert!(!r.passed());
    let r = scenario::run(c, &format!("{no_loss}text_include = [\"12367\"]\ntext_exclude = [\"no such wording anywhere\"]\n")).unwrap();
    assert!(r.passed(), "{:?}", r.failures);
}

/// Every step, warning and unknown is named by some scenario file, and every question is
/// answered in one: a new id comes with the case that shows it (or keeps it out).
#[test]
fn every_step_warning_unknown_and_question_appears_in_a_scenario() {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios"), &mut all);
    let texts: Vec<String> = all.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let c = content::bundled();
    let ids = c.steps.iter().map(|s| &s.id).chain(c.warnings.iter().map(|w| &w.id)).chain(c.unknowns.iter().map(|u| &u.id));
    let missing: Vec<&String> = ids.filter(|id| !texts.iter().any(|t| t.contains(&format!("\"{id}\"")))).collect();
    assert!(missing.is_empty(), "no scenario names {missing:?}");
    let unanswered: Vec<&str> = c
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .filter(|q| !texts.iter().any(|t| t.lines().any(|l| l.starts_with(&format!("{q} = ")))))
        .collect();
    assert!(unanswered.is_empty(), "no scenario answers {unanswered:?}");
}
