//! The browser side: Leptos components that render what the library decides.

use leptos::prelude::*;
use passport_sos::storage::{browser, Envelope};
use wasm_bindgen::JsCast;

/// The interface language. The first visit follows the browser; a choice is remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Zh,
}

impl Locale {
    fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `lang` attributes: screen readers and the browser's font choice
    /// for Chinese depend on it.
    fn html_lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh-Hans",
        }
    }

    fn from_code(code: &str) -> Option<Locale> {
        match code {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }

    fn from_browser() -> Locale {
        let language = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        if language.to_ascii_lowercase().starts_with("zh") {
            Locale::Zh
        } else {
            Locale::En
        }
    }
}

pub fn start() {
    let Some(root) = document().get_element_by_id("app") else { return };
    leptos::mount::mount_to(root.unchecked_into(), App).forget();
}

#[component]
fn App() -> impl IntoView {
    let (saved, _note) = browser::load();
    let locale = RwSignal::new(
        saved.locale.as_deref().and_then(Locale::from_code).unwrap_or_else(Locale::from_browser),
    );
    let envelope = StoredValue::new(saved);

    Effect::new(move |_| {
        let chosen = locale.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", chosen.html_lang());
            let _ = html.set_attribute("data-locale", chosen.code());
        }
    });

    let choose = move |chosen: Locale| {
        locale.set(chosen);
        envelope.update_value(|e: &mut Envelope| e.locale = Some(chosen.code().to_string()));
        envelope.with_value(|e| browser::save(e));
    };

    view! {
        <nav class="langbar" aria-label="Language / 语言">
            <button
                type="button"
                class="secondary"
                lang="en"
                aria-pressed=move || (locale.get() == Locale::En).to_string()
                on:click=move |_| choose(Locale::En)
            >
                "English"
            </button>
            <button
                type="button"
                class="secondary"
                lang="zh-Hans"
                aria-pressed=move || (locale.get() == Locale::Zh).to_string()
                on:click=move |_| choose(Locale::Zh)
            >
                "中文"
            </button>
        </nav>
    }
}
