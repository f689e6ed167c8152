//! The decision's due date: the acceptance date in, the last day out, on a small calendar that
//! marks weekends, official days off and make-up working days.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{format_date, month_cells, month_title, months_between, weekday_heads};
use super::super::state::AppState;
use super::source_links;
use chrono::{Datelike, NaiveDate};
use passport_sos::calendar::{iso_date, parse_iso_date};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::calendar::{self, DayKind};
use passport_sos::content::{Lang, WorkingDays};

pub fn due_view(state: AppState, step: &'static str, figures: Vec<&'static WorkingDays>, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let today = chrono::Local::now().date_naive();
    let saved = Memo::new(move |_| state.envelope.with(|e| e.progress.steps.get(step).and_then(|p| p.date.clone())));
    let accepted = Memo::new(move |_| match saved.get() {
        None => Some(today),
        Some(s) => parse_iso_date(&s),
    });
    // National and local figures; one line when they are the same number of days.
    let mut figures = figures;
    passport_sos::sort::sort_by_key(&mut figures, |w| w.scope != "national");
    figures.dedup_by_key(|w| w.days);
    let input_id = format!("accepted-{step}");
    let result = move || {
        let Some(accepted) = accepted.get() else {
            return vec![ctx("p", "hint", t(Msg::EnterDate))];
        };
        let dues: Vec<(&'static WorkingDays, calendar::Due)> =
            figures.iter().map(|w| (*w, calendar::due_date(accepted, w.days))).collect();
        let estimate = dues.iter().any(|(_, d)| d.estimate);
        let lines = dues
            .iter()
            .map(|(w, d)| {
                let label = format!("{} {}", w.label.get(lang), fill(t(Msg::WorkingDaysCount), &[&w.days.to_string()]));
                let date = el("span")
                    .class("due-date")
                    .text(&format!("{}: ", t(Msg::DueBy)))
                    .child(tx("time", &format_date(d.date, lang)).attr("datetime", &iso_date(d.date)));
                let date = if d.estimate { date.text(" ").child(ctx("span", "badge", t(Msg::Estimate))) } else { date };
                el("li").class("due-line").child(tx("span", &label)).child(date).child(source_links(&w.sources, lang))
            })
            .collect();
        let last = dues.iter().map(|(_, d)| d.date).max().unwrap_or(accepted);
        let due_days: Vec<NaiveDate> = dues.iter().map(|(_, d)| d.date).collect();
        let months = months_between(accepted, last, 3)
            .into_iter()
            .map(|(y, m)| month_view(y, m, accepted, &due_days, lang))
            .collect();
        let swatch = |class: &str, msg: Msg| el("li").child(el("span").class(class)).text(t(msg));
        let mut legend = vec![
            swatch("swatch weekend", Msg::LegendWeekend),
            swatch("swatch off", Msg::LegendDayOff),
            swatch("swatch makeup", Msg::LegendMakeUp),
            swatch("swatch accepted", Msg::LegendAccepted),
            swatch("swatch due", Msg::LegendDue),
        ];
        let estimated_holidays = calendar::estimate_note().is_some();
        if estimate && estimated_holidays {
            legend.push(swatch("swatch off estimated", Msg::LegendEstimatedOff));
        }
        if estimate {
            legend.push(swatch("swatch unknown", Msg::LegendUnknown));
        }
        let mut out = vec![list("ul", "dues", lines)];
        if estimate {
            // How the estimated year is counted, with the rules it rests on, where the file has
            // one; past that, only weekends are known.
            match calendar::estimate_note() {
                Some(n) => {
                    let note = n.text.get(lang);
                    out.push(ctx("p", "hint", note));
                    out.push(source_links(&n.sources, lang));
                    out.push(ctx("p", "hint", t(Msg::EstimateNote)));
                }
                None => out.push(ctx("p", "hint", t(Msg::EstimateNote))),
            }
        }
        out.push(list("div", "months", months));
        out.push(list("ul", "legend", legend));
        out
    };
    let note = calendar::note();
    let note_text = note.text.get(lang);
    let note_sources: &'static [String] = std::slice::from_ref(&note.source);
    let input = el("input").attr("type", "date").id(&input_id).on("change", move |ev| {
        let v = event_target_value(&ev);
        state.step_progress(step, |p| p.date = Some(v));
    });
    let node = input.input();
    bind(move || node.set_value(&accepted.get().map(iso_date).unwrap_or_default()));
    el("section")
        .class("due-box")
        .child(el("label").class("block").attr("for", &input_id).text(t(Msg::AcceptanceDate)))
        .child(input)
        .child(region(el("div").class("due-result"), result))
        .child(ctx("p", "hint", note_text))
        .child(source_links(note_sources, lang))
}

fn month_view(year: i32, month: u32, accepted: NaiveDate, due: &[NaiveDate], lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let heads = weekday_heads(lang).into_iter().map(|h| tx("th", h).attr("scope", "col")).collect();
    let cells = month_cells(year, month);
    let rows = cells
        .chunks(7)
        .map(|week| {
            let days = week
                .iter()
                .map(|cell| {
                    let Some(d) = *cell else { return el("td") };
                    let (class, what) = match calendar::day_kind(d) {
                        DayKind::Workday => ("", None),
                        DayKind::Weekend => ("weekend", Some(t(Msg::LegendWeekend))),
                        DayKind::DayOff { holiday } if holiday.estimated => ("off estimated", Some(t(Msg::LegendEstimatedOff))),
                        DayKind::DayOff { .. } => ("off", Some(t(Msg::LegendDayOff))),
                        DayKind::MakeUpWorkday { .. } => ("makeup", Some(t(Msg::LegendMakeUp))),
                        DayKind::Unknown => ("unknown", None),
                    };
                    let holiday = match calendar::day_kind(d) {
                        DayKind::DayOff { holiday } | DayKind::MakeUpWorkday { holiday } => Some(holiday.name.get(lang)),
                        _ => None,
                    };
                    let is_accepted = d == accepted;
                    let is_due = due.contains(&d);
                    let mut label = Vec::new();
                    let mut classes = vec![class];
                    if let Some(w) = what {
                        label.push(w);
                    }
                    if let Some(h) = holiday {
                        label.push(h);
                    }
                    if is_accepted {
                        label.push(t(Msg::LegendAccepted));
                        classes.push("accepted");
                    }
                    if is_due {
                        label.push(t(Msg::LegendDue));
                        classes.push("due");
                    }
                    let classes = classes.into_iter().filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
                    let td = tx("td", &d.day().to_string());
                    let td = if classes.is_empty() { td } else { td.class(&classes) };
                    let td = match holiday {
                        Some(h) => td.attr("title", h),
                        None => td,
                    };
                    if label.is_empty() { td } else { td.child(sr_only(&format!(" ({})", label.join(", ")))) }
                })
                .collect();
            list("tr", "", days)
        })
        .collect();
    el("table")
        .class("month")
        .child(tx("caption", &month_title(year, month, lang)))
        .child(el("thead").child(list("tr", "", heads)))
        .child(list("tbody", "", rows))
}
