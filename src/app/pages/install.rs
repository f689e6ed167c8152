//! `#/install`: adding the guide to the home screen, for the browsers people in China have, and
//! the browser's own install prompt where it offers one. Installed, the guide opens from the
//! home screen with no network.

use super::super::components::transfer;
use super::super::dom::*;
use super::super::i18n::{text, Msg};
use super::super::state::AppState;
use leptos::prelude::*;
use passport_sos::content::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `beforeinstallprompt` event shell.js kept (it fires before the app starts).
fn kept_prompt() -> Option<JsValue> {
    let w = web_sys::window()?;
    let p = web_sys::js_sys::Reflect::get(&w, &JsValue::from_str("__sosInstallPrompt")).ok()?;
    (!p.is_undefined() && !p.is_null()).then_some(p)
}

pub fn install_page(state: AppState, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let mut out = vec![page_heading(t(Msg::InstallTitle))];
    if transfer::installed() {
        out.push(ctx("p", "notice", t(Msg::InstallDone)).id("install-done"));
        return out;
    }
    out.push(tx("p", t(Msg::InstallWhy)));
    // The browser's own prompt, where it has one (Chrome and Edge on Android): one tap.
    let offered = RwSignal::new(kept_prompt().is_some());
    let listener = window_event_listener_untyped("sos-installable", move |_| offered.set(true));
    on_cleanup(move || listener.remove());
    let install = move |_| {
        let Some(p) = kept_prompt() else { return };
        let prompt = web_sys::js_sys::Reflect::get(&p, &JsValue::from_str("prompt")).ok().and_then(|f| f.dyn_into::<web_sys::js_sys::Function>().ok());
        if let Some(prompt) = prompt {
            let _ = prompt.call0(&p);
        }
        // A prompt can be shown once.
        if let Some(w) = web_sys::window() {
            let _ = web_sys::js_sys::Reflect::delete_property(&w, &JsValue::from_str("__sosInstallPrompt"));
        }
        offered.set(false);
    };
    out.push(region(el("div"), move || {
        if offered.get() {
            vec![el("p").child(button("big", t(Msg::InstallNow)).id("install-now").on("click", install))]
        } else {
            vec![]
        }
    }));
    let how = |heading: Msg, body: Msg, id: &str| section("install-how", id, t(heading)).child(tx("p", t(body)));
    out.push(how(Msg::InstallIosHeading, Msg::InstallIos, "install-ios"));
    out.push(el("div").class("notice before-install").child(tx("p", t(Msg::BeforeInstalling))).child(transfer::copy_code(state, lang, "install-transfer-code")));
    out.push(how(Msg::InstallAndroidHeading, Msg::InstallAndroid, "install-android"));
    out.push(how(Msg::InstallChinaHeading, Msg::InstallChina, "install-china"));
    out.push(how(Msg::InstallInAppHeading, Msg::InstallInApp, "install-inapp"));
    out.push(el("p").class("actions").child(button_link("button secondary", "#/", &format!("← {}", t(Msg::NavStart)))));
    out
}
