//! `#/card/<step>`: a full-screen card to show an officer or a taxi driver: the Chinese
//! sentence large, its English meaning small, and the offices' Chinese names and addresses.

use super::super::i18n::{text, Msg};
use super::super::logic::tel_href;
use super::super::router::step_href;
use super::super::state::{content, AppState};
use leptos::prelude::*;
use passport_sos::content::{Lang, Office};

pub fn card_page(state: AppState, id: &str, lang: Lang) -> AnyView {
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
    let places = if offices.is_empty() {
        view! {
            <section class="card-place">
                <p class="card-zh-mid" lang="zh-Hans">{def.where_.zh.clone()}</p>
                <p class="card-en" lang="en">{def.where_.en.clone()}</p>
            </section>
        }
        .into_any()
    } else {
        offices
            .into_iter()
            .map(|o| {
                let address = o.address.as_ref().map(|a| {
                    view! {
                        <p class="card-zh-mid" lang="zh-Hans">{a.zh.clone()}</p>
                        <p class="card-en" lang="en">{a.en.clone()}</p>
                    }
                });
                let note = o.address.is_none().then(|| o.address_note.as_ref()).flatten().map(|n| {
                    view! { <p class="card-en" lang="zh-Hans">{n.zh.clone()}</p><p class="card-en" lang="en">{n.en.clone()}</p> }
                });
                let phones = o
                    .phone
                    .iter()
                    .map(|p| view! { <li><a class="tel" href=tel_href(&p.number)>{p.number.clone()}</a></li> })
                    .collect_view();
                view! {
                    <section class="card-place">
                        <p class="card-label">{t(Msg::ForTaxi)}</p>
                        <p class="card-zh-mid" lang="zh-Hans"><strong>{o.name.zh.clone()}</strong></p>
                        <p class="card-en" lang="en">{o.name.en.clone()}</p>
                        {address}
                        {note}
                        {o.hours.as_ref().map(|h| view! {
                            <p class="card-en"><span class="label">{t(Msg::Hours)}": "</span><span lang="zh-Hans">{h.zh.clone()}</span>" · "<span lang="en">{h.en.clone()}</span></p>
                        })}
                        {(!o.phone.is_empty()).then(|| view! { <ul class="phones">{phones}</ul> })}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="card">
            <h2 id="page-heading" tabindex="-1" class="card-title">{t(Msg::CardTitle)}" · "{def.title.get(lang)}</h2>
            <p class="card-zh" lang="zh-Hans">{sentence.zh.clone()}</p>
            <p class="card-label">{t(Msg::CardMeaning)}</p>
            <p class="card-en" lang="en">{sentence.en.clone()}</p>
            {places}
            <p class="card-actions">
                <a class="button" href=step_href(id)>{t(Msg::CardClose)}</a>
            </p>
        </div>
    }
    .into_any()
}
