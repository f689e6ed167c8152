//! The app ships the content in the compact form `sos bundle` writes, not as TOML, and the
//! directory (with the offices) as a second file it reads later: every scenario must give the
//! same verdict on those two as on the TOML.

use passport_sos::content::{self, Content};
use passport_sos::engine::{evaluate, explore, scenario};
use std::path::Path;

/// The content and the directory as the app has them once both files are read.
fn shipped() -> Content {
    let (content, directory) = content::bundled().split_for_app();
    let shipped = Content::from_bundle(&content.to_bundle()).expect("the bundle reads back");
    shipped.set_directory(content::Directory::from_bundle(&directory.to_bundle()).expect("the directory reads back"));
    shipped
}

fn scenario_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scenario_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn every_scenario_holds_on_the_shipped_content() {
    let shipped = shipped();
    let mut files = Vec::new();
    scenario_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios")), &mut files);
    assert!(files.len() > 30, "found {} scenario files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let report = scenario::run(&shipped, &text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(report.failures.is_empty(), "{}: {:?}", file.display(), report.failures);
    }
}

#[test]
fn a_damaged_bundle_is_an_error_not_a_panic() {
    let bytes = content::bundled().to_bundle();
    assert!(Content::from_bundle(&bytes[..bytes.len() / 2]).is_err());
    assert!(Content::from_bundle(b"not a bundle").is_err());
    // And the intact one gives the same first question as the TOML.
    let shipped = Content::from_bundle(&bytes).unwrap();
    let none = Default::default();
    assert_eq!(evaluate(&shipped, &none).next_question, evaluate(content::bundled(), &none).next_question);
}

#[test]
fn every_path_through_the_questions_gives_the_same_plan_on_the_shipped_content() {
    let shipped = shipped();
    let mut walked = 0;
    explore::flow_walk(content::bundled(), &mut |answers, outcome| {
        let other = evaluate(&shipped, answers);
        assert_eq!(other.route, outcome.route, "{answers:?}");
        let mine: Vec<&str> = other.steps.iter().map(|s| s.id).collect();
        let theirs: Vec<&str> = outcome.steps.iter().map(|s| s.id).collect();
        assert_eq!(mine, theirs, "{answers:?}");
        assert_eq!(other.warnings.len(), outcome.warnings.len(), "{answers:?}");
        walked += 1;
    });
    assert!(walked > 100, "walked {walked}");
}

/// A directory file cut short or not a directory (a captive portal's page, say) is an error
/// the app reports, never a panic; the intact one holds every post.
#[test]
fn a_damaged_directory_file_is_an_error_not_a_panic() {
    let (_, directory) = content::bundled().split_for_app();
    let bytes = directory.to_bundle();
    assert!(content::Directory::from_bundle(&bytes[..bytes.len() / 2]).is_err());
    assert!(content::Directory::from_bundle(b"<html>Login to the hotel Wi-Fi</html>").is_err());
    let back = content::Directory::from_bundle(&bytes).unwrap();
    assert_eq!(back.posts.len(), directory.posts.len());
    assert!(!back.offices.is_empty(), "the offices travel with the directory");
}
