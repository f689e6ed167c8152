//! `#/settings`: language, moving progress to another phone, erasing everything, versions.

use super::super::i18n::{self, fill, text, Msg};
use super::super::logic::last_checked;
use super::super::state::{content, AppState};
use leptos::prelude::*;
use passport_sos::content::Lang;
use passport_sos::storage::{self, browser, Envelope};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn settings_page(state: AppState, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let c = content();
    let language = [(Lang::En, "English"), (Lang::Zh, "中文")]
        .into_iter()
        .map(|(l, name)| {
            view! {
                <label class="radio" lang=i18n::html_lang(l)>
                    <input type="radio" name="language" prop:checked=move || state.lang.get() == l on:change=move |_| state.set_lang(l) />
                    {name}
                </label>
            }
        })
        .collect_view();
    view! {
        <h2 id="page-heading" tabindex="-1">{t(Msg::SettingsTitle)}</h2>
        <section aria-labelledby="lang-heading">
            <h3 id="lang-heading">{t(Msg::LanguageHeading)}</h3>
            <div role="radiogroup" aria-labelledby="lang-heading" class="radios">{language}</div>
        </section>
        // Its own reactive scope: an import must not rebuild this page and lose its message.
        {move || super::super::components::kept_from_before(state, lang)}
        {transfer(state, lang)}
        {erase(state, lang)}
        <section aria-labelledby="about-heading">
            <h3 id="about-heading">{t(Msg::AboutHeading)}</h3>
            <p>{fill(t(Msg::AppVersion), &[env!("CARGO_PKG_VERSION")])}</p>
            <p>{fill(t(Msg::LastChecked), &[last_checked(c)])}</p>
            <p><a href="#/sources">{t(Msg::SourcesTitle)}</a></p>
        </section>
    }
    .into_any()
}

fn erase(state: AppState, lang: Lang) -> AnyView {
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
    view! {
        <section aria-labelledby="erase-heading">
            <h3 id="erase-heading">{t(Msg::EraseHeading)}</h3>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="erase-question">
                        <p id="erase-question">{t(Msg::EraseConfirmText)}</p>
                        <p class="actions">
                            <button type="button" class="danger" on:click=confirm>{t(Msg::EraseConfirm)}</button>
                            <button type="button" class="secondary" on:click=move |_| asking.set(false)>{t(Msg::Cancel)}</button>
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p><button type="button" class="danger" on:click=move |_| { result.set(None); asking.set(true) }>{t(Msg::EraseButton)}</button></p>
                }
                .into_any()
            }}
            <p role="status">{move || result.get().map(t)}</p>
        </section>
    }
    .into_any()
}

fn transfer(state: AppState, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let pending = RwSignal::new(None::<Envelope>);
    let message = RwSignal::new(None::<&'static str>);
    let export = move |_| {
        let body = state.envelope.with_untracked(storage::export_text);
        download("passport-sos-progress.json", &body);
    };
    let chosen = move |ev: leptos::ev::Event| {
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
    view! {
        <section aria-labelledby="transfer-heading">
            <h3 id="transfer-heading">{t(Msg::ExportHeading)}</h3>
            <p>{t(Msg::ExportIntro)}</p>
            <p><button type="button" on:click=export>{t(Msg::ExportButton)}</button></p>
            <label class="block" for="import-file">{t(Msg::ImportButton)}</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=chosen />
            {move || pending.get().map(|file| {
                let (fa, fs) = counts(&file);
                let (na, ns) = state.envelope.with(counts);
                view! {
                    <div class="confirm">
                        <p>{t(Msg::ImportWillReplace)}</p>
                        <table class="compare">
                            <thead><tr><td></td><th scope="col">{t(Msg::OnPhone)}</th><th scope="col">{t(Msg::InFile)}</th></tr></thead>
                            <tbody>
                                <tr><th scope="row">{t(Msg::AnswersCount)}</th><td>{na}</td><td>{fa}</td></tr>
                                <tr><th scope="row">{t(Msg::StepRecordsCount)}</th><td>{ns}</td><td>{fs}</td></tr>
                            </tbody>
                        </table>
                        <p class="actions">
                            <button type="button" on:click=confirm>{t(Msg::ImportConfirm)}</button>
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>{t(Msg::Cancel)}</button>
                        </p>
                    </div>
                }
            })}
            <p role="status">{move || message.get()}</p>
        </section>
    }
    .into_any()
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
