//! The browser side: Leptos components that render what the library decides.
//!
//! `state` holds what the person gave (the storage envelope) and derives the rest with the
//! engine; `router` reads the hash route; `pages` has one file a screen; `components` the
//! pieces they share; `logic` the computations with no browser in them; `i18n` every
//! interface string in both languages.

mod components;
mod i18n;
mod logic;
mod pages;
mod router;
mod state;

use i18n::{text, Msg};
use leptos::prelude::*;
use passport_sos::content::Lang;
use router::Page;
use state::{use_state, AppState};
use wasm_bindgen::JsCast;

pub fn start() {
    let Some(root) = document().get_element_by_id("app") else { return };
    leptos::mount::mount_to(root.unchecked_into(), App).forget();
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// A name for the page kind, set on `<html data-page>` so the style can make the header
/// compact away from the start screen and hide it behind a counter card.
fn page_kind(page: &Page) -> &'static str {
    match page {
        Page::Start => "start",
        Page::Question(_) => "question",
        Page::Plan => "plan",
        Page::Step(_) => "step",
        Page::Card(_) => "card",
        Page::Sources(_) => "sources",
        Page::Settings => "settings",
        Page::NotFound => "notfound",
    }
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.page.set(Page::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.page.set(Page::parse(&current_hash()));
    });
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n::html_lang(lang));
            let _ = html.set_attribute("data-locale", i18n::code(lang));
        }
    });

    // A new screen: its heading takes the focus (screen readers announce it) and the view
    // starts at the top; a source link scrolls to that source. Not on the first paint.
    Effect::new(move |previous: Option<Page>| {
        let page = state.page.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-page", page_kind(&page));
        }
        if previous.is_some_and(|p| p != page) {
            let target = match &page {
                Page::Sources(Some(id)) => router::source_anchor(id),
                _ => "page-heading".to_string(),
            };
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&target) {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        if target == "page-heading" {
                            window().scroll_to_with_x_and_y(0.0, 0.0);
                        }
                        let _ = el.focus();
                    }
                }
            });
        } else if let Page::Sources(Some(id)) = &page {
            let target = router::source_anchor(id);
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&target) {
                    el.scroll_into_view();
                }
            });
        }
        page
    });

    let screen = move || {
        let lang = state.lang.get();
        match state.page.get() {
            Page::Start => pages::start::start_page(state, lang),
            Page::Question(id) => pages::question::question_page(state, &id, lang),
            Page::Plan => pages::plan::plan_page(state, lang),
            Page::Step(id) => pages::step::step_page(state, &id, lang),
            Page::Card(id) => pages::card::card_page(state, &id, lang),
            Page::Sources(_) => pages::sources::sources_page(lang),
            Page::Settings => pages::settings::settings_page(state, lang),
            Page::NotFound => pages::not_found(lang),
        }
    };

    view! {
        <TopBar/>
        <components::Notices/>
        <div class="screen">{screen}</div>
    }
}

/// The links to the main screens and the language switch, on every screen.
#[component]
fn TopBar() -> impl IntoView {
    let state: AppState = use_state();
    let link = move |page: Page, msg: Msg| {
        let href = page.href();
        let current = move || {
            let now = state.page.get();
            let same = match (&page, &now) {
                (Page::Plan, Page::Step(_)) => true,
                (Page::Sources(_), Page::Sources(_)) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        };
        view! { <a href=href aria-current=current>{move || text(msg, state.lang.get())}</a> }
    };
    let choose = move |lang: Lang| state.set_lang(lang);
    view! {
        <div class="topbar">
            <nav class="mainnav" aria-label=move || text(Msg::NavLabel, state.lang.get())>
                {link(Page::Start, Msg::NavStart)}
                {link(Page::Plan, Msg::NavPlan)}
                {link(Page::Sources(None), Msg::NavSources)}
                {link(Page::Settings, Msg::NavSettings)}
            </nav>
            <div class="langbar" role="group" aria-label="Language / 语言">
                <button
                    type="button"
                    class="secondary"
                    lang="en"
                    aria-pressed=move || (state.lang.get() == Lang::En).to_string()
                    on:click=move |_| choose(Lang::En)
                >
                    "English"
                </button>
                <button
                    type="button"
                    class="secondary"
                    lang="zh-Hans"
                    aria-pressed=move || (state.lang.get() == Lang::Zh).to_string()
                    on:click=move |_| choose(Lang::Zh)
                >
                    "中文"
                </button>
            </div>
        </div>
    }
}
