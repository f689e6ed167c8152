//! One step of the plan: the done box, what to do, what to bring, where, whom to call, why.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{deciding_questions, item_checked, set_checked, step_done, tel_href};
use super::super::router::{card_href, step_href};
use super::super::state::{content, AppState};
use super::{may_apply, source_links};
use leptos::prelude::*;
use passport_sos::content::{Lang, Office};
use passport_sos::engine::{Outcome, PlanStep};

/// The step that asks the embassy: it names the embassy's document for the nationality.
const CONTACT_EMBASSY: &str = "step.contact_embassy";

pub struct StepCtx<'a> {
    pub state: AppState,
    pub outcome: &'a Outcome<'static>,
    pub lang: Lang,
    /// On its own page: heading level 2, notes and no "open" link.
    pub alone: bool,
    pub number: usize,
    pub total: usize,
}

pub fn step_view(cx: &StepCtx, step: &PlanStep<'static>) -> AnyView {
    let c = content();
    let (state, lang) = (cx.state, cx.lang);
    let t = move |m| text(m, lang);
    let Some(def) = c.step(step.id) else { return ().into_any() };
    let id: &'static str = step.id;
    let engine_done = step.done;
    let snapshot = step.clone();
    let done = Memo::new(move |_| state.envelope.with(|e| step_done(&e.progress, &snapshot)));
    let title = def.title.get(lang);
    let heading = if cx.alone {
        view! { <h2 id="page-heading" tabindex="-1">{title}</h2> }.into_any()
    } else {
        view! { <h3><a href=step_href(id)>{title}</a></h3> }.into_any()
    };
    let counter = fill(t(Msg::StepOf), &[&cx.number.to_string(), &cx.total.to_string()]);
    let may = (!step.certain).then(|| may_apply(cx.outcome, &deciding_questions(c, cx.outcome, &step.because), lang));

    let bring = (!step.bring.is_empty()).then(|| {
        let items = step
            .bring
            .iter()
            .filter_map(|b| def.bring.iter().find(|l| l.id == b.id).map(|l| (b.certain, l)))
            .map(|(certain, line)| {
                let item: &'static str = &line.id;
                let box_id = format!("bring-{id}-{item}");
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=box_id.clone()
                            prop:checked=move || state.envelope.with(|e| item_checked(&e.progress, id, item))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.step_progress(id, |p| set_checked(p, item, on));
                            }
                        />
                        <label for=box_id>
                            {line.text.get(lang)}
                            {(!certain).then(|| view! { " " <span class="badge">{t(Msg::MayApply)}</span> })}
                        </label>
                        {source_links(&line.sources, lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset class="bring">
                <legend>{t(Msg::WhatToBring)}</legend>
                <ul class="checklist">{items}</ul>
            </fieldset>
        }
    });

    let notes = step
        .notes
        .iter()
        .filter_map(|n| def.note.iter().find(|l| l.id == n.id))
        .map(|line| view! { <div class="note"><p>{line.text.get(lang)}</p>{source_links(&line.sources, lang)}</div> })
        .collect_view();

    let offices: Vec<&'static Office> = step.offices.iter().filter_map(|o| c.office(o)).collect();
    let where_ = if offices.is_empty() {
        view! { <p>{def.where_.get(lang)}</p> }.into_any()
    } else {
        offices.into_iter().map(|o| office_view(o, lang)).collect_view().into_any()
    };

    let phones = step
        .phones
        .iter()
        .filter_map(|p| def.phone.iter().find(|x| x.number == p.number))
        .map(|p| {
            view! {
                <li>
                    <a class="tel" href=tel_href(&p.number)>{p.number.clone()}</a>
                    " "<span>{p.label.get(lang)}</span>
                    {(!p.sources.is_empty()).then(|| source_links(&p.sources, lang))}
                </li>
            }
        })
        .collect_view();
    let phones = (!step.phones.is_empty()).then(|| {
        view! { {sub_heading(cx.alone, t(Msg::Phone))}<ul class="phones">{phones}</ul> }
    });

    let document = (id == CONTACT_EMBASSY && cx.outcome.nationality.is_some()).then(|| {
        let shown = match cx.outcome.emergency_document.and_then(|n| c.emergency_document(n)) {
            Some(d) => view! {
                <p><strong>{d.name.get(lang)}</strong></p>
                {d.note.as_ref().map(|n| view! { <p>{n.get(lang)}</p> })}
                {source_links(&d.sources, lang)}
            }
            .into_any(),
            None => {
                let nk = &c.emergency_document_not_known;
                view! { <p>{nk.text.get(lang)}</p>{source_links(&nk.sources, lang)} }.into_any()
            }
        };
        view! { <div class="note">{sub_heading(cx.alone, t(Msg::EmergencyDocument))}{shown}</div> }
    });

    let why = step
        .because
        .iter()
        .filter_map(|f| c.rule(f.rule))
        .map(|rule| view! { <p>{rule.why.get(lang)}</p>{source_links(&rule.sources, lang)} })
        .collect_view();

    let due = (!step.working_days.is_empty())
        .then(|| super::due::due_view(state, id, step.working_days.clone(), lang));

    let note = cx.alone.then(|| {
        let note_id = format!("note-{id}");
        view! {
            <label class="block" for=note_id.clone()>{t(Msg::YourNote)}</label>
            <textarea
                id=note_id
                rows="3"
                prop:value=move || state.envelope.with(|e| e.progress.steps.get(id).map(|p| p.note.clone()).unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.step_progress(id, |p| p.note = v);
                }
            ></textarea>
        }
    });

    let done_id = format!("done-{id}");
    view! {
        <article class="step" class:done=done id=format!("step-{id}")>
            <p class="step-count">{counter}</p>
            {heading}
            {may}
            <div class="done-row">
                <input
                    type="checkbox"
                    id=done_id.clone()
                    prop:checked=done
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.step_progress(id, |p| p.done = on);
                    }
                />
                <label for=done_id>{t(Msg::Done)}<span class="sr-only">": "{title}</span></label>
                {engine_done.then(|| view! { <span class="hint">{t(Msg::DoneByAnswers)}</span> })}
            </div>
            <p>{def.what_to_do.get(lang)}</p>
            {document}
            {bring}
            {notes}
            {sub_heading(cx.alone, t(Msg::Where))}
            {where_}
            {phones}
            {due}
            {note}
            <details class="why">
                <summary>{t(Msg::Why)}</summary>
                {why}
                {source_links(&def.sources, lang)}
            </details>
            <p class="actions">
                <a class="button" href=card_href(id)>{t(Msg::ShowCard)}</a>
                {(!cx.alone).then(|| view! { <a class="button secondary" href=step_href(id)>{t(Msg::OpenStep)}<span class="sr-only">": "{title}</span></a> })}
            </p>
        </article>
    }
    .into_any()
}

/// A heading inside a step: one level below the step's own heading.
fn sub_heading(alone: bool, label: &'static str) -> AnyView {
    if alone {
        view! { <h3>{label}</h3> }.into_any()
    } else {
        view! { <h4>{label}</h4> }.into_any()
    }
}

pub fn office_view(o: &'static Office, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let address = match (&o.address, &o.address_note) {
        (Some(a), _) => Some(view! { <p><span class="label">{t(Msg::Address)}": "</span>{a.get(lang)}</p> }.into_any()),
        (None, Some(n)) => Some(view! { <p class="hint">{n.get(lang)}</p> }.into_any()),
        (None, None) => None,
    };
    let phones = o
        .phone
        .iter()
        .map(|p| view! { <li><a class="tel" href=tel_href(&p.number)>{p.number.clone()}</a>" "{p.label.get(lang)}</li> })
        .collect_view();
    view! {
        <div class="office">
            <p><strong>{o.name.get(lang)}</strong></p>
            {address}
            {o.hours.as_ref().map(|h| view! { <p><span class="label">{t(Msg::Hours)}": "</span>{h.get(lang)}</p> })}
            {(!o.phone.is_empty()).then(|| view! { <ul class="phones">{phones}</ul> })}
            {o.note.as_ref().map(|n| view! { <p>{n.get(lang)}</p> })}
            {source_links(&o.sources, lang)}
        </div>
    }
    .into_any()
}
