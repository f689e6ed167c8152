//! `#/card/<step>`: a full-screen card to show an officer or a taxi driver: the Chinese
//! sentence large, its English meaning small, and the offices' Chinese names and addresses.

use super::super::i18n::{text, Msg};
use super::super::logic::tel_href;
use super::super::router::step_href;
use super::super::state::{content, AppState};
use super::super::dom::*;
use passport_sos::content::directory::Post;
use passport_sos::content::{Lang, Office, Text};
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
    // What the Chinese says, in the reader's language (in English beside a Chinese screen,
    // for whoever the person shows it to).
    let meaning_in = if lang == Lang::Zh { Lang::En } else { lang };
    let meaning = |text: &Text| ctx("p", "card-en", text.get(meaning_in)).attr("lang", meaning_in.tag());
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
                let phones = p.phone.iter().map(|x| (x.number.as_str(), Some(&x.label))).collect();
                taxi_card(&p.name, p.address.as_ref(), p.address_note.as_ref(), p.hours.as_ref(), phones, lang)
            })
            .collect()
    } else if offices.is_empty() {
        vec![el("section").class("card-place").child(zh("card-zh-mid", &def.where_.zh)).child(meaning(&def.where_))]
    } else {
        offices
            .into_iter()
            .map(|o| {
                let phones = o.phone.iter().map(|x| (x.number.as_str(), None)).collect();
                taxi_card(&o.name, o.address.as_ref(), o.address_note.as_ref(), o.hours.as_ref(), phones, lang)
            })
            .collect()
    };
    vec![el("div")
        .class("card")
        .child(page_heading(&format!("{} · {}", t(Msg::CardTitle), def.title.get(lang))).class("card-title"))
        .child(zh("card-zh", &sentence.zh))
        .child(ctx("p", "card-label", t(Msg::CardMeaning)))
        .child(meaning(sentence))
        .kids(places)
        .child(el("p").class("card-actions").child(button_link("button", &step_href(id), t(Msg::CardClose))))]
}

/// A place to go, for a taxi driver: the Chinese name large, the address as the source
/// writes it (or why there is none), the hours, and the numbers to tap.
fn taxi_card(
    name: &Text,
    address: Option<&Text>,
    address_note: Option<&Text>,
    hours: Option<&Text>,
    phones: Vec<(&str, Option<&Text>)>,
    lang: Lang,
) -> El {
    let t = move |m| text(m, lang);
    let zh = |class: &str, text: &str| ctx("p", class, text).attr("lang", "zh-Hans");
    let en = |text: &str| ctx("p", "card-en", text).attr("lang", "en");
    let mut place = el("section")
        .class("card-place")
        .child(ctx("p", "card-label", t(Msg::ForTaxi)))
        .child(el("p").class("card-zh-mid").attr("lang", "zh-Hans").child(tx("strong", &name.zh)))
        .child(en(&name.en));
    if let Some(a) = address {
        place = place.child(zh("card-zh-mid", &a.zh)).maybe((!a.en.is_empty()).then(|| en(&a.en)));
    } else if let Some(n) = address_note {
        place = place.child(zh("card-en", &n.zh)).child(en(&n.en));
    }
    if let Some(h) = hours {
        place = place.child(
            el("p")
                .class("card-en")
                .child(ctx("span", "label", &format!("{}: ", t(Msg::Hours))))
                .child(tx("span", &h.zh).attr("lang", "zh-Hans"))
                .text(" · ")
                .child(tx("span", &h.en).attr("lang", "en")),
        );
    }
    if !phones.is_empty() {
        let items = phones
            .into_iter()
            .map(|(number, label)| {
                let item = el("li").child(ctx("a", "tel", number).attr("href", &tel_href(number)));
                match label {
                    Some(l) => item.text(" ").text(l.get(lang)),
                    None => item,
                }
            })
            .collect();
        place = place.child(list("ul", "phones", items));
    }
    place
}
