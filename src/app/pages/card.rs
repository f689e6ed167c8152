//! `#/card/<step>`: a full-screen card to show an officer or a taxi driver: the Chinese
//! sentence large, its English meaning small, and the offices' Chinese names and addresses.

use super::super::i18n::{text, Msg};
use super::super::logic::tel_href;
use super::super::router::step_href;
use super::super::state::{content, AppState};
use super::super::dom::*;
use passport_sos::content::directory::Post;
use passport_sos::content::{Lang, Office};
use passport_sos::engine::Embassy;

use super::super::components::step::CONTACT_EMBASSY;

pub fn card_page(state: AppState, id: &str, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    let Some(def) = c.step(id) else { return super::not_found(lang) };
    let outcome = state.outcome();
    // The sentence worded for this person's answers (damaged is not "lost", urgent only if urgent).
    let sentence = outcome.step(id).map_or(&def.officer_sentence, |s| s.officer_sentence);
    let offices: Vec<&'static Office> = outcome
        .step(id)
        .map(|s| s.offices.iter().filter_map(|o| c.office(o)).collect())
        .unwrap_or_default();
    let zh = |class: &str, text: &str| ctx("p", class, text).attr("lang", "zh-Hans");
    let en = |text: &str| ctx("p", "card-en", text).attr("lang", "en");
    // The embassy step's card: the embassy or consulate, its Chinese name and address.
    let posts: Vec<&'static Post> = match (&outcome.embassy, c.directory()) {
        _ if id != CONTACT_EMBASSY => Vec::new(),
        (Embassy::Covering { post }, Some(d)) => d.post(post).into_iter().collect(),
        (Embassy::All { posts }, Some(d)) => posts.iter().filter_map(|p| d.post(p)).collect(),
        _ => Vec::new(),
    };
    let places: Vec<El> = if !posts.is_empty() {
        posts
            .into_iter()
            .map(|p| {
                let mut place = el("section")
                    .class("card-place")
                    .child(ctx("p", "card-label", t(Msg::ForTaxi)))
                    .child(el("p").class("card-zh-mid").attr("lang", "zh-Hans").child(tx("strong", &p.name.zh)))
                    .child(en(&p.name.en));
                if let Some(a) = &p.address {
                    place = place.child(zh("card-zh-mid", &a.zh)).maybe((!a.en.is_empty()).then(|| en(&a.en)));
                } else if let Some(n) = &p.address_note {
                    place = place.child(zh("card-en", &n.zh)).child(en(&n.en));
                }
                if !p.phone.is_empty() {
                    let phones = p
                        .phone
                        .iter()
                        .map(|x| el("li").child(ctx("a", "tel", &x.number).attr("href", &tel_href(&x.number))).text(" ").text(x.label.get(lang)))
                        .collect();
                    place = place.child(list("ul", "phones", phones));
                }
                place
            })
            .collect()
    } else if offices.is_empty() {
        vec![el("section").class("card-place").child(zh("card-zh-mid", &def.where_.zh)).child(en(&def.where_.en))]
    } else {
        offices
            .into_iter()
            .map(|o| {
                let mut place = el("section")
                    .class("card-place")
                    .child(ctx("p", "card-label", t(Msg::ForTaxi)))
                    .child(el("p").class("card-zh-mid").attr("lang", "zh-Hans").child(tx("strong", &o.name.zh)))
                    .child(en(&o.name.en));
                if let Some(a) = &o.address {
                    place = place.child(zh("card-zh-mid", &a.zh)).child(en(&a.en));
                } else if let Some(n) = &o.address_note {
                    place = place.child(zh("card-en", &n.zh)).child(en(&n.en));
                }
                if let Some(h) = &o.hours {
                    place = place.child(
                        el("p")
                            .class("card-en")
                            .child(ctx("span", "label", &format!("{}: ", t(Msg::Hours))))
                            .child(tx("span", &h.zh).attr("lang", "zh-Hans"))
                            .text(" · ")
                            .child(tx("span", &h.en).attr("lang", "en")),
                    );
                }
                if !o.phone.is_empty() {
                    let phones = o.phone.iter().map(|p| el("li").child(ctx("a", "tel", &p.number).attr("href", &tel_href(&p.number)))).collect();
                    place = place.child(list("ul", "phones", phones));
                }
                place
            })
            .collect()
    };
    vec![el("div")
        .class("card")
        .child(page_heading(&format!("{} · {}", t(Msg::CardTitle), def.title.get(lang))).class("card-title"))
        .child(zh("card-zh", &sentence.zh))
        .child(ctx("p", "card-label", t(Msg::CardMeaning)))
        .child(en(&sentence.en))
        .kids(places)
        .child(el("p").class("card-actions").child(button_link("button", &step_href(id), t(Msg::CardClose))))]
}
