//! `#/sources` and `#/sources/<id>`: every source, its kind and date, and what it supports.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{last_checked, supports};
use super::super::router::source_anchor;
use super::super::state::{content, AppState};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn sources_page(state: AppState, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    // The offices' sources arrive with the directory.
    state.need_directory();
    state.directory.track();
    let items = c
        .all_sources()
        .map(|s| {
            let kind = match s.kind.as_str() {
                "official" => t(Msg::KindOfficial),
                "official-excerpt" => t(Msg::KindExcerpt),
                _ => t(Msg::KindSecondary),
            };
            let date = if s.date == "unknown" { t(Msg::DateUnknown) } else { s.date.as_str() };
            let backs = supports(c, &s.id).into_iter().map(|x| tx("li", x.get(lang))).collect();
            let web = s.address.as_ref().filter(|a| a.starts_with("https://") || a.starts_with("http://")).map(|a| {
                el("p").child(link(a, t(Msg::OpenSource)).attr("rel", "noopener noreferrer").attr("target", "_blank"))
            });
            el("li")
                .class("source")
                .id(&source_anchor(&s.id))
                .attr("tabindex", "-1")
                .child(tx("h3", s.title.get(lang)))
                .child(
                    el("p")
                        .child(ctx("span", "label", t(Msg::Kind)))
                        .text(" ")
                        .child(ctx("span", &format!("kind {}", s.kind), kind))
                        .text(" · ")
                        .child(ctx("span", "label", t(Msg::Date)))
                        .text(" ")
                        .text(date),
                )
                .child(el("p").child(ctx("span", "label", t(Msg::Publisher))).text(" ").text(&s.publisher))
                .maybe(s.checked.as_ref().map(|d| ctx("p", "hint", &fill(t(Msg::CheckedOn), &[d]))))
                .maybe(s.note.as_ref().map(|n| ctx("p", "hint", n.get(lang))))
                .child(el("details").child(tx("summary", t(Msg::Supports))).child(list("ul", "", backs)))
                .maybe(web)
        })
        .collect();
    vec![
        page_heading(t(Msg::SourcesTitle)),
        tx("p", t(Msg::SourcesIntro)),
        ctx(
            "p",
            "hint",
            &format!("{} · {}", fill(t(Msg::AppVersion), &[env!("CARGO_PKG_VERSION")]), fill(t(Msg::LastChecked), &[last_checked(c)])),
        ),
        list("ul", "sources", items),
        directory_sources(lang),
    ]
}

/// The pages each embassy and consulate entry was taken from: the links open from here, as
/// every source does, not from the plan.
fn directory_sources(lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let section = el("section").child(tx("h2", t(Msg::DirectoryTitle))).child(tx("p", t(Msg::DirectoryIntro)));
    let Some(d) = content().directory() else { return section.child(ctx("p", "hint", t(Msg::DirectoryLoading))) };
    let items = d
        .posts
        .iter()
        .map(|p| {
            let links = p
                .sources
                .iter()
                .map(|s| el("li").child(link(&s.address, &s.title).attr("rel", "noopener noreferrer").attr("target", "_blank")))
                .collect();
            let kind = if p.reliability == "official" { t(Msg::KindOfficial) } else { t(Msg::KindSecondary) };
            el("li")
                .class("source")
                .id(&source_anchor(&p.id))
                .attr("tabindex", "-1")
                .child(tx("h3", p.name.get(lang)))
                .child(el("p").child(ctx("span", "label", t(Msg::Kind))).text(" ").text(kind))
                .child(ctx("p", "hint", &fill(t(Msg::CheckedOn), &[&p.last_checked])))
                .child(list("ul", "", links))
        })
        .collect();
    section.child(list("ul", "sources", items))
}
