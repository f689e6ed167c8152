//! The browser side: screens that render what the library decides, kept current by Leptos's
//! reactive graph.
//!
//! `state` holds what the person gave (the storage envelope, in signals) and derives the rest
//! with the engine; `router` reads the hash route; `pages` has one file a screen; `components`
//! the pieces they share; `dom` the small builder they are written with (it says why not
//! `view!`); `logic` the computations with no browser in them; `i18n` every interface string
//! in both languages.

mod components;
mod dom;
mod i18n;
mod logic;
mod pages;
mod router;
mod state;

use i18n::{text, Msg};
use leptos::prelude::*;
use passport_sos::content::Lang;
use router::Page;
use state::AppState;
use wasm_bindgen::JsCast;

pub fn start() {
    let Some(root) = document().get_element_by_id("app") else { return };
    // Effects run as tasks on the browser's microtask queue.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // One owner for the whole session: the state, the top bar and the screens live in it.
    let owner = Owner::new();
    owner.set();
    let state = AppState::new();
    state.keep_storage();
    // A language with a file of its own: the screens wait for it (the page's static screen is
    // already in that language meanwhile), so nothing shows in English first. The page's
    // head script has asked for the file already; offline, the service worker has it.
    let wanted = state.lang.get_untracked();
    let mount_owner = owner.clone();
    state.with_language(wanted, move |ok| {
        mount_owner.with(|| {
            if !ok {
                state.lang.set(Lang::En);
            }
            follow_page(state);
            for part in [top_bar(state), components::notices(state), screens(state)] {
                let _ = root.append_child(&part.0);
            }
        })
    });
    std::mem::forget(owner);
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
        Page::Route(_) => "route",
        Page::Topic(_) => "topic",
        Page::Install => "install",
        Page::NotFound => "notfound",
    }
}

/// Keeps `state.page` on the address's hash, and `<html lang>` on the chosen language.
fn follow_page(state: AppState) {
    state.page.set(Page::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.show(Page::parse(&current_hash()));
    });
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n::html_lang(lang));
            let _ = html.set_attribute("data-locale", i18n::code(lang));
        }
    });
}

/// The screen for the current page, built anew when the page, the language or the answers
/// change (a page reads the answers it depends on).
fn screens(state: AppState) -> dom::El {
    let host = dom::el("div").class("screen");
    let node = host.0.clone();
    let mut shown: Option<Page> = None;
    dom::bind(move || {
        let lang = state.lang.get();
        let page = state.page.get();
        let built = match &page {
            Page::Start => pages::start::start_page(state, lang),
            Page::Question(id) => pages::question::question_page(state, id, lang),
            Page::Plan => pages::plan::plan_page(state, lang),
            Page::Step(id) => pages::step::step_page(state, id, lang),
            Page::Card(id) => pages::card::card_page(state, id, lang),
            Page::Sources(_) => pages::sources::sources_page(state, lang),
            Page::Settings => pages::settings::settings_page(state, lang),
            Page::Route(id) => pages::route::route_page(state, &router::route_id(id), lang),
            Page::Topic(id) => pages::topic::topic_page(id, lang),
            Page::Install => pages::install::install_page(state, lang),
            Page::NotFound => pages::not_found(lang),
        };
        dom::replace_children(&node, built);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-page", page_kind(&page));
        }
        arrive(&page, shown.as_ref());
        shown = Some(page);
    });
    host
}

/// On a new screen its heading takes the focus (screen readers announce it) and the view starts
/// at the top; a source link scrolls to that source. Not on the first paint, and not when the
/// same screen is rebuilt for a new language or new answers.
fn arrive(page: &Page, before: Option<&Page>) {
    let moved = before.is_some_and(|p| p != page);
    let target = match page {
        Page::Sources(Some(id)) => router::source_anchor(id),
        _ if moved => "page-heading".to_string(),
        _ => return,
    };
    let Some(el) = document().get_element_by_id(&target) else { return };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return };
    if !moved {
        el.scroll_into_view();
    } else if target == "page-heading" {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        // Already at the top: letting focus() scroll as well would cost a second layout.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    } else {
        let _ = el.focus();
    }
}

/// The links to the main screens and the language switch, on every screen. Bound item by item
/// rather than rebuilt: the language button keeps the focus when it is pressed.
fn top_bar(state: AppState) -> dom::El {
    let link = |page: Page, msg: Msg| {
        let a = dom::el("a").attr("href", &page.href());
        let node = a.0.clone();
        dom::bind(move || {
            let now = state.page.get();
            let same = match (&page, &now) {
                (Page::Plan, Page::Step(_) | Page::Route(_)) => true,
                (Page::Sources(_), Page::Sources(_)) => true,
                (a, b) => a == b,
            };
            let _ = if same { node.set_attribute("aria-current", "page") } else { node.remove_attribute("aria-current") };
            node.set_text_content(Some(text(msg, state.lang.get())));
        });
        a
    };
    let nav = dom::el("nav").class("mainnav");
    let node = nav.0.clone();
    dom::bind(move || {
        let _ = node.set_attribute("aria-label", text(Msg::NavLabel, state.lang.get()));
    });
    // A native menu: one tap opens the phone's own list, which any number of languages fits,
    // each by its own name, in the room of the two buttons it replaced.
    let menu = dom::el("select")
        .class("langmenu")
        .attr("aria-label", &language_label())
        .kids(
            Lang::ALL
                .iter()
                .map(|l| dom::el("option").attr("value", l.code()).attr("lang", l.tag()).text(l.own_name()))
                .collect(),
        )
        .on("change", move |ev| {
            if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                state.set_lang(l);
            }
        });
    // Closed, the menu shows a globe and the language's short name: the select lies over
    // them, unseen, so a tap anywhere on it opens the list.
    let now = dom::el("span").class("langpick-now").attr("aria-hidden", "true");
    let (node, shown) = (menu.0.clone(), now.0.clone());
    dom::bind(move || {
        // Back to the language shown when a file could not be had.
        let lang = state.lang.get();
        state.language.track();
        if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(lang.code());
        }
        shown.set_text_content(Some(lang.info().short));
        let _ = shown.set_attribute("lang", lang.tag());
    });
    let picker = dom::el("div")
        .class("langbar langpick")
        .child(dom::el("span").class("langpick-globe").attr("aria-hidden", "true"))
        .child(now)
        .child(menu);
    // In the nav's own row, after the links: where the links leave room it shares their line.
    dom::el("div").class("topbar").child(
        nav.child(link(Page::Start, Msg::NavStart))
            .child(link(Page::Plan, Msg::NavPlan))
            .child(link(Page::Sources(None), Msg::NavSources))
            .child(link(Page::Settings, Msg::NavSettings))
            .child(picker),
    )
}

/// "Language" in every language: someone who cannot read the one shown must still find it.
fn language_label() -> String {
    let c = passport_sos::content::bundled();
    let mut names: Vec<&str> = Lang::ALL.iter().map(|l| c.message(Msg::LanguageMenu, *l)).collect();
    names.dedup();
    names.join(" · ")
}
