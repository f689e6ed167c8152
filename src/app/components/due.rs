//! The decision's due date: the acceptance date in, the last day out, on a small calendar that
//! marks weekends, official days off and make-up working days.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{format_date, month_cells, month_title, months_between, weekday_heads};
use super::super::state::AppState;
use super::source_links;
use chrono::{Datelike, NaiveDate};
use passport_sos::calendar::{iso_date, parse_iso_date};
use leptos::prelude::*;
use passport_sos::calendar::{self, DayKind};
use passport_sos::content::{Lang, WorkingDays};

pub fn due_view(state: AppState, step: &'static str, figures: Vec<&'static WorkingDays>, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let today = chrono::Local::now().date_naive();
    let saved = Memo::new(move |_| state.envelope.with(|e| e.progress.steps.get(step).and_then(|p| p.date.clone())));
    let accepted = Memo::new(move |_| match saved.get() {
        None => Some(today),
        Some(s) => parse_iso_date(&s),
    });
    // National and local figures; one line when they are the same number of days.
    let mut figures = figures;
    figures.sort_by_key(|w| w.scope != "national");
    figures.dedup_by_key(|w| w.days);
    let input_id = format!("accepted-{step}");
    let result = move || {
        let Some(accepted) = accepted.get() else {
            return view! { <p class="hint">{t(Msg::EnterDate)}</p> }.into_any();
        };
        let dues: Vec<(&'static WorkingDays, calendar::Due)> =
            figures.iter().map(|w| (*w, calendar::due_date(accepted, w.days))).collect();
        let estimate = dues.iter().any(|(_, d)| d.estimate);
        let lines = dues
            .iter()
            .map(|(w, d)| {
                view! {
                    <li class="due-line">
                        <span>{w.label.get(lang)}" "{fill(t(Msg::WorkingDaysCount), &[&w.days.to_string()])}</span>
                        <span class="due-date">
                            {t(Msg::DueBy)}": "
                            <time datetime=iso_date(d.date)>{format_date(d.date, lang)}</time>
                            {d.estimate.then(|| view! { " " <span class="badge">{t(Msg::Estimate)}</span> })}
                        </span>
                        {source_links(&w.sources, lang)}
                    </li>
                }
            })
            .collect_view();
        let last = dues.iter().map(|(_, d)| d.date).max().unwrap_or(accepted);
        let due_days: Vec<NaiveDate> = dues.iter().map(|(_, d)| d.date).collect();
        let months = months_between(accepted, last, 3)
            .into_iter()
            .map(|(y, m)| month_view(y, m, accepted, &due_days, lang))
            .collect_view();
        view! {
            <ul class="dues">{lines}</ul>
            {estimate.then(|| view! { <p class="hint">{t(Msg::EstimateNote)}</p> })}
            <div class="months">{months}</div>
            <ul class="legend">
                <li><span class="swatch weekend"></span>{t(Msg::LegendWeekend)}</li>
                <li><span class="swatch off"></span>{t(Msg::LegendDayOff)}</li>
                <li><span class="swatch makeup"></span>{t(Msg::LegendMakeUp)}</li>
                <li><span class="swatch accepted"></span>{t(Msg::LegendAccepted)}</li>
                <li><span class="swatch due"></span>{t(Msg::LegendDue)}</li>
                {estimate.then(|| view! { <li><span class="swatch unknown"></span>{t(Msg::LegendUnknown)}</li> })}
            </ul>
        }
        .into_any()
    };
    let note = calendar::note();
    let note_text = match lang {
        Lang::En => note.text.en.clone(),
        Lang::Zh => note.text.zh.clone(),
    };
    let note_sources: &'static [String] = std::slice::from_ref(&note.source);
    view! {
        <section class="due-box">
            <label class="block" for=input_id.clone()>{t(Msg::AcceptanceDate)}</label>
            <input
                type="date"
                id=input_id
                prop:value=move || accepted.get().map(iso_date).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.step_progress(step, |p| p.date = Some(v));
                }
            />
            {result}
            <p class="hint">{note_text}</p>
            {source_links(note_sources, lang)}
        </section>
    }
    .into_any()
}

fn month_view(year: i32, month: u32, accepted: NaiveDate, due: &[NaiveDate], lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let heads = weekday_heads(lang).into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let cells = month_cells(year, month);
    let rows = cells
        .chunks(7)
        .map(|week| {
            let days = week
                .iter()
                .map(|cell| {
                    let Some(d) = *cell else { return view! { <td></td> }.into_any() };
                    let (class, what) = match calendar::day_kind(d) {
                        DayKind::Workday => ("", None),
                        DayKind::Weekend => ("weekend", Some(t(Msg::LegendWeekend))),
                        DayKind::DayOff { .. } => ("off", Some(t(Msg::LegendDayOff))),
                        DayKind::MakeUpWorkday { .. } => ("makeup", Some(t(Msg::LegendMakeUp))),
                        DayKind::Unknown => ("unknown", None),
                    };
                    let holiday = match calendar::day_kind(d) {
                        DayKind::DayOff { holiday } | DayKind::MakeUpWorkday { holiday } => Some(match lang {
                            Lang::En => holiday.name.en.as_str(),
                            Lang::Zh => holiday.name.zh.as_str(),
                        }),
                        _ => None,
                    };
                    let is_accepted = d == accepted;
                    let is_due = due.contains(&d);
                    let mut label = Vec::new();
                    if let Some(w) = what {
                        label.push(w.to_string());
                    }
                    if let Some(h) = holiday {
                        label.push(h.to_string());
                    }
                    if is_accepted {
                        label.push(t(Msg::LegendAccepted).to_string());
                    }
                    if is_due {
                        label.push(t(Msg::LegendDue).to_string());
                    }
                    let extra = (!label.is_empty()).then(|| view! { <span class="sr-only">" ("{label.join(", ")}")"</span> });
                    view! {
                        <td class=class class:accepted=is_accepted class:due=is_due title=holiday>
                            {d.day()}{extra}
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <tr>{days}</tr> }
        })
        .collect_view();
    view! {
        <table class="month">
            <caption>{month_title(year, month, lang)}</caption>
            <thead><tr>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
