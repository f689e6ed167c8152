//! A type-ahead field for the nationality and the place: the ARIA combobox pattern (an input
//! with a list of suggestions it controls). Arrow keys move through the suggestions, Enter
//! takes one, Escape closes the list; a tap takes one too. Matching is by the directory
//! (English, Chinese, codes, other spellings), best first.

use super::super::dom::*;
use super::super::i18n::{fill, text, Msg};
use super::super::state::{content, AppState};
use passport_sos::content::directory::{Directory, PlaceKind};
use passport_sos::content::Lang;
use std::cell::RefCell;
use std::rc::Rc;

/// What the picker is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Country,
    Place,
}

const SHOWN: usize = 8;

/// A suggestion: the answer's value and how it is shown.
fn suggestions(d: &'static Directory, pick: Pick, typed: &str, lang: Lang) -> Vec<(&'static str, String)> {
    match pick {
        Pick::Country => d
            .find_countries(typed, SHOWN)
            .into_iter()
            .map(|c| (c.code.as_str(), format!("{} · {} · {}", c.name.get(lang), c.name.get(other(lang)), c.code)))
            .collect(),
        Pick::Place => d.find_places(typed, SHOWN).into_iter().map(|p| (p.id.as_str(), place_label(d, &p.id, lang))).collect(),
    }
}

/// The second name beside a suggestion: the Chinese (what officers and signs use), or for a
/// reader of Chinese the English.
fn other(lang: Lang) -> Lang {
    if lang == Lang::Zh {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// "Yiwu · 义乌 — Jinhua, Zhejiang": the name in both languages, then where it is.
pub fn place_label(d: &Directory, id: &str, lang: Lang) -> String {
    let chain = d.chain(id);
    let Some(place) = chain.first() else { return id.to_string() };
    let mut s = format!("{} · {}", place.name.get(lang), place.name.get(other(lang)));
    let rest: Vec<&str> = chain.iter().skip(1).map(|p| p.name.get(lang)).collect();
    if !rest.is_empty() {
        s.push_str(" — ");
        s.push_str(&rest.join(", "));
    } else if place.kind == PlaceKind::Province {
        s.push_str(" — ");
        s.push_str(text(Msg::PickWholeProvince, lang));
    }
    s
}

/// The label of a country or place answer, for summaries: the name, or the value as given.
pub fn chosen_label(pick: Pick, value: &str, lang: Lang) -> Option<String> {
    let d = content().directory()?;
    match pick {
        Pick::Country => d.country(value).map(|c| c.name.get(lang).to_string()),
        Pick::Place => d.place(value).map(|_| place_label(d, value, lang)),
    }
}

pub fn picker(state: AppState, qid: &'static str, pick: Pick, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let Some(d) = content().directory() else { return el("div") };
    let (input_id, list_id, status_id) = ("pick-input", "pick-list", "pick-status");
    let label = match pick {
        Pick::Country => t(Msg::PickCountryLabel),
        Pick::Place => t(Msg::PickPlaceLabel),
    };
    let input = el("input")
        .id(input_id)
        .attr("type", "text")
        .attr("role", "combobox")
        .attr("aria-autocomplete", "list")
        .attr("aria-expanded", "false")
        .attr("aria-controls", list_id)
        .attr("aria-describedby", status_id)
        .attr("autocomplete", "off")
        .attr("autocapitalize", "none")
        .attr("spellcheck", "false");
    let listbox = el("ul").id(list_id).class("suggestions").attr("role", "listbox").attr("aria-label", label);
    let status = el("p").id(status_id).class("hint").attr("aria-live", "polite");
    let field = input.input();
    let (list_node, status_node) = (listbox.0.clone(), status.0.clone());
    // The values shown and the one the arrow keys are on.
    let shown: Rc<RefCell<(Vec<&'static str>, Option<usize>)>> = Rc::new(RefCell::new((Vec::new(), None)));

    let set_active = {
        let (field, list_node, shown) = (field.clone(), list_node.clone(), shown.clone());
        move |active: Option<usize>| {
            shown.borrow_mut().1 = active;
            let items = list_node.children();
            for i in 0..items.length() {
                if let Some(item) = items.item(i) {
                    let on = Some(i as usize) == active;
                    let _ = item.set_attribute("aria-selected", if on { "true" } else { "false" });
                    item.set_class_name(if on { "suggestion active" } else { "suggestion" });
                    if on {
                        let _ = field.set_attribute("aria-activedescendant", &item.id());
                    }
                }
            }
            if active.is_none() {
                let _ = field.remove_attribute("aria-activedescendant");
            }
        }
    };

    let refresh = {
        let (field, list_node, status_node, shown) = (field.clone(), list_node.clone(), status_node.clone(), shown.clone());
        move || {
            let typed = field.value();
            let found = suggestions(d, pick, &typed, lang);
            let items: Vec<El> = found
                .iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let value: &'static str = value;
                    el("li")
                        .id(&format!("pick-option-{i}"))
                        .class("suggestion")
                        .attr("role", "option")
                        .attr("aria-selected", "false")
                        .text(label)
                        // pointerdown would take the focus from the field before the click.
                        .on("mousedown", |ev| ev.prevent_default())
                        .on("click", move |_| state.answer(qid, value))
                })
                .collect();
            *shown.borrow_mut() = (found.iter().map(|(v, _)| *v).collect(), None);
            replace_children(&list_node, items);
            let _ = field.set_attribute("aria-expanded", if found.is_empty() { "false" } else { "true" });
            let _ = field.remove_attribute("aria-activedescendant");
            let message = match (typed.trim().is_empty(), found.len()) {
                (true, _) => String::new(),
                (false, 0) => t(Msg::PickNoMatch).to_string(),
                (false, n) => fill(t(Msg::PickMatches), &[&n.to_string()]),
            };
            status_node.set_text_content(Some(&message));
        }
    };

    let keys = {
        let (field, shown, refresh, set_active) = (field.clone(), shown.clone(), refresh.clone(), set_active.clone());
        move |ev: web_sys::Event| {
            let Some(key) = web_sys::js_sys::Reflect::get(&ev, &"key".into()).ok().and_then(|k| k.as_string()) else { return };
            let (count, active) = {
                let s = shown.borrow();
                (s.0.len(), s.1)
            };
            match key.as_str() {
                "ArrowDown" | "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    let next = match (key.as_str(), active) {
                        ("ArrowDown", None) => 0,
                        ("ArrowDown", Some(i)) => (i + 1) % count,
                        (_, None) | (_, Some(0)) => count - 1,
                        (_, Some(i)) => i - 1,
                    };
                    set_active(Some(next));
                }
                "Enter" => {
                    ev.prevent_default();
                    // The highlighted one, or the only one there is.
                    let chosen = {
                        let s = shown.borrow();
                        s.1.or((s.0.len() == 1).then_some(0)).and_then(|i| s.0.get(i).copied())
                    };
                    if let Some(value) = chosen {
                        state.answer(qid, value);
                    }
                }
                "Escape" => {
                    ev.prevent_default();
                    field.set_value("");
                    refresh();
                }
                _ => {}
            }
        }
    };
    let input = input.on("input", move |_| refresh()).on("keydown", keys);
    el("div")
        .class("picker")
        .child(el("label").class("block").attr("for", input_id).text(label))
        .child(input)
        .child(status)
        .child(listbox)
}
