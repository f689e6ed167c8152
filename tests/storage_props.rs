//! Property tests: whatever is in local storage or in a file a person picks, the decoder and
//! the import give a clear result or a clear refusal, never a panic, and what they accept
//! is exactly what was saved. Case counts are printed by proptest on failure; see the
//! constants below for how many run.

use passport_sos::content::Lang;
use passport_sos::engine::{self, Answers};
use passport_sos::storage::{export_text, from_unpacked, import_text, packed_code, plain_code, read_transfer_code, Envelope, ImportError, PastedCode, Progress, StepProgress, TRANSFER_PACKED, TRANSFER_PLAIN};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;

const CASES: u32 = 1_000;

fn any_text() -> impl Strategy<Value = String> {
    // Ordinary words, Chinese, markup and control characters: what a note may hold.
    prop_oneof![
        "[a-z_.]{0,24}",
        "\\PC{0,40}",
        Just("<script>alert(1)</script>".to_string()),
        Just("\"}\\u0000{".to_string()),
    ]
}

fn any_envelope() -> impl Strategy<Value = Envelope> {
    let step = (any::<bool>(), vec(any_text(), 0..4), any_text(), proptest::option::of("[0-9-]{0,12}"))
        .prop_map(|(done, checked, note, date)| StepProgress { done, checked, note, date });
    (
        proptest::option::of(prop_oneof![Just("en".to_string()), Just("zh".to_string())]),
        btree_map(any_text(), any_text(), 0..12),
        btree_map(any_text(), step, 0..8),
    )
        .prop_map(|(locale, answers, steps)| Envelope {
            locale,
            answers: Answers(answers),
            progress: Progress { steps },
            ..Envelope::new()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn saved_state_round_trips_exactly(envelope in any_envelope()) {
        prop_assert_eq!(Envelope::decode(&envelope.encode()), Ok(envelope.clone()));
        prop_assert_eq!(import_text(&export_text(&envelope)), Ok(envelope));
    }

    #[test]
    fn any_text_in_storage_decodes_or_is_refused(text in "\\PC{0,200}") {
        let _ = Envelope::decode(&text);
    }

    #[test]
    fn a_cut_or_altered_save_never_panics(envelope in any_envelope(), cut in 0usize..400, flip in 0usize..400, byte in any::<u8>()) {
        let text = envelope.encode();
        let cut_at = cut.min(text.len());
        let truncated = String::from_utf8_lossy(&text.as_bytes()[..cut_at]).into_owned();
        let _ = Envelope::decode(&truncated);
        let mut bytes = text.into_bytes();
        if !bytes.is_empty() {
            let at = flip % bytes.len();
            bytes[at] = byte;
        }
        let altered = String::from_utf8_lossy(&bytes).into_owned();
        let _ = Envelope::decode(&altered);
        if let Err(error) = import_text(&altered) {
            prop_assert!(!error.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn any_file_imports_or_is_refused_with_a_message(text in "\\PC{0,300}") {
        match import_text(&text) {
            Ok(_) => {}
            Err(error) => {
                prop_assert!(error.message(Lang::En).ends_with("Nothing was changed."));
                prop_assert!(error.message(Lang::Zh).ends_with("未作任何更改。"));
            }
        }
    }

    /// A transfer code gives back exactly what was exported, even after a chat has broken it
    /// into lines or wrapped it in spaces; it holds only characters no chat alters. Both
    /// forms: packed (zlib, here by miniz_oxide in place of the browser) and plain.
    #[test]
    fn a_transfer_code_round_trips_through_a_chat(envelope in any_envelope(), width in 20usize..80) {
        for code in [packed(&envelope), plain_code(&envelope)] {
            prop_assert!(code.starts_with(TRANSFER_PACKED) || code.starts_with(TRANSFER_PLAIN));
            prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            let wrapped: Vec<String> = code.as_bytes().chunks(width).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
            let pasted = format!("  {}\n ", wrapped.join("\r\n"));
            prop_assert_eq!(read_all(&pasted), Ok(envelope.clone()));
        }
    }

    /// A code cut short or with one character changed is refused with a message, never
    /// half-read and never a panic.
    #[test]
    fn a_damaged_transfer_code_is_refused(envelope in any_envelope(), cut in 1usize..400, at in 0usize..400, with in "[A-Za-z0-9_-]") {
        for code in [packed(&envelope), plain_code(&envelope)] {
            let body = code.len() - TRANSFER_PLAIN.len();
            let short = &code[..code.len() - cut.min(body)];
            prop_assert!(read_all(short).is_err());
            let at = TRANSFER_PLAIN.len() + at % body;
            let mut changed = code.clone().into_bytes();
            if changed[at] != with.as_bytes()[0] {
                changed[at] = with.as_bytes()[0];
                let changed = String::from_utf8(changed).unwrap();
                match read_all(&changed) {
                    // A change in the last character's unused bits can decode to the same bytes.
                    Ok(back) => prop_assert_eq!(back, envelope.clone()),
                    Err(error) => prop_assert!(error.message(Lang::En).ends_with("Nothing was changed.")),
                }
            }
        }
    }

    #[test]
    fn any_pasted_text_is_read_or_refused_with_a_message(text in "\\PC{0,300}") {
        if let Err(error) = read_all(&text) {
            prop_assert!(error.message(Lang::Zh).ends_with("未作任何更改。"));
        }
    }

    /// The engine takes whatever answers storage or a file held, known or not.
    #[test]
    fn restored_answers_of_any_shape_give_a_result(envelope in any_envelope()) {
        let outcome = engine::evaluate(passport_sos::content::bundled(), &envelope.answers);
        prop_assert!(!outcome.route.is_empty());
    }
}

#[test]
fn an_import_larger_than_the_limit_is_refused_before_parsing() {
    let five_megabytes = format!("{{\"app\":\"passport-sos-progress\",\"schema\":1,\"x\":\"{}\"}}", "a".repeat(5 << 20));
    assert_eq!(import_text(&five_megabytes), Err(ImportError::TooLarge));
}

/// Answer maps drawn from the real questions and values, `unknown`, and junk: the shapes a
/// saved state from an older or newer content version can hold.
fn any_answers() -> impl Strategy<Value = Answers> {
    let content = passport_sos::content::bundled();
    let mut keys: Vec<String> = content.questions.iter().map(|q| q.id.clone()).collect();
    keys.push("retired_question".into());
    let mut values: Vec<String> =
        content.questions.iter().flat_map(|q| q.options.iter().map(|o| o.id.clone())).collect();
    values.extend(["unknown", "US", "zz", "", "route.permit"].map(String::from));
    btree_map(proptest::sample::select(keys), proptest::sample::select(values), 0..10).prop_map(Answers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn any_answers_give_one_route_or_an_open_choice(answers in any_answers()) {
        let content = passport_sos::content::bundled();
        let outcome = engine::evaluate(content, &answers);
        if outcome.route == "route.undetermined" {
            prop_assert!(outcome.possible_routes.len() >= 2, "{:?}", outcome.possible_routes);
        } else {
            prop_assert!(content.route(outcome.route).is_some());
        }
        if outcome.route == "route.permit" {
            prop_assert_eq!(answers.get("embassy_answer"), Some("cannot_issue_in_china"));
        }
    }

    #[test]
    fn changing_an_answer_keeps_only_answers_that_still_apply(answers in any_answers(), pick in 0usize..64) {
        let content = passport_sos::content::bundled();
        let question = &content.questions[pick % content.questions.len()];
        let Some(option) = question.options.get(pick % question.options.len().max(1)) else { return Ok(()) };
        let (after, dropped) = engine::change_answer(content, &answers, &question.id, &option.id);
        // Nothing vanishes silently: every answer, the new one included (its question may not
        // apply to these answers), is kept or reported as dropped.
        let mut given = answers.0.clone();
        given.insert(question.id.clone(), option.id.clone());
        for (id, value) in &given {
            let kept = after.get(id).is_some_and(|v| v.eq_ignore_ascii_case(value));
            let reported = dropped.iter().any(|d| &d.question == id && &d.value == value);
            prop_assert!(kept || reported, "{} = {} lost", id, value);
        }
    }
}

/// What the browser does for a packed code, with miniz_oxide standing in for CompressionStream.
fn packed(envelope: &Envelope) -> String {
    packed_code(&miniz_oxide::deflate::compress_to_vec_zlib(export_text(envelope).as_bytes(), 9))
}

fn read_all(code: &str) -> Result<Envelope, ImportError> {
    match read_transfer_code(code)? {
        PastedCode::Read(envelope) => Ok(envelope),
        PastedCode::Packed(zlib) => {
            let text = miniz_oxide::inflate::decompress_to_vec_zlib(&zlib).map_err(|_| ImportError::CodeDamaged)?;
            from_unpacked(text)
        }
    }
}

#[test]
fn a_whole_walks_transfer_code_is_short_enough_for_a_chat_message() {
    let mut envelope = Envelope::new();
    for (q, v) in [("document_state", "stolen"), ("urgency", "urgent"), ("location", "chengdu"), ("age_16_plus", "yes"), ("loss_report", "certificate_in_hand"), ("embassy_contact", "yes"), ("embassy_answer", "can_reissue_passport"), ("replacement_in_hand", "no"), ("stay_document", "residence_permit"), ("exit_bar", "none"), ("nationality", "DE")] {
        envelope.answers.set(q, v);
    }
    for step in ["step.report_loss", "step.contact_embassy", "step.call_12367", "step.get_replacement"] {
        envelope.progress.steps.insert(step.into(), StepProgress { done: true, checked: vec!["bring.chengdu_photo".into(), "bring.chengdu_police_report".into()], note: "Embassy said Tuesday 10:00, counter 3.".into(), date: None });
    }
    let code = packed(&envelope);
    let file = export_text(&envelope);
    assert!(code.len() < file.len(), "the code ({}) is shorter than the file ({})", code.len(), file.len());
    assert!(code.len() < 1_000, "{} characters", code.len());
    assert_eq!(read_all(&code), Ok(envelope.clone()));
    assert!(plain_code(&envelope).len() < 2_500);
    assert_eq!(read_all("hello"), Err(ImportError::NotATransferCode));
    assert_eq!(read_all("SOS0-!!!!"), Err(ImportError::CodeDamaged));
    assert_eq!(read_all("SOS1-AAAA"), Err(ImportError::CodeDamaged));
}
