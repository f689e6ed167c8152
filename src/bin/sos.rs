//! The content tool for people who maintain the procedure data.
//!
//! ```text
//! sos scenarios PATH...            run scenario files or folders of them; exit 1 on a failure
//! sos plan ANSWERS.toml [--json]   the result for an answers file (question = "value" lines)
//! sos graph                        the decision graph as Graphviz DOT
//! sos sources [--older-than DAYS]  the sources with kind and date (and the offices' last check)
//! sos due 2026-09-28 30            the last day of a decision period, and whether estimated
//! sos check                        the content check, and translations due for review
//! sos translations LANG            what LANG's file lacks or must review, as entries to fill
//! sos bench [--full]               time the exhaustive walk and one evaluation
//! ```

use passport_sos::content::{self, Content, Lang};
use passport_sos::engine::{self, explore, scenario, Answers};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// `println!` that ends the program quietly when the reader has gone (`sos plan … | head`):
/// `println!` itself panics on a closed pipe.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            stdout_failed(e)
        }
    }};
}
/// `print!` likewise.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            stdout_failed(e)
        }
    }};
}

fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("cannot write the output: {e}");
    std::process::exit(2);
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(|s| s.as_str()) == Some("bundle") && args.len() == 2 {
        // Before `bundled()`, which would stop at the first problem instead of listing them.
        return exit_code(bundle(Path::new(&args[1])));
    }
    if args.first().map(|s| s.as_str()) == Some("translations") && args.len() == 2 {
        // Before `bundled()` too: it is the tool for content whose translations are missing.
        return exit_code(translations(&args[1]));
    }
    let c = content::bundled();
    let result = match args.first().map(|s| s.as_str()) {
        Some("scenarios") if args.len() > 1 => scenarios(c, &args[1..]),
        Some("plan") if args.len() > 1 => plan(c, &args[1], args.iter().any(|a| a == "--json")),
        Some("graph") => {
            say_raw!("{}", engine::graph::dot(c));
            Ok(true)
        }
        Some("sources") => sources(c, &args[1..]),
        Some("due") if args.len() == 3 => due(&args[1], &args[2]),
        Some("check") => {
            let problems = passport_sos::audit::check(content::BUNDLED_FILES);
            problems.iter().for_each(|p| say!("{p}"));
            say!("{} problem(s)", problems.len());
            // A warning, not a problem: the content is still right, only less exact than it
            // could be once the notice is in.
            if let Some(year) = passport_sos::calendar::notice_missing(today()) {
                say!("warning: holidays.toml has no State Council notice for {year} (notices come out in November): due dates in {year} are estimates. Look for 国务院办公厅关于{year}年部分节假日安排的通知 and add it.");
            }
            // Listed, not failed: the guide shows the English for these until they are reviewed,
            // so a corrected fact reaches every language at once, and nothing stale is shown.
            for (l, t) in &c.stale {
                say!("review: lang/{}.toml: {}: the English changed since it was translated; until reviewed the guide shows the English ({})", l.code(), t.path, t.file);
            }
            Ok(problems.is_empty())
        }
        Some("bench") => bench(c, args.iter().any(|a| a == "--full")),
        _ => Err("usage: sos scenarios PATH... | plan ANSWERS.toml [--json] | graph | sources [--older-than DAYS] | due YYYY-MM-DD DAYS | check | translations LANG | bench [--full] | bundle DIR".to_string()),
    };
    exit_code(result)
}

fn exit_code(result: Result<bool, String>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// Checks the content and the holiday calendar and writes them in the compact form the app
/// ships (`content.postcard`, `holidays.postcard`): the wasm build includes these files, so
/// content with a problem never reaches a phone. Also the static page's essentials
/// (`essentials.html`), which the post-build step puts into index.html.
fn bundle(dir: &Path) -> Result<bool, String> {
    let mut problems: Vec<String> = passport_sos::audit::check(content::BUNDLED_FILES).iter().map(|p| p.to_string()).collect();
    problems.extend(passport_sos::calendar::check().into_iter().map(|p| format!("holidays.toml: {p}")));
    if !problems.is_empty() {
        problems.iter().for_each(|p| eprintln!("{p}"));
        return Err(format!("{} problem(s): nothing bundled", problems.len()));
    }
    let (shipped, shipped_directory) = content::bundled().split_for_app();
    let content_bytes = shipped.to_bundle();
    let holiday_bytes = passport_sos::calendar::to_bundle(passport_sos::calendar::HOLIDAYS_TOML)
        .map_err(|e| e.join("\n"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let all = content::bundled_with_languages();
    let essentials = passport_sos::essentials::html(all).into_bytes();
    let directory = shipped_directory.to_bundle();
    let statics: serde_json::Map<String, serde_json::Value> =
        passport_sos::essentials::static_texts(all).into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
    let statics = serde_json::to_vec_pretty(&statics).map_err(|e| e.to_string())?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("content.postcard".into(), content_bytes),
        ("holidays.postcard".into(), holiday_bytes),
        ("essentials.html".into(), essentials),
        ("static.json".into(), statics),
        // The app fetches this one when a plan needs it (tools/post_build.mjs names it by hash).
        ("directory.postcard".into(), directory),
    ];
    // Each language not in the app is a file of its own, fetched by who reads it.
    for (l, table) in &all.translations {
        files.push((format!("lang-{}.postcard", l.code()), postcard::to_allocvec(table).map_err(|e| e.to_string())?));
    }
    // The home-screen name in each language; the page links the one it shows.
    // English keeps the plain name, which the page links until its script picks another.
    let base = std::fs::read_to_string("public/manifest.base.json").map_err(|e| format!("public/manifest.base.json: {e}"))?;
    let base: serde_json::Value = serde_json::from_str(&base).map_err(|e| format!("public/manifest.base.json: {e}"))?;
    for l in Lang::ALL {
        let m = passport_sos::essentials::manifest(all, &base, l);
        let name = if l == Lang::En { "manifest.webmanifest".to_string() } else { format!("manifest-{}.webmanifest", l.code()) };
        files.push((name, serde_json::to_vec_pretty(&m).map_err(|e| e.to_string())?));
    }
    for (name, bytes) in &files {
        let path = dir.join(name);
        // Rewrite only on change, so cargo does not rebuild the wasm for nothing.
        if std::fs::read(&path).ok().as_ref() != Some(bytes) {
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(true)
}

/// The entries `lang/CODE.toml` lacks, and those to review, ready to fill in: the English and
/// the Chinese of each as comments, its path and the hash of the English it will be checked
/// against.
fn translations(code: &str) -> Result<bool, String> {
    if Lang::from_code(code).filter(|l| !l.inline()).is_none() {
        return Err(format!("{code}: not a language with its own file ({})", Lang::translated().map(|l| l.code()).collect::<Vec<_>>().join(", ")));
    };
    let mut texts = Vec::new();
    for (name, text) in content::BUNDLED_FILES.iter().filter(|(n, _)| !n.starts_with("lang/")) {
        let value: toml::Value = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        texts.extend(content::lang::text_paths(name, &value));
    }
    let file = content::BUNDLED_FILES.iter().find(|(n, _)| *n == format!("lang/{code}.toml")).map(|(_, t)| *t).unwrap_or("");
    let entries: std::collections::BTreeMap<String, content::lang::Entry> = toml::from_str(file).map_err(|e| format!("lang/{code}.toml: {e}"))?;
    let found = content::lang::compare(&texts, &entries);
    // Entries to paste into the file: a missing one empty, one to review with the translation
    // it had (to correct against the new English), each with the hash of the English now.
    for (what, list) in [("missing", &found.missing), ("to review: the English changed", &found.stale)] {
        for t in list {
            say!("# {} ({what})\n# en: {}\n# zh: {}", t.file, t.en.replace('\n', " "), t.zh.replace('\n', " "));
            let was = entries.get(&t.path).map_or(String::new(), |e| e.text.clone());
            say!("[{}]\ntext = {}\nen_hash = \"{}\"\n", toml_key(&t.path), serde_json::to_string(&was).unwrap_or_default(), content::lang::hash_text(&t.en));
        }
    }
    eprintln!("lang/{code}.toml: {} missing, {} to review", found.missing.len(), found.stale.len());
    Ok(true)
}

/// A TOML key, quoted.
fn toml_key(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "toml") {
                collect(&e, out)?;
            }
        }
        Ok(())
    } else if path.is_file() {
        out.push(path.to_path_buf());
        Ok(())
    } else {
        Err(format!("{}: no such file or folder", path.display()))
    }
}

fn scenarios(c: &Content, paths: &[String]) -> Result<bool, String> {
    let mut files = Vec::new();
    for p in paths {
        collect(Path::new(p), &mut files)?;
    }
    let (mut passed, mut failed) = (0, 0);
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        match scenario::run(c, &text) {
            Ok(r) if r.passed() => {
                passed += 1;
                say!("pass  {}  ({})", f.display(), r.title);
            }
            Ok(r) => {
                failed += 1;
                say!("FAIL  {}  ({})", f.display(), r.title);
                r.failures.iter().for_each(|x| say!("        {x}"));
            }
            Err(e) => {
                failed += 1;
                say!("ERROR {}  {e}", f.display());
            }
        }
    }
    say!("{passed} passed, {failed} failed, {} file(s)", files.len());
    Ok(failed == 0 && !files.is_empty())
}

fn plan(c: &Content, path: &str, json: bool) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    // Accept both a bare answers file and a scenario file's [answers] table.
    let table = match table.get("answers") {
        Some(toml::Value::Table(t)) => t.clone(),
        _ => table,
    };
    let mut answers = Answers::default();
    for (q, v) in &table {
        match v.as_str() {
            Some(v) => answers.set(q, v),
            None => return Err(format!("{path}: `{q}` must be a string")),
        }
    }
    let o = engine::evaluate(c, &answers);
    let d = c.directory().ok_or("the directory is not loaded")?;
    let posts: Vec<&content::directory::Post> = match &o.embassy {
        engine::Embassy::Covering { post } => d.post(post).into_iter().collect(),
        engine::Embassy::All { posts } => posts.iter().filter_map(|p| d.post(p)).collect(),
        _ => Vec::new(),
    };
    if json {
        // The outcome (ids), and what the ids stand for in the directory and the offices, so a
        // maintainer can check a nationality and place pair without a browser.
        let offices: Vec<&content::Office> = o.offices.iter().filter_map(|id| c.office(id)).collect();
        let place = o.place.as_deref().and_then(|p| d.place(p));
        let out = serde_json::json!({ "outcome": &o, "place": place, "embassy_posts": posts, "offices": offices });
        say!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(true);
    }
    let t = |x: &content::Text| x.get(Lang::En).to_string();
    say!("route: {}", o.route);
    if !o.possible_routes.is_empty() {
        say!("possible routes: {}", o.possible_routes.join(", "));
    }
    say!("next question: {}", o.next_question.unwrap_or("(none)"));
    say!("questions in play: {}", o.questions_in_play.join(", "));
    say!("\nsteps:");
    for (i, s) in o.steps.iter().enumerate() {
        let def = c.step(s.id).expect("outcome ids resolve");
        let flag = match (s.certain, s.done) {
            (_, true) => " [done]",
            (false, _) => " [may apply]",
            _ => "",
        };
        say!("{:2}. {} — {}{}", i + 1, s.id, t(&def.title), flag);
        for f in &s.because {
            say!("      because {} [{}]", f.rule, f.sources.join(", "));
        }
        for l in s.bring.iter().chain(&s.notes) {
            say!("      - {}{}", l.id, if l.certain { "" } else { " (may apply)" });
        }
        for p in &s.phones {
            say!("      tel {}", p.number);
        }
        for off in &s.offices {
            say!("      office {off}");
        }
        for w in &s.working_days {
            say!("      {} working days ({}) [{}]", w.days, w.scope, w.sources.join(", "));
        }
        say!("      officer ({}): {}", s.officer_variant.unwrap_or("default"), s.officer_sentence.zh);
    }
    for b in &o.branches {
        say!("\n{} would add: {}", b.route, if b.steps.is_empty() { "(no steps)".to_string() } else { b.steps.join(", ") });
    }
    for (name, list) in [("warnings", &o.warnings), ("unknowns", &o.unknowns)] {
        say!("\n{name}:");
        for w in list.iter() {
            let rules: Vec<&str> = w.because.iter().map(|f| f.rule).collect();
            say!("  {}{} (because {})", w.id, if w.certain { "" } else { " [may apply]" }, rules.join(", "));
        }
    }
    say!("\nopen questions:");
    for q in &o.open_questions {
        let who = c.question(q.question).map(|x| t(&x.who_can_answer)).unwrap_or_default();
        say!("  {} — ask: {}", q.question, who);
    }
    if let Some(n) = &o.nationality {
        match o.emergency_document.and_then(|d| c.emergency_document(d)) {
            Some(d) => say!("\nemergency document ({n}): {}", t(&d.name)),
            None => say!("\nemergency document ({n}): not known"),
        }
    }
    if let Some(p) = o.place.as_deref() {
        let names: Vec<String> = d.chain(p).iter().map(|x| format!("{} ({})", x.name.en, x.id)).collect();
        say!("\nplace: {}", if names.is_empty() { p.to_string() } else { names.join(", in ") });
    }
    match &o.embassy {
        engine::Embassy::NotAsked => {}
        engine::Embassy::NoData => say!("\nembassy: no data for {}", o.nationality.as_deref().unwrap_or("?")),
        e => {
            let covering = matches!(e, engine::Embassy::Covering { .. });
            say!("\nembassy: {}", if covering { "the post whose district covers the place" } else { "every post (none covers the place, or the place is not known)" });
            for p in &posts {
                let phones: Vec<&str> = p.phone.iter().map(|x| x.number.as_str()).collect();
                let address = p.address.as_ref().map(|a| a.zh.as_str()).unwrap_or("(no address)");
                say!("  {} — {} — {} — tel {}", p.id, p.name.en, address, phones.join(", "));
            }
        }
    }
    for i in &o.ignored_answers {
        say!("ignored: {} = {} ({})", i.question, i.value, i.reason);
    }
    Ok(true)
}

/// Today, or the day `SOS_TODAY` (YYYY-MM-DD) names, so the date checks can be tested.
fn today() -> chrono::NaiveDate {
    if let Some(d) = std::env::var("SOS_TODAY").ok().and_then(|s| passport_sos::calendar::parse_iso_date(&s)) {
        return d;
    }
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Days::new(days)
}

/// The latest day a partial date can stand for, so only sources surely older are listed.
fn latest_day(date: &str) -> Option<chrono::NaiveDate> {
    let p = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match date.len() {
        4 => p(&format!("{date}-12-31")),
        7 => p(&format!("{date}-01")).and_then(|d| d.checked_add_months(chrono::Months::new(1))).map(|d| d.pred_opt().unwrap_or(d)),
        _ => p(date),
    }
}

fn sources(c: &Content, args: &[String]) -> Result<bool, String> {
    let older = match args {
        [] => None,
        [flag, n] if flag == "--older-than" => Some(n.parse::<i64>().map_err(|_| format!("--older-than: `{n}` is not a number of days"))?),
        _ => return Err("usage: sos sources [--older-than DAYS]".into()),
    };
    let today = today();
    let old = |date: &str| match (older, latest_day(date)) {
        (None, _) => true,
        (Some(n), Some(d)) => (today - d).num_days() > n,
        (Some(_), None) => true, // an unknown date is never known to be fresh
    };
    // Due for a look: counted from the day it was last checked, or, never checked, from its date.
    for s in c.sources.iter().filter(|s| old(s.checked.as_deref().unwrap_or(&s.date))) {
        let checked = s.checked.as_deref().map(|d| format!(" (checked {d})")).unwrap_or_default();
        say!("{:18} {:17} {:10} {}{checked}", s.id, s.kind, s.date, s.title.en);
    }
    for o in c.offices.iter().filter(|o| old(&o.last_checked)) {
        say!("{:18} {:17} {:10} {} (last checked)", o.id, "office", o.last_checked, o.name.en);
    }
    for p in c.directory().map(|d| d.posts.as_slice()).unwrap_or_default().iter().filter(|p| old(&p.last_checked)) {
        say!("{:18} {:17} {:10} {} (last checked)", p.id, "embassy", p.last_checked, p.name.en);
    }
    Ok(true)
}

fn due(accepted: &str, days: &str) -> Result<bool, String> {
    let date = chrono::NaiveDate::parse_from_str(accepted, "%Y-%m-%d").map_err(|_| format!("`{accepted}` is not a YYYY-MM-DD date"))?;
    let n: u32 = days.parse().map_err(|_| format!("`{days}` is not a number of working days"))?;
    let d = passport_sos::calendar::due_date(date, n);
    say!("{} working days after {date}: {}{}", n, d.date, if d.estimate { " (estimate)" } else { "" });
    say!("estimate: {}", d.estimate);
    Ok(true)
}

fn bench(c: &Content, full: bool) -> Result<bool, String> {
    let start = Instant::now();
    let mut routes = 0usize;
    let n = explore::exhaustive(c, &mut |_, o| routes += o.steps.len());
    let walk = start.elapsed();
    say!("exhaustive walk: {n} evaluations in {:.1} ms ({:.2} µs each)", walk.as_secs_f64() * 1e3, walk.as_secs_f64() * 1e6 / n as f64);
    let answers = Answers::from_pairs(&[
        ("document_state", "stolen"),
        ("urgency", "urgent"),
        ("location", "haikou"),
        ("age_16_plus", "yes"),
        ("loss_report", "certificate_in_hand"),
        ("embassy_contact", "yes"),
        ("embassy_answer", "cannot_issue_in_china"),
        ("exit_bar", "prefer_not_to_say"),
        ("nationality", "US"),
    ]);
    let runs = 20_000;
    let start = Instant::now();
    let mut steps = 0;
    for _ in 0..runs {
        steps += engine::evaluate(c, std::hint::black_box(&answers)).steps.len();
    }
    let one = start.elapsed().as_secs_f64() / runs as f64;
    say!("one evaluation (full permit case in Haikou): {:.2} µs ({steps} steps over {runs} runs)", one * 1e6);
    let start = Instant::now();
    let mut count = 0;
    explore::flow_walk(c, &mut |_, _| count += 1);
    say!("flow walk (content check reachability): {count} evaluations in {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    if full {
        let start = Instant::now();
        let n = explore::complete(c, &mut |_, o| routes += o.warnings.len());
        say!("complete product: {n} evaluations in {:.1} s", start.elapsed().as_secs_f64());
    }
    let _ = routes;
    Ok(true)
}
