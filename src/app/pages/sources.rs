//! `#/sources` and `#/sources/<id>`: every source, its kind and date, and what it supports.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{last_checked, supports};
use super::super::router::source_anchor;
use super::super::state::content;
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn sources_page(lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let c = content();
    let items = c
        .sources
        .iter()
        .map(|s| {
            let kind = match s.kind.as_str() {
                "official" => t(Msg::KindOfficial),
                "official-excerpt" => t(Msg::KindExcerpt),
                _ => t(Msg::KindSecondary),
            };
            let date = if s.date == "unknown" { t(Msg::DateUnknown) } else { s.date.as_str() };
            let backs = supports(c, &s.id).into_iter().map(|x| view! { <li>{x.get(lang)}</li> }).collect_view();
            view! {
                <li class="source" id=source_anchor(&s.id) tabindex="-1">
                    <h3>{s.title.get(lang)}</h3>
                    <p>
                        <span class="label">{t(Msg::Kind)}</span>" "<span class=format!("kind {}", s.kind)>{kind}</span>
                        " · "<span class="label">{t(Msg::Date)}</span>" "{date}
                    </p>
                    <p><span class="label">{t(Msg::Publisher)}</span>" "{s.publisher.clone()}</p>
                    {s.note.as_ref().map(|n| view! { <p class="hint">{n.get(lang)}</p> })}
                    <details>
                        <summary>{t(Msg::Supports)}</summary>
                        <ul>{backs}</ul>
                    </details>
                    {s.address.as_ref().filter(|a| a.starts_with("https://") || a.starts_with("http://")).map(|a| view! {
                        <p><a href=a.clone() rel="noopener noreferrer" target="_blank">{t(Msg::OpenSource)}</a></p>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="page-heading" tabindex="-1">{t(Msg::SourcesTitle)}</h2>
        <p>{t(Msg::SourcesIntro)}</p>
        <p class="hint">
            {fill(t(Msg::AppVersion), &[env!("CARGO_PKG_VERSION")])}" · "{fill(t(Msg::LastChecked), &[last_checked(c)])}
        </p>
        <ul class="sources">{items}</ul>
    }
    .into_any()
}
