//! The exhaustive walk over answers, and dropping of answers that no longer apply.

use passport_sos::content;
use passport_sos::engine::{self, change_answer, evaluate, explore, Answers};

#[test]
fn exhaustive_walk_holds_the_invariants() {
    let c = content::bundled();
    let mut checked = 0;
    let n = explore::exhaustive(c, &mut |a, o| {
        checked += 1;
        if o.route == content::UNDETERMINED {
            assert!(o.possible_routes.len() >= 2, "{a:?}: undetermined with {:?}", o.possible_routes);
        } else {
            assert!(o.possible_routes.is_empty(), "{a:?}");
            assert!(c.route(o.route).is_some());
        }
        let no_loss_possible = o.route == "route.no_loss" || o.possible_routes.contains(&"route.no_loss");
        if !no_loss_possible {
            assert!(o.warning("warn.no_travel_changes").is_some_and(|w| w.certain), "{a:?}: no travel warning");
        }
        if o.route == "route.no_loss" {
            assert!(o.warning("warn.no_travel_changes").is_none(), "{a:?}");
        }
        if o.route == "route.permit" {
            assert_eq!(a.get("embassy_answer"), Some("cannot_issue_in_china"), "{a:?}");
            assert!(o.warning("warn.permit_not_automatic").is_some());
        }
        let exit_bar = a.get("exit_bar");
        if exit_bar.is_some_and(|v| v != "none" && v != "unknown") && o.questions_in_play.contains(&"exit_bar") {
            assert!(o.warning("warn.exit_bar").is_some_and(|w| w.certain), "{a:?}");
        }
        for s in &o.steps {
            let def = c.step(s.id).unwrap();
            assert!(!s.because.is_empty());
            // The officer sentence is the step's default exactly when no variant was chosen.
            match s.officer_variant {
                None => assert!(std::ptr::eq(s.officer_sentence, &def.officer_sentence), "{a:?}"),
                Some(v) => {
                    let var = def.officer_variants.iter().find(|x| x.id == v).unwrap();
                    assert!(std::ptr::eq(s.officer_sentence, &var.text), "{a:?}");
                }
            }
        }
    });
    assert_eq!(n, checked);
    assert!(n > 10_000);
}

#[test]
fn arbitrary_answers_never_panic() {
    let c = content::bundled();
    let o = evaluate(c, &Answers::from_pairs(&[("nope", "x"), ("document_state", "eaten"), ("nationality", "???"), ("", "")]));
    assert_eq!(o.ignored_answers.len(), 4);
    assert_eq!(o.next_question, Some("document_state"));
}

#[test]
fn changing_document_state_drops_answers_that_no_longer_apply() {
    let c = content::bundled();
    let a = Answers::from_pairs(&[("document_state", "lost"), ("location", "haikou"), ("embassy_contact", "yes"), ("embassy_answer", "can_reissue_passport"), ("replacement_in_hand", "yes"), ("age_16_plus", "yes")]);
    let (a2, dropped) = change_answer(c, &a, "document_state", "have_it");
    let names: Vec<&str> = dropped.iter().map(|d| d.question.as_str()).collect();
    assert_eq!(names, ["location", "embassy_contact", "embassy_answer", "replacement_in_hand"]);
    assert_eq!(a2.get("age_16_plus"), Some("yes"));
    assert_eq!(evaluate(c, &a2).route, "route.no_loss");
}

#[test]
fn changing_the_embassy_answer_drops_only_what_depends_on_it() {
    let c = content::bundled();
    let a = Answers::from_pairs(&[("document_state", "stolen"), ("embassy_contact", "yes"), ("embassy_answer", "can_reissue_passport"), ("replacement_in_hand", "no"), ("exit_bar", "none")]);
    let (a2, dropped) = change_answer(c, &a, "embassy_answer", "cannot_issue_in_china");
    assert_eq!(dropped, vec![engine::Dropped { question: "replacement_in_hand".into(), value: "no".into() }]);
    assert_eq!(a2.get("exit_bar"), Some("none"));
    let (_, none) = change_answer(c, &a, "embassy_answer", "closed_or_slow");
    assert!(none.is_empty());
    let (same, nothing) = change_answer(c, &a, "embassy_answer", "bogus");
    assert!(nothing.is_empty() && same == a);
}

#[test]
fn unknown_is_never_read_as_no() {
    let c = content::bundled();
    let a = Answers::from_pairs(&[("document_state", "lost"), ("embassy_contact", "yes"), ("embassy_answer", "unknown")]);
    let o = evaluate(c, &a);
    assert_eq!(o.route, "route.undetermined");
    assert!(o.open_questions.iter().any(|q| q.question == "embassy_answer"));
    // Both branches stay open: the permit's steps are named under the permit route, not
    // dropped, and not mixed into the plan's own steps.
    assert!(o.step("step.apply_permit_in_person").is_none());
    let permit = o.branches.iter().find(|b| b.route == "route.permit").expect("the permit route stays open");
    assert!(permit.steps.contains(&"step.apply_permit_in_person"));
    let replacement = o.branches.iter().find(|b| b.route == "route.replacement").expect("the replacement route stays open");
    assert!(replacement.steps.contains(&"step.get_replacement"));
    assert!(o.step("step.next_depends_on_embassy").is_some_and(|s| s.certain));
}

#[test]
fn an_answer_that_already_did_not_apply_is_kept_not_dropped_by_a_later_change() {
    let c = content::bundled();
    // Saved by an older version: the embassy's answer although the embassy was not asked.
    let saved = Answers::from_pairs(&[
        ("document_state", "lost"),
        ("embassy_contact", "no"),
        ("embassy_answer", "cannot_issue_in_china"),
        ("retired_question", "yes"),
    ]);
    let (after, dropped) = change_answer(c, &saved, "urgency", "urgent");
    assert!(dropped.is_empty(), "{dropped:?}");
    for (q, v) in &saved.0 {
        assert_eq!(after.get(q), Some(v.as_str()), "{q}");
    }
    // What the person's own change makes moot is still dropped, and reported.
    let given = Answers::from_pairs(&[("document_state", "lost"), ("embassy_contact", "yes"), ("embassy_answer", "waiting_for_answer")]);
    let (after, dropped) = change_answer(c, &given, "embassy_contact", "no");
    assert_eq!(after.get("embassy_answer"), None);
    assert_eq!(dropped.len(), 1);
}
