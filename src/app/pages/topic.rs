//! `#/topics/<topic>`: help beside the plan, such as what to block when the phone went with the
//! passport. Every section cites its sources; the numbers are tap-to-call.

use super::super::components::source_links;
use super::super::i18n::{text, Msg};
use super::super::logic::tel_href;
use super::super::state::content;
use super::super::dom::*;
use passport_sos::content::Lang;

pub fn topic_page(id: &str, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let Some(topic) = content().topic(id) else { return super::not_found(lang) };
    let mut out = vec![page_heading(topic.title.get(lang)), tx("p", topic.intro.get(lang))];
    for sec in &topic.sections {
        let phones: Vec<El> = sec
            .phone
            .iter()
            .map(|p| {
                el("li")
                    .child(ctx("a", "tel", &p.number).attr("href", &tel_href(&p.number)))
                    .text(" ")
                    .child(tx("span", p.label.get(lang)))
                    .child(source_links(&p.sources, lang))
            })
            .collect();
        let heading = format!("topic-{}", sec.id);
        out.push(
            section("topic-section", &heading, sec.title.get(lang))
                .child(tx("p", sec.body.get(lang)))
                .maybe((!phones.is_empty()).then(|| list("ul", "phones", phones)))
                .child(source_links(&sec.sources, lang)),
        );
    }
    out.push(el("p").class("actions").child(button_link("button secondary", "#/", &format!("← {}", t(Msg::NavStart)))));
    out
}
