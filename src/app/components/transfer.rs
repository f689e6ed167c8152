//! Moving progress between a browser tab and the installed app, which on iOS do not share
//! storage: a transfer code to copy (or share) on one side and paste on the other.

use super::super::dom::*;
use super::settle;
use super::super::i18n::{text, Msg};
use super::super::state::AppState;
use leptos::prelude::*;
use passport_sos::content::Lang;
use passport_sos::storage;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the guide runs as the installed app (opened from the home screen).
pub fn installed() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let standalone = w.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    // iOS Safari's own flag for a home-screen app.
    let ios = web_sys::js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("standalone")).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    standalone || ios
}

/// shell.js's zlib through the browser's CompressionStream; `None` where there is none.
fn zlib(bytes: &[u8], inflate: bool) -> Option<web_sys::js_sys::Promise> {
    use web_sys::js_sys::{Function, Promise, Reflect, Uint8Array};
    let w = web_sys::window()?;
    let f = Reflect::get(&w, &JsValue::from_str("__sosZlib")).ok()?.dyn_into::<Function>().ok()?;
    let input = Uint8Array::from(bytes);
    f.call2(&w, &input, &JsValue::from_bool(inflate)).ok()?.dyn_into::<Promise>().ok()
}

fn bytes_of(v: &JsValue) -> Vec<u8> {
    web_sys::js_sys::Uint8Array::new(v).to_vec()
}


/// The transfer code for the saved state: packed by the browser where it can, else plain.
pub fn make_code(envelope: &storage::Envelope, done: impl FnOnce(String) + 'static) {
    let plain = storage::plain_code(envelope);
    match zlib(storage::export_text(envelope).as_bytes(), false) {
        None => done(plain),
        Some(p) => settle(p, move |r| done(r.map(|v| storage::packed_code(&bytes_of(&v))).unwrap_or(plain))),
    }
}

/// Reads a pasted code into an envelope, unpacking it through the browser when packed.
pub fn read_code(code: &str, done: impl FnOnce(Result<storage::Envelope, storage::ImportError>) + 'static) {
    let zlib_bytes = match storage::read_transfer_code(code) {
        Ok(storage::PastedCode::Read(envelope)) => return done(Ok(envelope)),
        Ok(storage::PastedCode::Packed(bytes)) => bytes,
        Err(e) => return done(Err(e)),
    };
    match zlib(&zlib_bytes, true) {
        None => done(Err(storage::ImportError::CodeNeedsNewerBrowser)),
        Some(p) => settle(p, move |r| done(r.map_err(|_| storage::ImportError::CodeDamaged).and_then(|v| storage::from_unpacked(bytes_of(&v))))),
    }
}

/// "Copy a transfer code": copies the current progress as a code, and where the clipboard is
/// refused shows the code to select by hand.
pub fn copy_code(state: AppState, lang: Lang, id: &str) -> El {
    let t = move |m| text(m, lang);
    // None: not tried; Some(true): copied; Some(false): shown to copy by hand.
    let copied = RwSignal::new(None::<bool>);
    // Made ahead, whenever the progress changes: compressing is asynchronous, and Safari lets
    // the clipboard be written only in the tap's own task.
    let code = RwSignal::new(String::new());
    Effect::new(move |_| state.envelope.with(|e| make_code(e, move |c| code.set(c))));
    let copy = move |_| {
        let body = code.get_untracked();
        if body.is_empty() {
            return copied.set(Some(false));
        }
        super::write_clipboard(&body, copied);
    };
    let area_id = format!("{id}-text");
    let by_hand = region(el("div"), move || {
        if copied.get() != Some(false) {
            return vec![];
        }
        let area = el("textarea").id(&area_id).attr("readonly", "").attr("rows", "5").text(&code.get());
        vec![el("label").class("block").attr("for", &area_id).text(t(Msg::TransferCodeByHand)), area]
    });
    el("div")
        .class("transfer-copy")
        .child(el("p").child(button("", t(Msg::CopyTransferCode)).id(id).on("click", copy)))
        .child(status_line(move || copied.get().map(|ok| if ok { t(Msg::TransferCodeCopied) } else { t(Msg::CopyFailed) })))
        .child(by_hand)
}
