//! Hash routes: `#/`, `#/questions/<id>`, `#/plan`, `#/plan/<step>`, `#/card/<step>`,
//! `#/sources`, `#/sources/<source>`, `#/settings`, `#/routes/<route>` (what a route means),
//! `#/topics/<topic>` (help beside the plan, such as a lost phone), `#/install`.
//!
//! The app is served from any sub-path of a static host with relative asset URLs, and the
//! service worker caches only the real files: a path like `/sos/plan/x` would make the browser
//! look for the scripts under `/sos/plan/`. A hash never leaves the page, so every route
//! works offline, can be bookmarked, and the browser's Back button walks through them.
//! This file is plain Rust (no browser) so the browser tests can include it.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(String),
    Plan,
    Step(String),
    Card(String),
    Sources(Option<String>),
    Settings,
    Route(String),
    Topic(String),
    Install,
    NotFound,
}

impl Page {
    /// Reads `location.hash` (with or without its `#`).
    pub fn parse(hash: &str) -> Page {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let tail = parts.next().filter(|t| !t.is_empty() && !t.contains('/')).map(str::to_string);
        match (head, tail) {
            ("", None) => Page::Start,
            ("questions", Some(id)) => Page::Question(id),
            ("plan", None) => Page::Plan,
            ("plan", Some(id)) => Page::Step(id),
            ("card", Some(id)) => Page::Card(id),
            ("sources", id) => Page::Sources(id),
            ("settings", None) => Page::Settings,
            ("routes", Some(id)) => Page::Route(id),
            ("topics", Some(id)) => Page::Topic(id),
            ("install", None) => Page::Install,
            _ => Page::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Page::Start | Page::NotFound => "#/".to_string(),
            Page::Question(id) => format!("#/questions/{id}"),
            Page::Plan => "#/plan".to_string(),
            Page::Step(id) => format!("#/plan/{id}"),
            Page::Card(id) => format!("#/card/{id}"),
            Page::Sources(None) => "#/sources".to_string(),
            Page::Sources(Some(id)) => format!("#/sources/{id}"),
            Page::Settings => "#/settings".to_string(),
            Page::Route(id) => route_href(id),
            Page::Topic(id) => topic_href(id),
            Page::Install => "#/install".to_string(),
        }
    }
}

pub fn question_href(id: &str) -> String {
    format!("#/questions/{id}")
}
pub fn step_href(id: &str) -> String {
    format!("#/plan/{id}")
}
pub fn card_href(id: &str) -> String {
    format!("#/card/{id}")
}
/// A route's explanation: `route.permit` is `#/routes/permit`.
pub fn route_href(id: &str) -> String {
    format!("#/routes/{}", id.strip_prefix("route.").unwrap_or(id))
}
/// The route id a `#/routes/<x>` page names.
pub fn route_id(tail: &str) -> String {
    format!("route.{tail}")
}
pub fn topic_href(id: &str) -> String {
    format!("#/topics/{id}")
}
pub fn source_href(id: &str) -> String {
    format!("#/sources/{id}")
}
/// The element id of a source on the sources page.
pub fn source_anchor(id: &str) -> String {
    format!("source-{id}")
}
