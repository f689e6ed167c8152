//! `#/questions/<id>`: one question a screen, its options as large buttons.

use super::super::components::source_links;
use super::super::i18n::{fill, text, Msg};
use super::super::router::question_href;
use super::super::state::{content, AppState};
use leptos::prelude::*;
use passport_sos::content::{is_country_code, Lang, QuestionKind, UNKNOWN};

pub fn question_page(state: AppState, id: &str, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let c = content();
    let Some(q) = c.question(id) else { return super::not_found(lang) };
    let qid: &'static str = &q.id;
    let outcome = state.outcome();
    let Some(pos) = outcome.questions_in_play.iter().position(|x| *x == qid) else {
        let next = outcome.next_question.map(question_href).unwrap_or_else(|| "#/plan".to_string());
        return view! {
            <h2 id="page-heading" tabindex="-1">{q.text.get(lang)}</h2>
            <p>{t(Msg::QuestionNotInPlay)}</p>
            <p><a class="button" href=next>{t(Msg::Continue)}</a></p>
        }
        .into_any();
    };
    let total = outcome.questions_in_play.len();
    let current: Option<String> = state.answers.with(|a| a.get(qid).map(str::to_string));
    let back = match pos {
        0 => "#/".to_string(),
        n => question_href(outcome.questions_in_play[n - 1]),
    };
    let progress = fill(t(Msg::QuestionProgress), &[&(pos + 1).to_string(), &total.to_string()]);

    let option = |value: &'static str, label: &'static str| {
        let pressed = current.as_deref() == Some(value);
        view! {
            <button
                type="button"
                class="option"
                aria-pressed=pressed.to_string()
                on:click=move |_| state.answer(qid, value)
            >
                {label}
            </button>
        }
    };
    let choices = match q.kind {
        QuestionKind::Choice => q
            .options
            .iter()
            .map(|o| option(&o.id, o.label.get(lang)).into_any())
            .collect_view()
            .into_any(),
        QuestionKind::Country => {
            let value = RwSignal::new(current.clone().filter(|v| v != UNKNOWN).unwrap_or_default());
            let invalid = RwSignal::new(false);
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let v = value.get_untracked().trim().to_string();
                if is_country_code(&v) {
                    state.answer(qid, &v);
                } else {
                    invalid.set(true);
                }
            };
            view! {
                <form class="country" on:submit=submit>
                    <label class="block" for="country-code">{t(Msg::CountryLabel)}</label>
                    <input
                        id="country-code"
                        type="text"
                        maxlength="2"
                        autocomplete="country"
                        autocapitalize="characters"
                        spellcheck="false"
                        aria-describedby="country-error"
                        prop:value=move || value.get()
                        on:input=move |ev| {
                            value.set(event_target_value(&ev));
                            invalid.set(false);
                        }
                    />
                    <p id="country-error" class="error" role="alert">
                        {move || invalid.get().then(|| t(Msg::CountryInvalid))}
                    </p>
                    <button type="submit">{t(Msg::Continue)}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <p class="progress-text">{progress}</p>
        <progress max=total.to_string() value=(pos + 1).to_string() aria-hidden="true"></progress>
        <h2 id="page-heading" tabindex="-1">{q.text.get(lang)}</h2>
        <p class="help">{q.help.get(lang)}</p>
        <div class="options" role="group" aria-labelledby="page-heading">
            {choices}
            {option(UNKNOWN, c.unknown_label.get(lang))}
        </div>
        <p class="hint">{t(Msg::WhoCanAnswer)}" "{q.who_can_answer.get(lang)}</p>
        {source_links(&q.sources, lang)}
        <p class="actions"><a class="button secondary" href=back>{"← "}{t(Msg::Back)}</a></p>
    }
    .into_any()
}
