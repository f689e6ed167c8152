//! Moving progress between a browser tab and the installed app, which on iOS do not share
//! storage: a transfer code to copy (or share) on one side and paste on the other.

use super::super::dom::*;
use super::super::i18n::{text, Msg};
use super::super::state::AppState;
use leptos::prelude::*;
use passport_sos::content::Lang;
use passport_sos::storage;
use wasm_bindgen::prelude::*;

/// Whether the guide runs as the installed app (opened from the home screen).
pub fn installed() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let standalone = w.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    // iOS Safari's own flag for a home-screen app.
    let ios = web_sys::js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("standalone")).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    standalone || ios
}

/// "Copy a transfer code": copies the current progress as a code, and where the clipboard is
/// refused shows the code to select by hand.
pub fn copy_code(state: AppState, lang: Lang, id: &str) -> El {
    let t = move |m| text(m, lang);
    // None: not tried; Some(true): copied; Some(false): shown to copy by hand.
    let copied = RwSignal::new(None::<bool>);
    let code = move || state.envelope.with_untracked(storage::transfer_code);
    let copy = move |_| {
        let body = code();
        let Some(w) = web_sys::window() else { return copied.set(Some(false)) };
        let ok = Closure::once(move |_: JsValue| copied.set(Some(true)));
        let fail = Closure::once(move |_: JsValue| copied.set(Some(false)));
        let _ = w.navigator().clipboard().write_text(&body).then2(&ok, &fail);
        ok.forget();
        fail.forget();
    };
    let area_id = format!("{id}-text");
    let by_hand = region(el("div"), move || {
        if copied.get() != Some(false) {
            return vec![];
        }
        let area = el("textarea").id(&area_id).attr("readonly", "").attr("rows", "5").text(&code());
        vec![el("label").class("block").attr("for", &area_id).text(t(Msg::TransferCodeByHand)), area]
    });
    el("div")
        .class("transfer-copy")
        .child(el("p").child(button("", t(Msg::CopyTransferCode)).id(id).on("click", copy)))
        .child(status_line(move || copied.get().map(|ok| if ok { t(Msg::TransferCodeCopied) } else { t(Msg::CopyFailed) })))
        .child(by_hand)
}
