//! `#/settings`: language, moving progress to another phone, erasing everything, versions.

use super::super::i18n::{self, fill, text, Msg};
use super::super::logic::last_checked;
use super::super::state::{content, AppState};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::content::Lang;
use passport_sos::storage::{self, browser, Envelope};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn settings_page(state: AppState, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    let language = Lang::ALL
        .into_iter()
        .map(|l| {
            let name = l.own_name();
            let radio = el("input").attr("type", "radio").attr("name", "language").on("change", move |_| state.set_lang(l));
            let node = radio.input();
            bind(move || node.set_checked(state.lang.get() == l));
            el("label").class("radio").attr("lang", i18n::html_lang(l)).child(radio).text(name)
        })
        .collect();
    vec![
        page_heading(t(Msg::SettingsTitle)),
        section("", "lang-heading", t(Msg::LanguageHeading))
            .child(list("div", "radios", language).attr("role", "radiogroup").attr("aria-labelledby", "lang-heading")),
        // Its own reactive region: an import must not rebuild this page and lose its message.
        region(el("div"), move || super::super::components::kept_from_before(state, lang).into_iter().collect()),
        transfer(state, lang),
        kept(state, lang),
        erase(state, lang),
        section("", "about-heading", t(Msg::AboutHeading))
            .child(tx("p", &fill(t(Msg::AppVersion), &[env!("CARGO_PKG_VERSION")])))
            .child(tx("p", &fill(t(Msg::LastChecked), &[last_checked(c)])))
            .child(el("p").child(link("#/sources", t(Msg::SourcesTitle)))),
    ]
}

/// Whether the browser promised to keep the progress (it was asked once there was some).
fn kept(state: AppState, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let line = status_line(move || {
        Some(match state.persisted.get() {
            Some(true) => t(Msg::PersistGranted),
            Some(false) => t(Msg::PersistNotGranted),
            None => t(Msg::PersistUnknown),
        })
    });
    section("", "persist-heading", t(Msg::PersistHeading)).child(line.id("persist-status"))
}

fn erase(state: AppState, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let asking = RwSignal::new(false);
    let result = RwSignal::new(None::<Msg>);
    let confirm = move |_| {
        // With storage blocked there is nothing stored: erasing is forgetting what is in memory.
        let ok = state.memory_only() || browser::erase();
        asking.set(false);
        if ok {
            state.replace(Envelope::new());
            state.dropped.set(None);
        }
        result.set(Some(if ok { Msg::Erased } else { Msg::EraseFailed }));
    };
    let ask = region(el("div"), move || {
        if asking.get() {
            vec![el("div")
                .class("confirm")
                .attr("role", "alertdialog")
                .attr("aria-labelledby", "erase-question")
                .child(tx("p", t(Msg::EraseConfirmText)).id("erase-question"))
                .child(
                    el("p")
                        .class("actions")
                        .child(button("danger", t(Msg::EraseConfirm)).on("click", confirm))
                        .child(button("secondary", t(Msg::Cancel)).on("click", move |_| asking.set(false))),
                )]
        } else {
            vec![el("p").child(button("danger", t(Msg::EraseButton)).on("click", move |_| {
                result.set(None);
                asking.set(true)
            }))]
        }
    });
    section("", "erase-heading", t(Msg::EraseHeading))
        .child(ask)
        .child(status_line(move || result.get().map(t)))
}

fn transfer(state: AppState, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let pending = RwSignal::new(None::<Envelope>);
    let message = RwSignal::new(None::<&'static str>);
    let export = move |_| {
        let body = state.envelope.with_untracked(storage::export_text);
        download("passport-sos-progress.json", &body);
    };
    let paste_id = "transfer-code";
    let read_code = move |_| {
        pending.set(None);
        message.set(None);
        let Some(area) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(paste_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        super::super::components::transfer::read_code(&area.value(), move |read| match read {
            Ok(envelope) => pending.set(Some(envelope)),
            Err(e) => message.set(Some(e.message(lang))),
        });
    };
    let chosen = move |ev: web_sys::Event| {
        pending.set(None);
        message.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let read = Closure::once(move |v: JsValue| {
            let text = v.as_string().unwrap_or_default();
            match storage::import_text(&text) {
                Ok(envelope) => pending.set(Some(envelope)),
                Err(e) => message.set(Some(e.message(lang))),
            }
        });
        let failed = Closure::once(move |_: JsValue| message.set(Some(storage::ImportError::Damaged.message(lang))));
        let _ = file.text().then2(&read, &failed);
        read.forget();
        failed.forget();
        input.set_value("");
    };
    let confirm = move |_| {
        let Some(envelope) = pending.get_untracked() else { return };
        if let Some(l) = envelope.locale.as_deref().and_then(i18n::from_code) {
            state.lang.set(l);
        }
        state.dropped.set(None);
        state.modify(|e| *e = envelope);
        pending.set(None);
        message.set(Some(t(Msg::Imported)));
    };
    let counts = |e: &Envelope| (e.answers.0.len().to_string(), e.progress.steps.len().to_string());
    let compare = region(el("div"), move || {
        let Some(file) = pending.get() else { return vec![] };
        let (fa, fs) = counts(&file);
        let (na, ns) = state.envelope.with(counts);
        let row = |label: Msg, now: &str, new: &str| {
            el("tr").child(tx("th", t(label)).attr("scope", "row")).child(tx("td", now)).child(tx("td", new))
        };
        vec![el("div")
            .class("confirm")
            .child(tx("p", t(Msg::ImportWillReplace)))
            .child(
                el("table")
                    .class("compare")
                    .child(
                        el("thead").child(
                            el("tr")
                                .child(el("td"))
                                .child(tx("th", t(Msg::OnPhone)).attr("scope", "col"))
                                .child(tx("th", t(Msg::InFile)).attr("scope", "col")),
                        ),
                    )
                    .child(el("tbody").child(row(Msg::AnswersCount, &na, &fa)).child(row(Msg::StepRecordsCount, &ns, &fs))),
            )
            .child(
                el("p")
                    .class("actions")
                    .child(button("", t(Msg::ImportConfirm)).on("click", confirm))
                    .child(button("secondary", t(Msg::Cancel)).on("click", move |_| pending.set(None))),
            )]
    });
    section("", "transfer-heading", t(Msg::ExportHeading))
        .child(tx("p", t(Msg::ExportIntro)))
        .child(el("p").child(button("", t(Msg::ExportButton)).on("click", export)))
        .child(el("label").class("block").attr("for", "import-file").text(t(Msg::ImportButton)))
        .child(el("input").id("import-file").attr("type", "file").attr("accept", ".json,application/json").on("change", chosen))
        .child(tx("p", t(Msg::TransferIntro)))
        .child(super::super::components::transfer::copy_code(state, lang, "copy-transfer-code"))
        .child(el("label").class("block").attr("for", paste_id).text(t(Msg::PasteTransferCode)))
        .child(el("textarea").id(paste_id).attr("rows", "4").attr("autocomplete", "off").attr("spellcheck", "false"))
        .child(el("p").child(button("secondary", t(Msg::ReadTransferCode)).on("click", read_code)))
        .child(compare)
        .child(status_line(move || message.get()))
}

/// Offers a text as a file download, without any network.
fn download(name: &str, body: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoked a moment later: some browsers start the download only after the click returns.
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(5));
}
