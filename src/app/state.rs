//! The app's state: what the person gave (kept in the storage envelope) and the signals the
//! screens read. Everything else is derived with `engine::evaluate` when it is needed.

use super::i18n::{self, Msg};
use super::router::Page;
use leptos::prelude::*;
use std::sync::Arc;
use passport_sos::content::{self, Content, Lang};
use passport_sos::engine::{self, Answers, Dropped, Outcome};
use passport_sos::storage::{browser, browser::LoadNote, DecodeError, Envelope, StepProgress};

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub page: RwSignal<Page>,
    pub envelope: RwSignal<Envelope>,
    /// The answers alone, so the plan is rebuilt only when an answer changes, not on a tick.
    pub answers: Memo<Answers>,
    /// The engine's result for the current answers, computed once per change of answers and
    /// shared by every component that shows part of it.
    pub result: Memo<Arc<Outcome<'static>>>,
    /// A sentence about storage to show on every screen, if any.
    pub storage_note: RwSignal<Option<Msg>>,
    /// Answers dropped by the last change, and the page where to say so.
    pub dropped: RwSignal<Option<(Vec<Dropped>, Page)>>,
    /// Whether the browser promised to keep the saved state (`navigator.storage.persisted`);
    /// `None` where the browser does not say.
    pub persisted: RwSignal<Option<bool>>,
    /// The directory file (countries, places, embassies): fetched the first time a screen
    /// needs it, so the first visit does not pay for it.
    pub directory: RwSignal<DirectoryLoad>,
    /// A language whose file is on its way, or could not be had.
    pub language: RwSignal<LanguageLoad>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageLoad {
    Idle,
    Loading(Lang),
    Failed(Lang),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectoryLoad {
    NotNeeded,
    Loading,
    Ready,
    /// Why it could not be had (offline before it was ever cached, a damaged file).
    Failed(String),
}

pub fn content() -> &'static Content {
    content::bundled()
}


impl AppState {
    pub fn new() -> AppState {
        let (saved, note) = browser::load();
        let lang = saved.locale.as_deref().and_then(i18n::from_code).unwrap_or_else(page_lang);
        let storage_note = match note {
            LoadNote::KeptAside(DecodeError::NewerSchema(_)) => Some(Msg::NoteNewerSchema),
            LoadNote::KeptAside(_) => Some(Msg::NoteKeptAside),
            LoadNote::Unavailable => Some(Msg::NoteUnavailable),
            LoadNote::Fresh | LoadNote::Restored => None,
        };
        let envelope = RwSignal::new(saved);
        let answers = Memo::new(move |_| envelope.with(|e| e.answers.clone()));
        let directory = RwSignal::new(DirectoryLoad::NotNeeded);
        let state = AppState {
            lang: RwSignal::new(lang),
            page: RwSignal::new(Page::Start),
            envelope,
            answers,
            // A new answer map always gives a new result; comparing outcomes would cost more
            // than it saves.
            result: Memo::new_with_compare(
                move |_| {
                    // Evaluated again once the directory arrives: a place then counts as its city.
                    directory.track();
                    Arc::new(answers.with(|a| engine::evaluate(content(), a)))
                },
                |_, _| true,
            ),
            storage_note: RwSignal::new(storage_note),
            dropped: RwSignal::new(None),
            persisted: RwSignal::new(None),
            directory,
            language: RwSignal::new(LanguageLoad::Idle),
        };
        // Saved answers that name a country or a place need it for the plan.
        if answers.with_untracked(|a| a.get("nationality").is_some() || a.get(content::LOCATION).is_some()) {
            state.need_directory();
        }
        state
    }

    /// Starts fetching the directory unless it is here or on its way. Its file name (hashed)
    /// is in `<meta name="sos-directory">`; offline, the service worker has it.
    pub fn need_directory(&self) {
        if content().directory().is_some() {
            if self.directory.get_untracked() != DirectoryLoad::Ready {
                self.directory.set(DirectoryLoad::Ready);
            }
            return;
        }
        if matches!(self.directory.get_untracked(), DirectoryLoad::Loading | DirectoryLoad::Ready) {
            return;
        }
        self.directory.set(DirectoryLoad::Loading);
        let signal = self.directory;
        fetch_bytes(&directory_url(), move |got| {
            let next = match got.and_then(|bytes| content::Directory::from_bundle(&bytes)) {
                Ok(d) => {
                    content().set_directory(d);
                    DirectoryLoad::Ready
                }
                Err(e) => DirectoryLoad::Failed(e),
            };
            signal.set(next);
        });
    }

    /// Reads whether storage is persistent and, once there is progress to lose, asks the
    /// browser to keep it (once a session; a browser that said no is not asked again).
    pub fn keep_storage(&self) {
        let persisted = self.persisted;
        storage_call("persisted", move |granted| persisted.set(Some(granted)));
        let answers = self.answers;
        Effect::new(move |asked: Option<bool>| {
            if asked == Some(true) || answers.with(|a| a.0.is_empty()) || persisted.get_untracked() == Some(true) {
                return asked.unwrap_or(false);
            }
            storage_call("persist", move |granted| persisted.set(Some(granted)));
            true
        });
    }


    /// True when storage was blocked at start: the session lives in memory only, and is never
    /// written over what storage may hold but could not be read.
    pub fn memory_only(&self) -> bool {
        self.storage_note.get_untracked() == Some(Msg::NoteUnavailable)
    }

    /// Changes the saved state and writes it; says so on screen when it could not be kept,
    /// and again when a later write succeeds.
    pub fn modify(&self, change: impl FnOnce(&mut Envelope)) {
        self.envelope.update(change);
        if self.memory_only() {
            return;
        }
        let note = self.storage_note.get_untracked();
        let next = match (self.envelope.with_untracked(browser::save), note) {
            (false, _) => Some(Msg::NoteNotSaved),
            (true, Some(Msg::NoteNotSaved)) => Some(Msg::NoteSavedAgain),
            (true, Some(Msg::NoteSavedAgain)) => None,
            (true, other) => other,
        };
        if next != note {
            self.storage_note.set(next);
        }
    }

    /// Shows the guide in `lang`, after fetching its file if it has one not yet here.
    pub fn set_lang(&self, lang: Lang) {
        let state = *self;
        self.with_language(lang, move |ok| {
            if ok {
                state.lang.set(lang);
                state.modify(|e| e.locale = Some(i18n::code(lang).to_string()));
            }
        });
    }

    /// Makes `lang`'s texts available, then calls `done` (with false if they could not be
    /// had: the notice says so, and the guide stays in the language it was in).
    pub fn with_language(&self, lang: Lang, done: impl FnOnce(bool) + 'static) {
        if content::lang::ready(lang) {
            self.language.set(LanguageLoad::Idle);
            return done(true);
        }
        self.language.set(LanguageLoad::Loading(lang));
        let signal = self.language;
        fetch_bytes(&language_url(lang), move |got| match got.and_then(|b| content::lang::table_from_bytes(&b)) {
            Ok(table) => {
                content::lang::install(lang, table);
                signal.set(LanguageLoad::Idle);
                done(true)
            }
            Err(_) => {
                signal.set(LanguageLoad::Failed(lang));
                done(false)
            }
        });
    }

    /// Records an answer, drops what no longer applies, and goes to the next question (or the
    /// plan when none is left).
    pub fn answer(&self, question: &str, value: &str) {
        let c = content();
        let before = self.envelope.with_untracked(|e| e.answers.clone());
        let (after, dropped) = engine::change_answer(c, &before, question, value);
        let next = match engine::evaluate(c, &after).next_question {
            Some(q) => Page::Question(q.to_string()),
            None => Page::Plan,
        };
        self.modify(|e| e.answers = after);
        self.dropped.set(if dropped.is_empty() { None } else { Some((dropped, next.clone())) });
        self.go(next);
    }

    /// Shows a page now, in the same task as the tap, and records it in the address (a new
    /// history entry, so the browser's Back returns here). Waiting for `hashchange` would let
    /// the browser paint the old screen once more first.
    pub fn go(&self, page: Page) {
        navigate(&page);
        self.show(page);
    }

    /// Shows a page unless it is already shown (the `hashchange` after `go` finds it is).
    pub fn show(&self, page: Page) {
        if self.page.with_untracked(|now| *now != page) {
            self.page.set(page);
        }
    }

    pub fn step_progress(&self, step: &str, change: impl FnOnce(&mut StepProgress)) {
        self.modify(|e| change(e.progress.steps.entry(step.to_string()).or_default()));
    }

    /// Replaces everything (after an import or an erase).
    pub fn replace(&self, envelope: Envelope) {
        self.envelope.set(envelope);
    }

    pub fn outcome(&self) -> Arc<Outcome<'static>> {
        self.result.get()
    }
}

/// Calls `navigator.storage.persist()` or `.persisted()` where the browser has them (not on an
/// insecure origin, not in old browsers) and hands the answer on.
fn storage_call(method: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::js_sys::{Function, Promise, Reflect};
    let Some(w) = web_sys::window() else { return };
    let Ok(storage) = Reflect::get(&w.navigator(), &JsValue::from_str("storage")) else { return };
    if storage.is_undefined() || storage.is_null() {
        return;
    }
    let Ok(f) = Reflect::get(&storage, &JsValue::from_str(method)).and_then(|f| f.dyn_into::<Function>()) else { return };
    let Ok(promise) = f.call0(&storage).and_then(|p| p.dyn_into::<Promise>()) else { return };
    let ok = Closure::once(move |v: JsValue| done(v.as_bool().unwrap_or(false)));
    let fail = Closure::once(|_: JsValue| {});
    let _ = promise.then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

fn directory_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=sos-directory]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "directory.postcard".to_string())
}

/// GETs a same-origin file and hands on its bytes, or why there are none.
fn fetch_bytes(url: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    use super::components::settle;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::{ArrayBuffer, Function, Promise, Reflect, Uint8Array};
    let Some(w) = web_sys::window() else { return done(Err("no window".into())) };
    settle(w.fetch_with_str(url), move |response| {
        let r = match response {
            Ok(r) => r,
            Err(e) => return done(Err(e.as_string().unwrap_or_else(|| "the network request failed".into()))),
        };
        let ok = Reflect::get(&r, &JsValue::from_str("ok")).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        let body = Reflect::get(&r, &JsValue::from_str("arrayBuffer"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&r).ok())
            .and_then(|p| p.dyn_into::<Promise>().ok());
        match (ok, body) {
            (true, Some(p)) => settle(p, move |b| {
                done(match b.ok().and_then(|b| b.dyn_into::<ArrayBuffer>().ok()) {
                    Some(b) => Ok(Uint8Array::new(&b).to_vec()),
                    None => Err("the file could not be read".into()),
                })
            }),
            _ => done(Err("the server did not send the file".into())),
        }
    });
}

/// A language's file, by the hashed name the build wrote into `<meta name="sos-lang-ko">`.
fn language_url(lang: Lang) -> String {
    let code = lang.code();
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name=sos-lang-{code}]")).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| format!("lang-{code}.postcard"))
}

/// On a first visit: the language the page chose before the app arrived (its head script
/// reads `navigator.languages` so the static screen is already in it), else the browser's.
fn page_lang() -> Lang {
    let chosen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-locale"))
        .and_then(|code| Lang::from_code(&code));
    chosen.unwrap_or_else(|| {
        let languages: Vec<String> = web_sys::window()
            .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        Lang::from_browser(&languages)
    })
}

/// Goes to a page: a new history entry, so the browser's Back returns here.
pub fn navigate(page: &Page) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&page.href());
    }
}
