//! The page without the app: when WebAssembly is missing or fails, or script is off, the static
//! `index.html` still shows the first steps, the warnings that matter most, when the permit
//! applies and the 12367 number as a link, in every language, with their sources.
//!
//! Built at build time (`sos bundle`) from the content items `content/essentials.toml` names,
//! so the static page says what the guide says and nothing is written twice; the post-build
//! step puts it into `index.html`.

use crate::content::{Content, Lang, Text};
use crate::ui::Msg;

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `tel:` with only the digits (and a leading +), as the app's links have them.
fn tel(number: &str) -> String {
    number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// The `<section id="essentials" hidden>` the static page shows when the app cannot run.
pub fn html(c: &Content) -> String {
    let e = &c.essentials;
    let mut out = String::from("<section id=\"essentials\" class=\"essentials\" aria-labelledby=\"essentials-heading\" hidden>");
    for lang in Lang::ALL {
        let t = |x: &Text| escape(x.get(lang));
        let attrs = attrs(lang);
        let heading_id = if lang == Lang::En { " id=\"essentials-heading\"" } else { "" };
        out.push_str(&format!("<div{attrs}><h2{heading_id}>{}</h2><p class=\"hint\">{}</p><ol>", t(&e.title), t(&e.newer_browser)));
        for s in e.steps.iter().filter_map(|id| c.step(id)) {
            out.push_str(&format!("<li><h3>{}</h3><p>{}</p>", t(&s.title), t(&s.what_to_do)));
            // Only the numbers that hold for everyone: a line limited to some answers
            // (a city's number) cannot be chosen without the questions.
            for p in s.phone.iter().filter(|p| p.when.is_empty()) {
                out.push_str(&format!(
                    "<p><a class=\"tel\" href=\"tel:{}\">{}</a> {}</p>",
                    tel(&p.number),
                    escape(&p.number),
                    t(&p.label)
                ));
            }
            out.push_str(&sources(c, &s.sources, lang));
            out.push_str("</li>");
        }
        out.push_str("</ol>");
        for w in e.warnings.iter().filter_map(|id| c.warning(id)) {
            out.push_str(&format!("<div class=\"warning\"><h3>{}</h3><p>{}</p>{}</div>", t(&w.title), t(&w.body), sources(c, &w.sources, lang)));
        }
        for r in e.routes.iter().filter_map(|id| c.route(id)) {
            let lead = r.if_chosen.as_ref().map(|x| format!("<p><strong>{}:</strong></p>", t(x))).unwrap_or_default();
            out.push_str(&format!("<div class=\"route\"><h3>{}</h3>{lead}<p>{}</p>{}</div>", t(&r.title), t(&r.summary), sources(c, &r.sources, lang)));
        }
        out.push_str("</div>");
    }
    out.push_str("</section>");
    out
}

/// `lang` and `data-lang` (the page's style shows only the chosen language's elements).
fn attrs(lang: Lang) -> String {
    format!(" lang=\"{}\" data-lang=\"{}\"", lang.tag(), lang.code())
}

fn sources(c: &Content, ids: &[String], lang: Lang) -> String {
    let label = c.message(Msg::SourcesLabel, lang);
    let titles: Vec<String> = ids.iter().filter_map(|id| c.source(id)).map(|s| escape(s.title.get(lang))).collect();
    format!("<p class=\"cites\">{label} {}</p>", titles.join(c.message(Msg::ListSeparator, lang)))
}

/// The static page's texts in every language, by the name of the `<template id="static-…">`
/// that the post-build step replaces in index.html. The page shows them before the app
/// arrives, so they are written here once from the interface messages, not by hand in HTML.
pub fn static_texts(c: &Content) -> Vec<(&'static str, String)> {
    let each = |element: &str, class: &str, msg: Msg| -> String {
        let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
        Lang::ALL
            .iter()
            .map(|&l| format!("<{element}{class}{}>{}</{element}>", attrs(l), escape(c.message(msg, l))))
            .collect()
    };
    let inapp: String = Lang::ALL
        .iter()
        .enumerate()
        .map(|(i, &l)| {
            let id = if i == 0 { " id=\"inapp-heading\"" } else { "" };
            format!(
                "<h2{id}{a}>{}</h2><p{a}>{}</p>",
                escape(c.message(Msg::StaticInAppHeading, l)),
                escape(c.message(Msg::StaticInApp, l)),
                a = attrs(l)
            )
        })
        .collect();
    vec![
        ("purpose", each("p", "purpose", Msg::StaticPurpose)),
        ("hotline", each("span", "hotline-text", Msg::StaticHotline)),
        ("source", each("p", "source", Msg::StaticSource)),
        ("inapp", inapp),
        ("failed", each("span", "", Msg::StaticAppFailed)),
        ("noscript", each("span", "", Msg::StaticNoScript)),
        ("update", each("span", "", Msg::StaticUpdateReady)),
        ("reload", each("span", "", Msg::StaticUpdateReload)),
    ]
}

/// The web app manifest in `lang`: the base manifest with its name, short name, description
/// and language, so a phone installs the guide under a name its owner reads.
pub fn manifest(c: &Content, base: &serde_json::Value, lang: Lang) -> serde_json::Value {
    let mut m = base.clone();
    if let Some(o) = m.as_object_mut() {
        o.insert("name".into(), c.message(Msg::AppName, lang).into());
        o.insert("short_name".into(), c.message(Msg::AppShortName, lang).into());
        o.insert("description".into(), c.message(Msg::AppDescription, lang).into());
        o.insert("lang".into(), lang.tag().into());
    }
    m
}
