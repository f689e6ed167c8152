//! One file a screen.

pub mod card;
pub mod plan;
pub mod question;
pub mod settings;
pub mod sources;
pub mod start;
pub mod step;

use super::i18n::{text, Msg};
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn not_found(lang: Lang) -> AnyView {
    view! {
        <h2 id="page-heading" tabindex="-1">{text(Msg::NotFound, lang)}</h2>
        <p><a class="button" href="#/">{text(Msg::NavStart, lang)}</a></p>
    }
    .into_any()
}
