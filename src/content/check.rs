//! The content check: everything that must hold before the content ships.

use super::{Content, Line, Phone, Text};
use std::collections::BTreeSet;
use std::fmt;

/// A problem in the content, naming the file and the id it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub id: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, id: &str, message: &str) -> Problem {
        Problem { file: file.to_string(), id: id.to_string(), message: message.to_string() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.id, self.message)
    }
}

const KINDS: [&str; 3] = ["official", "official-excerpt", "secondary"];

/// Checks raw content files (file name -> TOML text) on their own, without running the
/// engine: ids that do not resolve, texts missing a language, statements without a source or
/// citing an unknown one, sources nothing cites, variants without a condition, malformed phone
/// numbers and dates. Whether answers can reach each item needs the engine, so that part is
/// in [`crate::audit`], which calls this first.
pub fn check(files: &[(&str, &str)]) -> Vec<Problem> {
    match Content::from_files(files) {
        Ok(c) => check_parsed(&c),
        Err(problems) => problems,
    }
}

/// [`check`] for content already parsed.
pub fn check_parsed(c: &Content) -> Vec<Problem> {
    let mut k = Checker { c, problems: Vec::new(), cited: BTreeSet::new() };
    k.run();
    k.problems.extend(c.translation_problems.iter().cloned());
    k.problems
}

/// The source ids the content's statements cite (its problems aside).
pub(crate) fn citations(c: &Content) -> BTreeSet<String> {
    let mut k = Checker { c, problems: Vec::new(), cited: BTreeSet::new() };
    k.run();
    k.cited
}

struct Checker<'a> {
    c: &'a Content,
    problems: Vec<Problem>,
    cited: BTreeSet<String>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, file: &str, id: &str, message: &str) {
        self.problems.push(Problem::new(file, id, message));
    }

    fn text(&mut self, file: &str, id: &str, what: &str, t: &Text) {
        if t.en.trim().is_empty() {
            self.problem(file, id, &format!("{what}: English text missing"));
        }
        if t.zh.trim().is_empty() {
            self.problem(file, id, &format!("{what}: Chinese text missing"));
        }
    }

    fn sources(&mut self, file: &str, id: &str, sources: &[String]) {
        if sources.is_empty() {
            self.problem(file, id, "statement with no source");
        }
        for s in sources {
            if self.c.source(s).is_none() {
                self.problem(file, id, &format!("unknown source id `{s}`"));
            }
            self.cited.insert(s.clone());
        }
    }

    fn phone(&mut self, file: &str, id: &str, p: &Phone, inherited: bool) {
        if !valid_phone(&p.number) {
            self.problem(file, id, &format!("malformed phone number `{}`", p.number));
        }
        self.text(file, id, &format!("phone {} label", p.number), &p.label);
        if !(inherited && p.sources.is_empty()) {
            self.sources(file, &format!("{id} / {}", p.number), &p.sources);
        }
    }

    fn line(&mut self, file: &str, step: &str, l: &Line) {
        let id = format!("{step} / {}", l.id);
        self.text(file, &id, "text", &l.text);
        self.sources(file, &id, &l.sources);
    }

    fn location_values(&self) -> Vec<&'a str> {
        self.c
            .question(super::LOCATION)
            .map(|q| q.options.iter().map(|o| o.id.as_str()).collect())
            .unwrap_or_default()
    }

    fn run(&mut self) {
        let c = self.c;
        for s in &c.sources {
            self.text("sources.toml", &s.id, "title", &s.title);
            if !KINDS.contains(&s.kind.as_str()) {
                let msg = format!("kind `{}` is not one of {}", s.kind, KINDS.join(", "));
                self.problem("sources.toml", &s.id, &msg);
            }
            if s.date != "unknown" && !valid_partial_date(&s.date) {
                let msg = format!("malformed date `{}` (YYYY, YYYY-MM, YYYY-MM-DD or unknown)", s.date);
                self.problem("sources.toml", &s.id, &msg);
            }
            if let Some(d) = s.checked.as_deref().filter(|d| !valid_full_date(d)) {
                self.problem("sources.toml", &s.id, &format!("malformed checked date `{d}` (YYYY-MM-DD)"));
            }
            if s.checked.is_some() && s.address.is_none() {
                self.problem("sources.toml", &s.id, "a checked date with no address: say where it was read");
            }
            if s.publisher.trim().is_empty() {
                self.problem("sources.toml", &s.id, "publisher missing");
            }
            if let Some(n) = &s.note {
                self.text("sources.toml", &s.id, "note", n);
            }
        }
        self.text("questions.toml", "unknown_label", "label", &c.unknown_label);
        for q in &c.questions {
            self.text("questions.toml", &q.id, "text", &q.text);
            self.text("questions.toml", &q.id, "help", &q.help);
            self.text("questions.toml", &q.id, "who_can_answer", &q.who_can_answer);
            self.sources("questions.toml", &q.id, &q.sources);
            for o in &q.options {
                self.text("questions.toml", &format!("{} = {}", q.id, o.id), "label", &o.label);
            }
            if q.kind == super::QuestionKind::Choice && q.options.len() < 2 {
                self.problem("questions.toml", &q.id, "a choice needs at least two options");
            }
        }
        for r in &c.routes {
            self.text("routes.toml", &r.id, "title", &r.title);
            self.text("routes.toml", &r.id, "summary", &r.summary);
            self.sources("routes.toml", &r.id, &r.sources);
            match (&r.if_chosen, r.id == super::UNDETERMINED) {
                (Some(t), false) => self.text("routes.toml", &r.id, "if_chosen", t),
                (None, false) => self.problem("routes.toml", &r.id, "no `if_chosen`: an undetermined plan cannot say what leads here"),
                (Some(_), true) => self.problem("routes.toml", &r.id, "the undetermined route takes no `if_chosen`"),
                (None, true) => {}
            }
            if !c.rules.iter().any(|x| x.selects == r.id) {
                self.problem("routes.toml", &r.id, "no rule selects this route");
            }
        }
        for r in &c.rules {
            self.text("rules.toml", &r.id, "why", &r.why);
            self.sources("rules.toml", &r.id, &r.sources);
        }
        let locations = self.location_values();
        let mut line_ids = BTreeSet::new();
        let mut roles_used = BTreeSet::new();
        for s in &c.steps {
            let f = "steps.toml";
            self.text(f, &s.id, "title", &s.title);
            self.text(f, &s.id, "what_to_do", &s.what_to_do);
            self.text(f, &s.id, "where", &s.where_);
            self.text(f, &s.id, "officer_sentence", &s.officer_sentence);
            if !s.officer_sentence.zh.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)) {
                self.problem(f, &s.id, "officer_sentence.zh has no Chinese characters");
            }
            self.sources(f, &s.id, &s.sources);
            for l in s.bring.iter().chain(&s.note) {
                self.line(f, &s.id, l);
                if !line_ids.insert(l.id.clone()) {
                    self.problem(f, &format!("{} / {}", s.id, l.id), "duplicate line id");
                }
            }
            for p in &s.phone {
                self.phone(f, &s.id, p, false);
            }
            for v in &s.officer_variants {
                let id = format!("{} / {}", s.id, v.id);
                self.text(f, &id, "officer sentence", &v.text);
                if !v.text.zh.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)) {
                    self.problem(f, &id, "officer sentence zh has no Chinese characters");
                }
                self.sources(f, &id, &v.sources);
                if v.when.is_empty() {
                    self.problem(f, &id, "an officer variant needs a `when`; without one, change the step's officer_sentence instead");
                }
                if !line_ids.insert(v.id.clone()) {
                    self.problem(f, &id, "duplicate line id");
                }
            }
            if let Some(role) = &s.office_role {
                roles_used.insert(role.clone());
            }
            for w in &s.working_days {
                let id = format!("{} / {} working days", s.id, w.days);
                self.text(f, &id, "label", &w.label);
                self.sources(f, &id, &w.sources);
                match w.scope.as_str() {
                    "national" if w.locations.is_empty() => {}
                    "local" if !w.locations.is_empty() => {}
                    _ => self.problem(f, &id, "scope must be `national` (no locations) or `local` (with locations)"),
                }
                for l in &w.locations {
                    if !locations.contains(&l.as_str()) {
                        self.problem(f, &id, &format!("unknown location `{l}`"));
                    }
                }
            }
        }
        for w in &c.warnings {
            self.text("warnings.toml", &w.id, "title", &w.title);
            self.text("warnings.toml", &w.id, "body", &w.body);
            self.sources("warnings.toml", &w.id, &w.sources);
        }
        for u in &c.unknowns {
            self.text("warnings.toml", &u.id, "title", &u.title);
            self.text("warnings.toml", &u.id, "body", &u.body);
            self.text("warnings.toml", &u.id, "who_can_answer", &u.who_can_answer);
            self.sources("warnings.toml", &u.id, &u.sources);
        }
        for o in &c.offices {
            let f = "offices.toml";
            self.text(f, &o.id, "name", &o.name);
            match (&o.address, &o.address_note) {
                (Some(a), _) => self.text(f, &o.id, "address", a),
                (None, Some(n)) => self.text(f, &o.id, "address_note", n),
                (None, None) => self.problem(f, &o.id, "no address and no address_note saying it is not known"),
            }
            if let Some(h) = &o.hours {
                self.text(f, &o.id, "hours", h);
            }
            if let Some(n) = &o.note {
                self.text(f, &o.id, "note", n);
            }
            for p in &o.phone {
                self.phone(f, &o.id, p, true);
            }
            self.sources(f, &o.id, &o.sources);
            if !valid_full_date(&o.last_checked) {
                self.problem(f, &o.id, &format!("malformed last_checked date `{}`", o.last_checked));
            }
            if o.locations.is_empty() {
                self.problem(f, &o.id, "serves no location");
            }
            for l in &o.locations {
                let place = c.directory().is_some_and(|d| d.place(l).is_some());
                if !locations.contains(&l.as_str()) && !place {
                    self.problem(f, &o.id, &format!("unknown location `{l}` (neither an option nor a place)"));
                }
            }
            for r in &o.roles {
                if !roles_used.contains(r) {
                    self.problem(f, &o.id, &format!("role `{r}` is used by no step"));
                }
            }
        }
        for d in &c.emergency_documents {
            let f = "emergency_documents.toml";
            if !(d.nationality.len() == 2 && d.nationality.bytes().all(|b| b.is_ascii_uppercase())) {
                self.problem(f, &d.nationality, "nationality must be an upper-case ISO 3166 alpha-2 code");
            }
            self.text(f, &d.nationality, "name", &d.name);
            if let Some(n) = &d.note {
                self.text(f, &d.nationality, "note", n);
            }
            self.sources(f, &d.nationality, &d.sources);
        }
        for t in &c.topics {
            let f = "topics.toml";
            self.text(f, &t.id, "title", &t.title);
            self.text(f, &t.id, "intro", &t.intro);
            self.text(f, &t.id, "link", &t.link);
            if t.sections.is_empty() {
                self.problem(f, &t.id, "a topic with no sections");
            }
            for sec in &t.sections {
                let id = format!("{} / {}", t.id, sec.id);
                self.text(f, &id, "title", &sec.title);
                self.text(f, &id, "body", &sec.body);
                self.sources(f, &id, &sec.sources);
                for p in &sec.phone {
                    self.phone(f, &id, p, false);
                    if !p.when.is_empty() {
                        self.problem(f, &id, "a topic's phone takes no `when`: the page shows every number");
                    }
                }
            }
        }
        let e = &c.essentials;
        self.text("essentials.toml", "title", "title", &e.title);
        self.text("essentials.toml", "newer_browser", "text", &e.newer_browser);
        for id in e.steps.iter().filter(|id| c.step(id).is_none()) {
            self.problem("essentials.toml", id, "unknown step id");
        }
        for id in e.warnings.iter().filter(|id| c.warning(id).is_none()) {
            self.problem("essentials.toml", id, "unknown warning id");
        }
        for id in e.routes.iter().filter(|id| c.route(id).is_none()) {
            self.problem("essentials.toml", id, "unknown route id");
        }
        if !e.steps.iter().filter_map(|id| c.step(id)).any(|s| s.phone.iter().any(|p| p.number == "12367")) {
            self.problem("essentials.toml", "steps", "no step with the 12367 hotline: the page without the app must give it");
        }
        if let Some(d) = c.directory() {
            self.directory(d);
        }
        for q in c.questions.iter().filter(|q| q.kind == super::QuestionKind::Place) {
            if q.options.iter().filter(|o| o.otherwise).count() != 1 {
                self.problem("questions.toml", &q.id, "a place question needs exactly one `otherwise` option");
            }
            for o in &q.options {
                for p in &o.places {
                    if c.directory().is_some_and(|d| d.place(p).is_none()) {
                        self.problem("questions.toml", &format!("{} / {}", q.id, o.id), &format!("unknown place `{p}`"));
                    }
                }
            }
        }
        let nk = c.emergency_document_not_known.clone();
        self.line("emergency_documents.toml", "not_known", &nk);
        for (file, s) in &c.external_citations {
            if c.source(s).is_none() {
                self.problem(file, s, &format!("unknown source id `{s}`"));
            }
            self.cited.insert(s.clone());
        }
        for s in &c.sources {
            if !self.cited.contains(&s.id) {
                self.problem("sources.toml", &s.id, "source is not cited by any statement");
            }
        }
    }
}

impl Checker<'_> {
    fn directory(&mut self, d: &super::Directory) {
        use super::directory::PlaceKind;
        let mut seen = BTreeSet::new();
        for k in &d.countries {
            let f = "countries.toml";
            if !(k.code.len() == 2 && k.code.bytes().all(|b| b.is_ascii_uppercase())) {
                self.problem(f, &k.code, "code must be an upper-case ISO 3166-1 alpha-2 code");
            }
            if !seen.insert(k.code.clone()) {
                self.problem(f, &k.code, "duplicate code");
            }
            self.text(f, &k.code, "name", &k.name);
        }
        let mut seen = BTreeSet::new();
        for p in &d.places {
            let f = "places.toml";
            if !seen.insert(p.id.clone()) {
                self.problem(f, &p.id, "duplicate id");
            }
            self.text(f, &p.id, "name", &p.name);
            let top = matches!(p.kind, PlaceKind::Province | PlaceKind::Municipality);
            match (&p.province, top) {
                (None, true) => {}
                (Some(pr), false) if d.place(pr).is_some_and(|x| matches!(x.kind, PlaceKind::Province | PlaceKind::Municipality)) => {}
                (Some(pr), false) => self.problem(f, &p.id, &format!("province `{pr}` is not a province-level place")),
                (None, false) => self.problem(f, &p.id, "a city needs its province"),
                (Some(_), true) => self.problem(f, &p.id, "a province-level place has no province"),
            }
            if let Some(w) = &p.within {
                if !d.place(w).is_some_and(|x| x.kind == PlaceKind::City) {
                    self.problem(f, &p.id, &format!("within `{w}` is not a prefecture-level city"));
                }
            }
            if p.kind == PlaceKind::Province && !p.id.starts_with("province.") {
                self.problem(f, &p.id, "a province's id is `province.<pinyin>`");
            }
        }
        let mut seen = BTreeSet::new();
        for post in &d.posts {
            let f = "embassies.toml";
            let id = post.id.as_str();
            if !seen.insert(id.to_string()) {
                self.problem(f, id, "duplicate id");
            }
            if d.country(&post.country).is_none() || post.country != post.country.to_ascii_uppercase() {
                self.problem(f, id, &format!("country `{}` is not an upper-case code of countries.toml", post.country));
            }
            let expected = format!("post.{}.", post.country.to_ascii_lowercase());
            if !id.starts_with(&expected) {
                self.problem(f, id, &format!("id must start with `{expected}`"));
            }
            if d.place(&post.city).is_none() {
                self.problem(f, id, &format!("city `{}` is not a place", post.city));
            }
            if post.name.en.trim().is_empty() {
                self.problem(f, id, "name: English text missing");
            }
            match (&post.address, &post.address_note) {
                (Some(a), _) if a.zh.trim().is_empty() => {
                    self.problem(f, id, "address: the Chinese address (for a taxi) is missing; give it as the source writes it, or use address_note")
                }
                (Some(_), _) => {}
                (None, Some(n)) => self.text(f, id, "address_note", n),
                (None, None) => self.problem(f, id, "no address and no address_note saying it is not known"),
            }
            for p in &post.phone {
                if !valid_phone(&p.number) {
                    self.problem(f, id, &format!("malformed phone number `{}`", p.number));
                }
                self.text(f, id, &format!("phone {} label", p.number), &p.label);
            }
            if post.phone.is_empty() && post.note.is_none() {
                self.problem(f, id, "no phone and no note saying none was found");
            }
            for pr in &post.district {
                if !d.place(pr).is_some_and(|x| matches!(x.kind, PlaceKind::Province | PlaceKind::Municipality)) {
                    self.problem(f, id, &format!("district `{pr}` is not a province-level place"));
                }
            }
            match (&post.district_note, post.district.is_empty()) {
                (None, true) => self.problem(f, id, "no district and no district_note saying it is not known"),
                (Some(n), _) => self.text(f, id, "district_note", n),
                _ => {}
            }
            for (what, t) in [("hours", &post.hours), ("lost_passport", &post.lost_passport), ("note", &post.note)] {
                if let Some(t) = t {
                    self.text(f, id, what, t);
                }
            }
            if post.sources.is_empty() {
                self.problem(f, id, "an entry with no source: say which page gave it");
            }
            for s in &post.sources {
                if !(s.address.starts_with("https://") || s.address.starts_with("http://")) || s.title.trim().is_empty() {
                    self.problem(f, id, &format!("source `{}` needs a title and a web address", s.address));
                }
            }
            if !["official", "secondary"].contains(&post.reliability.as_str()) {
                self.problem(f, id, "reliability must be `official` or `secondary`");
            }
            if !valid_full_date(&post.last_checked) {
                self.problem(f, id, &format!("malformed last_checked date `{}`", post.last_checked));
            }
        }
        // Two posts of one country both claiming a province would make the choice arbitrary.
        let mut claimed = std::collections::BTreeMap::new();
        for post in &d.posts {
            for pr in &post.district {
                if let Some(other) = claimed.insert((post.country.clone(), pr.clone()), post.id.clone()) {
                    self.problem("embassies.toml", &post.id, &format!("`{pr}` is also in the district of {other}"));
                }
            }
        }
    }
}

/// `12367` (a short national number), an area code and a local number (`0898-68590746`,
/// `021-12367`), or a mobile number (`13912345678`).
pub fn valid_phone(s: &str) -> bool {
    let digits = |x: &str, min: usize, max: usize| x.len() >= min && x.len() <= max && x.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('-') {
        // A mobile number: 11 digits from 1.
        None if s.len() == 11 => s.starts_with('1') && digits(s, 11, 11),
        None => digits(s, 5, 5),
        Some((area, local)) => area.starts_with('0') && digits(area, 3, 4) && digits(local, 5, 8),
    }
}

fn valid_full_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn valid_partial_date(s: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        4 => year(s),
        7 => year(&s[..4]) && chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok(),
        10 => valid_full_date(s),
        _ => false,
    }
}

