//! Browser tests of the library (wasm-bindgen-test in headless Chromium, run by `make test`).
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use passport_sos::storage::{browser, browser::LoadNote, DecodeError, Envelope, KEPT_ASIDE_KEY, KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn progress_written_to_local_storage_is_read_back() {
    LocalStorage::clear();
    let mut envelope = Envelope::new();
    envelope.locale = Some("zh".into());
    envelope.answers.set("document_state", "lost");
    assert!(browser::save(&envelope));
    assert_eq!(browser::load(), (envelope, LoadNote::Restored));
}

#[wasm_bindgen_test]
fn an_unreadable_saved_state_is_kept_aside_not_overwritten() {
    LocalStorage::clear();
    LocalStorage::raw().set_item(KEY, "{\"schema\":1,\"answers\":").unwrap();
    let (envelope, note) = browser::load();
    assert_eq!(note, LoadNote::KeptAside(DecodeError::NotReadable));
    assert_eq!(envelope, Envelope::new());
    assert_eq!(
        LocalStorage::raw().get_item(KEPT_ASIDE_KEY).unwrap().as_deref(),
        Some("{\"schema\":1,\"answers\":")
    );
}

#[wasm_bindgen_test]
fn a_second_unreadable_value_does_not_replace_the_first_kept_aside() {
    LocalStorage::clear();
    LocalStorage::raw().set_item(KEY, "{first").unwrap();
    assert_eq!(browser::load().1, LoadNote::KeptAside(DecodeError::NotReadable));
    LocalStorage::raw().set_item(KEY, "{second").unwrap();
    assert_eq!(browser::load().1, LoadNote::KeptAside(DecodeError::NotReadable));
    assert_eq!(LocalStorage::raw().get_item(KEPT_ASIDE_KEY).unwrap().as_deref(), Some("{first"));
    let second_key = format!("{KEPT_ASIDE_KEY}.2");
    assert_eq!(LocalStorage::raw().get_item(&second_key).unwrap().as_deref(), Some("{second"));
    assert!(browser::erase());
    assert_eq!(LocalStorage::raw().get_item(&second_key).unwrap(), None);
}

#[wasm_bindgen_test]
fn when_nothing_more_can_be_kept_aside_the_app_does_not_write() {
    LocalStorage::clear();
    for n in 1..=passport_sos::storage::KEPT_ASIDE_SLOTS {
        let key = if n == 1 { KEPT_ASIDE_KEY.to_string() } else { format!("{KEPT_ASIDE_KEY}.{n}") };
        LocalStorage::raw().set_item(&key, &format!("{{old {n}")).unwrap();
    }
    LocalStorage::raw().set_item(KEY, "{one more").unwrap();
    // Unavailable: the app then runs from memory and never overwrites the unreadable value.
    assert_eq!(browser::load().1, LoadNote::Unavailable);
    assert_eq!(LocalStorage::raw().get_item(KEY).unwrap().as_deref(), Some("{one more"));
}

#[wasm_bindgen_test]
fn erase_removes_the_progress_and_the_kept_aside_copy() {
    LocalStorage::clear();
    LocalStorage::raw().set_item(KEPT_ASIDE_KEY, "{").unwrap();
    assert!(browser::save(&Envelope::new()));
    assert!(browser::erase());
    assert_eq!(LocalStorage::raw().get_item(KEY).unwrap(), None);
    assert_eq!(LocalStorage::raw().get_item(KEPT_ASIDE_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn a_first_visit_starts_fresh() {
    LocalStorage::clear();
    assert_eq!(browser::load(), (Envelope::new(), LoadNote::Fresh));
}

// ---- The app's own logic (src/app: router, i18n, logic), included as plain modules: the app
// is a binary, and these files use only the library and std, so they run here unchanged.

#[allow(dead_code)]
#[path = "../src/app/i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "../src/app/logic.rs"]
mod logic;
#[allow(dead_code)]
#[path = "../src/app/router.rs"]
mod router;

mod app_logic {
    use super::{i18n, logic, router, router::Page};
    use chrono::NaiveDate;
    use passport_sos::content::{self, Lang};
    use passport_sos::engine::{self, Answers};
    use passport_sos::storage::{Progress, StepProgress};
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn every_route_reads_back_from_its_own_link() {
        let pages = [
            Page::Start,
            Page::Question("embassy_answer".into()),
            Page::Plan,
            Page::Step("step.report_loss".into()),
            Page::Card("step.report_loss".into()),
            Page::Sources(None),
            Page::Sources(Some("reg-2013".into())),
            Page::Settings,
            Page::Route("permit".into()),
            Page::Topic("phone_and_wallet".into()),
        ];
        for page in pages {
            assert_eq!(Page::parse(&page.href()), page, "{}", page.href());
        }
        assert_eq!(Page::parse(""), Page::Start);
        assert_eq!(Page::parse("#"), Page::Start);
        assert_eq!(Page::parse("#/plan/"), Page::Plan);
        assert_eq!(Page::parse("#/questions"), Page::NotFound);
        assert_eq!(Page::parse("#/card/a/b"), Page::NotFound);
        assert_eq!(Page::parse("#/elsewhere"), Page::NotFound);
        // A route's page is named without the `route.` prefix, and reads back to the route id.
        assert_eq!(router::route_href("route.permit"), "#/routes/permit");
        assert_eq!(router::route_id("permit"), "route.permit");
        assert_eq!(Page::parse("#/routes"), Page::NotFound);
    }

    #[wasm_bindgen_test]
    fn a_month_is_laid_out_in_whole_weeks_from_monday() {
        // 1 November 2026 is a Sunday: six empty cells before it.
        let cells = logic::month_cells(2026, 11);
        assert_eq!(cells.len() % 7, 0);
        assert_eq!(cells[..6], [None; 6]);
        assert_eq!(cells[6], NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(cells.iter().flatten().count(), 30);
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(logic::months_between(d(9, 28), d(11, 13), 3), vec![(2026, 9), (2026, 10), (2026, 11)]);
        assert_eq!(logic::months_between(d(9, 28), d(9, 30), 3), vec![(2026, 9)]);
    }

    #[wasm_bindgen_test]
    fn dates_read_naturally_in_both_languages() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 13).unwrap();
        assert_eq!(logic::format_date(date, Lang::En), "Friday 13 November 2026");
        assert_eq!(logic::format_date(date, Lang::Zh), "2026年11月13日（星期五）");
        assert_eq!(i18n::fill(i18n::text(i18n::Msg::QuestionProgress, Lang::Zh), &["2", "9"]), "第2题，共9题");
        assert_eq!(i18n::fill(i18n::text(i18n::Msg::QuestionProgress, Lang::En), &["2", "9"]), "Question 2 of 9");
    }

    /// A language's file as the build writes it reads in the browser, and its texts replace
    /// the English; a damaged file is an error to show, never a panic.
    #[wasm_bindgen_test]
    fn a_language_file_read_in_the_browser_puts_its_texts_on_screen() {
        const KO: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/bundle/lang-ko.postcard"));
        assert!(content::lang::table_from_bytes(&KO[..KO.len() / 2]).is_err());
        assert!(content::lang::table_from_bytes(b"not a table").is_err());
        content::lang::install(Lang::Ko, content::lang::table_from_bytes(KO).expect("the shipped file reads"));
        assert_eq!(i18n::text(i18n::Msg::PlanTitle, Lang::Ko), "내 계획");
        assert_eq!(i18n::fill(i18n::text(i18n::Msg::QuestionProgress, Lang::Ko), &["2", "9"]), "질문 2/9");
        let c = content::bundled();
        assert_eq!(c.step("step.report_loss").unwrap().title.get(Lang::Ko), "분실 신고를 하고 분실 신고 증명서를 받으세요");
        // Japanese is not installed here: its texts stand in English, not blank.
        assert_eq!(c.step("step.report_loss").unwrap().title.get(Lang::Ja), "Report the loss and get the loss certificate");
        let date = NaiveDate::from_ymd_opt(2026, 11, 13).unwrap();
        assert!(logic::format_date(date, Lang::Ko).contains("2026년 11월 13일"), "{}", logic::format_date(date, Lang::Ko));
    }

    #[wasm_bindgen_test]
    fn what_may_apply_names_the_question_that_decides_it_and_links_to_one_asked_now() {
        let c = content::bundled();
        let answers = Answers::from_pairs(&[
            ("document_state", "lost"),
            ("urgency", "not_urgent"),
            ("location", "shanghai"),
            ("age_16_plus", "yes"),
            ("loss_report", "not_reported"),
            ("embassy_contact", "no"),
            ("exit_bar", "none"),
            ("nationality", "unknown"),
        ]);
        let outcome = engine::evaluate(c, &answers);
        assert_eq!(outcome.route, content::UNDETERMINED);
        let validity = outcome.unknown("unknown.permit_validity").expect("the permit's validity may matter");
        assert!(!validity.certain);
        let deciding = logic::deciding_questions(c, &outcome, &validity.because);
        assert!(deciding.contains(&"embassy_answer"), "{deciding:?}");
        assert!(!deciding.contains(&"nationality"), "the nationality decides no route: {deciding:?}");
        // The embassy's answer is asked only once the embassy has been asked.
        assert_eq!(logic::question_target(c, &outcome, "embassy_answer"), "embassy_contact");
        assert_eq!(logic::question_target(c, &outcome, "location"), "location");
    }

    #[wasm_bindgen_test]
    fn the_plan_as_text_carries_the_route_the_ticks_and_the_answers() {
        let c = content::bundled();
        let answers = Answers::from_pairs(&[
            ("document_state", "lost"),
            ("urgency", "not_urgent"),
            ("location", "beijing"),
            ("age_16_plus", "yes"),
            ("loss_report", "not_reported"),
            ("embassy_contact", "yes"),
            ("embassy_answer", "cannot_issue_in_china"),
            ("exit_bar", "none"),
        ]);
        let outcome = engine::evaluate(c, &answers);
        let mut progress = Progress::default();
        let mut record = StepProgress { done: true, ..Default::default() };
        logic::set_checked(&mut record, "bring.beijing_photo", true);
        progress.steps.insert("step.report_loss".into(), record);
        let text = logic::plan_text(c, &outcome, &answers, &progress, Lang::En);
        assert!(text.contains(c.route("route.permit").unwrap().title.en.as_str()));
        assert!(text.contains("1. [x] Report the loss"), "{text}");
        assert!(text.contains("[x] Beijing: one photo, 3.5 × 4.9 cm"), "{text}");
        assert!(text.contains("[ ] Beijing: a written account"), "{text}");
        assert!(text.contains("Where are you now? Beijing"), "{text}");
        let zh = logic::plan_text(c, &outcome, &answers, &progress, Lang::Zh);
        assert!(zh.contains("申请外国人出入境证"), "{zh}");
    }

    #[wasm_bindgen_test]
    fn the_undetermined_plan_as_text_names_each_open_route_once_under_what_leads_to_it() {
        let c = content::bundled();
        let answers = Answers::from_pairs(&[("document_state", "stolen"), ("embassy_contact", "no")]);
        let outcome = engine::evaluate(c, &answers);
        let text = logic::plan_text(c, &outcome, &answers, &Progress::default(), Lang::En);
        let permit = c.route("route.permit").unwrap().if_chosen.as_ref().unwrap();
        assert!(text.contains(&format!("{}:", permit.en)), "{text}");
        // The permit's steps appear under it, not as numbered steps of the plan.
        assert_eq!(text.matches("Prepare the permit application").count(), 1, "{text}");
        assert!(!text.contains(". [ ] Prepare the permit application"), "{text}");
    }

    #[wasm_bindgen_test]
    fn a_tick_given_by_the_person_overrides_what_the_answers_say() {
        let c = content::bundled();
        let answers = Answers::from_pairs(&[("document_state", "lost"), ("loss_report", "certificate_in_hand")]);
        let outcome = engine::evaluate(c, &answers);
        let step = outcome.step("step.report_loss").unwrap();
        assert!(step.done);
        let mut progress = Progress::default();
        assert!(logic::step_done(&progress, step));
        progress.steps.insert("step.report_loss".into(), StepProgress::default());
        assert!(!logic::step_done(&progress, step));
    }

    /// The directory as the app has it once its file has arrived (places, posts, offices).
    fn with_directory() -> &'static content::Content {
        let c = content::bundled();
        let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/bundle/directory.postcard"));
        c.set_directory(content::Directory::from_bundle(bytes).expect("the bundled directory reads"));
        c
    }

    #[wasm_bindgen_test]
    fn the_directory_file_gives_places_their_province_and_the_post_for_them() {
        let c = with_directory();
        let answers = Answers::from_pairs(&[("document_state", "lost"), ("location", "danzhou"), ("nationality", "AU")]);
        let outcome = engine::evaluate(c, &answers);
        assert_eq!(outcome.place.as_deref(), Some("danzhou"));
        // Danzhou is in Hainan, which the Australian consulate in Guangzhou serves.
        assert_eq!(outcome.embassy, engine::Embassy::Covering { post: "post.au.guangzhou" });
        // The offices came with the directory, not with the wasm.
        assert!(c.office("office.beijing.loss_window").is_some());
    }

    #[wasm_bindgen_test]
    fn answers_the_rules_no_longer_use_are_listed_and_survive_further_answers() {
        let c = with_directory();
        // Saved by an older version: a question since removed, a value since renamed, and the
        // embassy's answer although the embassy was not asked.
        let saved = Answers::from_pairs(&[
            ("document_state", "lost"),
            ("old_question", "yes"),
            ("embassy_contact", "no"),
            ("embassy_answer", "cannot_issue_in_china"),
            ("location", "route.atlantis"),
        ]);
        let outcome = engine::evaluate(c, &saved);
        let kept = logic::kept_from_before(c, &outcome, Lang::En);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept.contains(&("old_question".to_string(), "yes".to_string())), "{kept:?}");
        assert!(kept.contains(&("Where are you now?".to_string(), "route.atlantis".to_string())), "{kept:?}");
        assert!(kept.iter().any(|(q, v)| q.contains("embassy") && v.contains("cannot issue")), "{kept:?}");
        // A further answer keeps all three (engine::change_answer drops only what it makes moot).
        let (after, dropped) = engine::change_answer(c, &saved, "urgency", "urgent");
        assert!(dropped.is_empty(), "{dropped:?}");
        for (q, v) in &saved.0 {
            assert_eq!(after.get(q), Some(v.as_str()), "{q}");
        }
    }

    #[wasm_bindgen_test]
    fn a_phone_link_carries_only_digits_and_plus() {
        assert_eq!(logic::tel_href("+86 (10) 8402-0101"), "tel:+861084020101");
        assert_eq!(logic::tel_href("12367\"><script>alert(1)</script>"), "tel:123671");
        assert_eq!(logic::tel_href("javascript:alert(1)"), "tel:1");
    }

    #[wasm_bindgen_test]
    fn the_storage_sentences_exist_in_both_languages() {
        use i18n::{text, Msg};
        for msg in [Msg::NoteKeptAside, Msg::NoteNewerSchema, Msg::NoteUnavailable, Msg::NoteNotSaved, Msg::NoteSavedAgain, Msg::KeptFromBefore] {
            assert!(!text(msg, Lang::En).is_empty() && !text(msg, Lang::Zh).is_empty(), "{msg:?}");
            assert_ne!(text(msg, Lang::En), text(msg, Lang::Zh), "{msg:?}");
        }
    }
}
