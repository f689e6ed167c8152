//! One step of the plan: the done box, what to do, what to bring, where, whom to call, why.

use super::super::i18n::{fill, text, Msg};
use super::super::logic::{item_checked, set_checked, step_done, tel_href};
use super::super::router::{card_href, question_href, route_href, source_href, step_href};
use super::super::state::{content, AppState, DirectoryLoad};
use super::{may_apply, source_links};
use super::super::dom::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use passport_sos::content::directory::Post;
use passport_sos::content::{Directory, Lang, Office};
use passport_sos::engine::{Embassy, Outcome, PlanStep};

/// The step that asks the embassy: it names the embassy's document for the nationality.
pub const CONTACT_EMBASSY: &str = "step.contact_embassy";
/// The step that stands for the routes still open: it lists what each would add.
const NEXT_DEPENDS: &str = "step.next_depends_on_embassy";

pub struct StepCtx<'a> {
    pub state: AppState,
    pub outcome: &'a Outcome<'static>,
    pub lang: Lang,
    /// On its own page: heading level 2, notes and no "open" link.
    pub alone: bool,
    pub number: usize,
    pub total: usize,
}

pub fn step_view(cx: &StepCtx, step: &PlanStep<'static>) -> Option<El> {
    let c = content();
    let (state, lang) = (cx.state, cx.lang);
    let t = move |m| text(m, lang);
    let def = c.step(step.id)?;
    let id: &'static str = step.id;
    let title = def.title.get(lang);
    let heading = if cx.alone { page_heading(title) } else { el("h3").child(link(&step_href(id), title)) };
    let counter = fill(t(Msg::StepOf), &[&cx.number.to_string(), &cx.total.to_string()]);
    let may = may_apply(cx.outcome, step.certain, &step.because, lang);

    let bring = (!step.bring.is_empty()).then(|| {
        let items = step
            .bring
            .iter()
            .filter_map(|b| def.bring.iter().find(|l| l.id == b.id).map(|l| (b.certain, l)))
            .map(|(certain, line)| {
                let item: &'static str = &line.id;
                let box_id = format!("bring-{id}-{item}");
                let input = el("input").attr("type", "checkbox").id(&box_id).on("change", move |ev| {
                    let on = event_target_checked(&ev);
                    state.step_progress(id, |p| set_checked(p, item, on));
                });
                let node = input.input();
                bind(move || node.set_checked(state.envelope.with(|e| item_checked(&e.progress, id, item))));
                let label = el("label").attr("for", &box_id).text(line.text.get(lang));
                let label = if certain { label } else { label.text(" ").child(ctx("span", "badge", t(Msg::MayApply))) };
                el("li").child(input).child(label).child(source_links(&line.sources, lang))
            })
            .collect();
        el("fieldset").class("bring").child(tx("legend", t(Msg::WhatToBring))).child(list("ul", "checklist", items))
    });

    let notes: Vec<El> = step
        .notes
        .iter()
        .filter_map(|n| def.note.iter().find(|l| l.id == n.id))
        .map(|line| el("div").class("note").child(tx("p", line.text.get(lang))).child(source_links(&line.sources, lang)))
        .collect();

    let offices: Vec<El> = step.offices.iter().filter_map(|o| c.office(o)).map(|o| office_view(o, lang)).collect();
    let where_ = if offices.is_empty() { vec![tx("p", def.where_.get(lang))] } else { offices };

    let phones = (!step.phones.is_empty()).then(|| {
        let items = step
            .phones
            .iter()
            .filter_map(|p| def.phone.iter().find(|x| x.number == p.number))
            .map(|p| {
                el("li")
                    .child(ctx("a", "tel", &p.number).attr("href", &tel_href(&p.number)))
                    .text(" ")
                    .child(tx("span", p.label.get(lang)))
                    .maybe((!p.sources.is_empty()).then(|| source_links(&p.sources, lang)))
            })
            .collect();
        vec![sub_heading(cx.alone, t(Msg::Phone)), list("ul", "phones", items)]
    });

    let embassy = (id == CONTACT_EMBASSY).then(|| embassy_view(cx));

    let document = (id == CONTACT_EMBASSY && cx.outcome.nationality.is_some()).then(|| {
        let b = el("div").class("note").child(sub_heading(cx.alone, t(Msg::EmergencyDocument)));
        match cx.outcome.emergency_document.and_then(|n| c.emergency_document(n)) {
            Some(d) => b
                .child(el("p").child(tx("strong", d.name.get(lang))))
                .maybe(d.note.as_ref().map(|n| tx("p", n.get(lang))))
                .child(source_links(&d.sources, lang)),
            None => {
                let nk = &c.emergency_document_not_known;
                b.child(tx("p", nk.text.get(lang))).child(source_links(&nk.sources, lang))
            }
        }
    });

    // Each open route by what would lead to it, with the steps it would add: named here, so the
    // plan itself lists only the steps that hold whatever the embassy says.
    let branches = (id == NEXT_DEPENDS && !cx.outcome.branches.is_empty()).then(|| {
        let items = cx
            .outcome
            .branches
            .iter()
            .filter_map(|b| c.route(b.route).map(|r| (b, r)))
            .map(|(b, r)| {
                let lead = r.if_chosen.as_ref().map_or(r.title.get(lang), |w| w.get(lang));
                let steps: Vec<El> = b.steps.iter().filter_map(|s| c.step(s)).map(|s| tx("li", s.title.get(lang))).collect();
                let steps = if steps.is_empty() { tx("p", t(Msg::BranchNoSteps)) } else { list("ul", "", steps) };
                el("li")
                    .class("branch")
                    .child(sub_heading(cx.alone, lead))
                    .child(ctx("p", "branch-route", &format!("→ {}", r.title.get(lang))))
                    .child(steps)
                    .child(el("p").child(link(&route_href(&r.id), t(Msg::AboutRoute)).child(sr_only(&format!(": {}", r.title.get(lang))))))
            })
            .collect();
        list("ul", "branches", items)
    });

    let mut why = el("details").class("why").child(tx("summary", t(Msg::Why)));
    for rule in step.because.iter().filter_map(|f| c.rule(f.rule)) {
        why = why.child(tx("p", rule.why.get(lang))).child(source_links(&rule.sources, lang));
    }
    let why = why.child(source_links(&def.sources, lang));

    let due = (!step.working_days.is_empty()).then(|| super::due::due_view(state, id, step.working_days.clone(), lang));

    let note = cx.alone.then(|| {
        let note_id = format!("note-{id}");
        let area = el("textarea").id(&note_id).attr("rows", "3").on("change", move |ev| {
            let v = event_target_value(&ev);
            state.step_progress(id, |p| p.note = v);
        });
        let node: web_sys::HtmlTextAreaElement = area.0.clone().unchecked_into();
        bind(move || node.set_value(&state.envelope.with(|e| e.progress.steps.get(id).map(|p| p.note.clone()).unwrap_or_default())));
        vec![el("label").class("block").attr("for", &note_id).text(t(Msg::YourNote)), area]
    });

    let done_id = format!("done-{id}");
    let done_box = el("input").attr("type", "checkbox").id(&done_id).on("change", move |ev| {
        let on = event_target_checked(&ev);
        state.step_progress(id, |p| p.done = on);
    });
    let article = el("article").id(&format!("step-{id}"));
    let (node, card, snapshot) = (done_box.input(), article.0.clone(), step.clone());
    bind(move || {
        let done = state.envelope.with(|e| step_done(&e.progress, &snapshot));
        node.set_checked(done);
        card.set_class_name(if done { "step done" } else { "step" });
    });

    let actions = el("p")
        .class("actions")
        .child(button_link("button", &card_href(id), t(Msg::ShowCard)))
        .maybe((!cx.alone).then(|| button_link("button secondary", &step_href(id), t(Msg::OpenStep)).child(sr_only(&format!(": {title}")))));

    // In the plan the details wait behind one tap, so the plan reads as a list of steps (it
    // ran to about 16,000 px with everything open); on the step's own page all is shown.
    let details = bring
        .into_iter()
        .chain(notes)
        .chain([sub_heading(cx.alone, t(Msg::Where))])
        .chain(where_)
        // In the plan it waits in the fold with the other places (a country with nine posts
        // listed them all in the plan itself); on the step's own page it is open.
        .chain(embassy)
        .chain(phones.unwrap_or_default())
        .chain(due)
        .chain(note.unwrap_or_default())
        .chain([why])
        .collect::<Vec<El>>();
    let details = if cx.alone {
        details
    } else {
        let mut parts = Vec::new();
        if !step.bring.is_empty() {
            parts.push(t(Msg::MoreBring));
        }
        parts.push(t(Msg::MoreWhere));
        if !step.phones.is_empty() {
            parts.push(t(Msg::MorePhone));
        }
        if !step.working_days.is_empty() {
            parts.push(t(Msg::MoreDue));
        }
        let label = format!("{}{}", t(Msg::MoreLabel), parts.join(t(Msg::MoreSeparator)));
        vec![el("details").class("more").child(tx("summary", &label)).kids(details)]
    };

    Some(
        article
            .child(ctx("p", "step-count", &counter))
            .child(heading)
            .maybe(may)
            .child(
                el("div")
                    .class("done-row")
                    .child(done_box)
                    .child(el("label").attr("for", &done_id).text(t(Msg::Done)).child(sr_only(&format!(": {title}"))))
                    .maybe(step.done.then(|| ctx("span", "hint", t(Msg::DoneByAnswers)))),
            )
            .child(tx("p", def.what_to_do.get(lang)))
            .maybe(branches)
            .maybe(document)
            .kids(details)
            .child(actions),
    )
}

/// Which embassy or consulate, from the nationality and the place: the one whose district
/// covers the place, or all of the country's when that is not known, or how to find it.
fn embassy_view(cx: &StepCtx) -> El {
    let (state, lang) = (cx.state, cx.lang);
    let t = move |m| text(m, lang);
    let c = content();
    let b = el("div").class("embassy").child(sub_heading(cx.alone, t(Msg::EmbassyHeading)));
    let Some(n) = cx.outcome.nationality.as_deref() else {
        let ask = cx.outcome.questions_in_play.contains(&"nationality");
        return b
            .child(tx("p", t(Msg::EmbassyWhich)))
            .maybe(ask.then(|| el("p").child(button_link("button secondary", &question_href("nationality"), t(Msg::EmbassyChooseCountry)))));
    };
    state.need_directory();
    let Some(d) = c.directory() else {
        return match state.directory.get() {
            DirectoryLoad::Failed(why) => b.child(ctx("p", "error", &fill(t(Msg::DirectoryFailed), &[&why]))),
            _ => b.child(ctx("p", "hint", t(Msg::DirectoryLoading))),
        };
    };
    let country = d.country(n).map_or(n.to_string(), |k| k.name.get(lang).to_string());
    match &cx.outcome.embassy {
        Embassy::Covering { post } => b.maybe(d.post(post).map(|p| post_view(d, p, lang))),
        Embassy::All { posts } => {
            let why = if cx.outcome.place.is_some() { Msg::EmbassyNoDistrict } else { Msg::EmbassyAllPosts };
            b.child(tx("p", &fill(t(why), &[&country])))
                .kids(posts.iter().filter_map(|p| d.post(p)).map(|p| post_view(d, p, lang)).collect())
        }
        Embassy::NoData | Embassy::NotAsked => b.child(tx("p", &fill(t(Msg::EmbassyNoData), &[&country]))),
    }
}

pub fn post_view(d: &'static Directory, p: &'static Post, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let zh = |tag: &str, s: &str| tx(tag, s).attr("lang", "zh-Hans");
    // The post's own name in the reader's language where it publishes one (the Korean
    // embassy's Korean name for a Korean reader), else ours.
    let own = p.name_local.as_deref().filter(|_| lang.info().countries.contains(&p.country.as_str()));
    let mut name = match own {
        Some(local) => el("p").child(tx("strong", local).attr("lang", lang.tag())),
        None => el("p").child(tx("strong", p.name.get(lang))),
    };
    if lang != Lang::Zh && p.name.zh != p.name.en && !p.name.zh.is_empty() {
        name = name.child(el("br")).child(zh("span", &p.name.zh));
    }
    let address = match (&p.address, &p.address_note) {
        (Some(a), _) => {
            let mut line = el("p").child(ctx("span", "label", &format!("{}: ", t(Msg::Address)))).child(zh("span", &a.zh));
            if lang != Lang::Zh && !a.en.is_empty() {
                line = line.child(el("br")).text(&a.en);
            }
            Some(line)
        }
        (None, Some(n)) => Some(ctx("p", "hint", n.get(lang))),
        (None, None) => None,
    };
    let phones: Vec<El> = p
        .phone
        .iter()
        .map(|x| {
            el("li")
                .class(if x.emergency { "emergency" } else { "" })
                .child(ctx("a", "tel", &x.number).attr("href", &tel_href(&x.number)))
                .text(" ")
                .text(x.label.get(lang))
        })
        .collect();
    let district: Vec<&str> = p.district.iter().filter_map(|x| d.place(x)).map(|x| x.name.get(lang)).collect();
    // The pages themselves open from the sources screen, like every other source.
    let sources: Vec<El> = p.sources.iter().map(|s| tx("li", &s.title)).collect();
    el("div")
        .class("office post")
        .child(name)
        .maybe(address)
        .maybe((!phones.is_empty()).then(|| list("ul", "phones", phones)))
        .maybe(p.hours.as_ref().map(|h| el("p").child(ctx("span", "label", &format!("{}: ", t(Msg::Hours)))).text(h.get(lang))))
        .maybe((!district.is_empty()).then(|| el("p").child(ctx("span", "label", &format!("{} ", t(Msg::EmbassyServes)))).text(&district.join(", "))))
        .maybe(p.district_note.as_ref().map(|n| ctx("p", "hint", n.get(lang))))
        .maybe(p.lost_passport.as_ref().map(|x| el("p").child(ctx("span", "label", &format!("{} ", t(Msg::EmbassyIssues)))).text(x.get(lang))))
        .maybe(p.note.as_ref().map(|n| tx("p", n.get(lang))))
        .maybe((p.reliability == "secondary").then(|| ctx("p", "hint", t(Msg::EmbassySecondary))))
        .child(
            el("details")
                .class("post-sources")
                .child(tx("summary", &fill(t(Msg::EmbassySources), &[&p.last_checked])))
                .child(list("ul", "", sources))
                .child(el("p").child(link(&source_href(&p.id), t(Msg::OpenSources)))),
        )
}

/// A heading inside a step: one level below the step's own heading.
fn sub_heading(alone: bool, label: &'static str) -> El {
    tx(if alone { "h3" } else { "h4" }, label)
}

pub fn office_view(o: &'static Office, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let address = match (&o.address, &o.address_note) {
        (Some(a), _) => Some(el("p").child(ctx("span", "label", &format!("{}: ", t(Msg::Address)))).text(a.get(lang))),
        (None, Some(n)) => Some(ctx("p", "hint", n.get(lang))),
        (None, None) => None,
    };
    let phones: Vec<El> = o
        .phone
        .iter()
        .map(|p| el("li").child(ctx("a", "tel", &p.number).attr("href", &tel_href(&p.number))).text(" ").text(p.label.get(lang)))
        .collect();
    el("div")
        .class("office")
        .child(el("p").child(tx("strong", o.name.get(lang))))
        .maybe(address)
        .maybe(o.hours.as_ref().map(|h| el("p").child(ctx("span", "label", &format!("{}: ", t(Msg::Hours)))).text(h.get(lang))))
        .maybe((!phones.is_empty()).then(|| list("ul", "phones", phones)))
        .maybe(o.note.as_ref().map(|n| tx("p", n.get(lang))))
        .child(source_links(&o.sources, lang))
}
