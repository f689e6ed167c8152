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
