//! One file a screen.

pub mod card;
pub mod install;
pub mod plan;
pub mod question;
pub mod route;
pub mod settings;
pub mod sources;
pub mod start;
pub mod step;
pub mod topic;

use super::i18n::{text, Msg};
use super::dom::*;
use passport_sos::content::Lang;

pub fn not_found(lang: Lang) -> Vec<El> {
    vec![page_heading(text(Msg::NotFound, lang)), el("p").child(button_link("button", "#/", text(Msg::NavStart, lang)))]
}
