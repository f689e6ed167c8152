//! The content tool as a maintainer runs it from a shell.

use std::process::{Command, Stdio};

/// `sos plan … | head` must stop quietly when `head` has read enough, not panic.
#[test]
fn a_closed_pipe_ends_the_tool_quietly() {
    for args in [&["sources"][..], &["graph"][..], &["plan", "tests/scenarios/route_permit.toml", "--json"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sos"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sos starts");
        // Close the reading end before the tool writes anything, as `head` does once it has
        // its lines.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("sos ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "sos {args:?} panicked: {stderr}");
        assert!(out.status.success(), "sos {args:?} exited with {:?}: {stderr}", out.status);
    }
}

/// After 1 November, next year's holiday notice is due: `sos check` says so when it is missing.
#[test]
fn check_warns_when_next_years_holiday_notice_is_missing() {
    let run = |today: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_sos"))
            .arg("check")
            .env("SOS_TODAY", today)
            .output()
            .expect("sos runs");
        assert!(out.status.success(), "sos check failed: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let december = run("2026-12-02");
    assert!(december.contains("warning: holidays.toml has no State Council notice for 2027"), "{december}");
    let october = run("2026-10-01");
    assert!(!october.contains("warning"), "{october}");
}

/// A maintainer checks a nationality and place pair without a browser: `sos plan --json`
/// names the post chosen (its names, Chinese address, numbers) and the office for the place.
#[test]
fn plan_json_gives_the_post_and_the_office_for_a_pair() {
    let dir = std::env::temp_dir().join(format!("sos-pair-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let answers = dir.join("answers.toml");
    std::fs::write(&answers, "document_state = \"lost\"\nlocation = \"chengdu\"\nnationality = \"JP\"\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_sos"))
        .args(["plan", answers.to_str().expect("path"), "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sos runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["outcome"]["embassy"]["post"], "post.jp.chongqing", "Sichuan is in the Chongqing consulate's district");
    let post = &v["embassy_posts"][0];
    assert!(post["address"]["zh"].as_str().is_some_and(|a| a.contains("民族路188号")), "{post}");
    assert!(post["phone"].as_array().is_some_and(|p| p.iter().any(|x| x["number"] == "023-63733585")), "{post}");
    assert_eq!(v["place"]["province"], "province.sichuan");
    assert!(v["offices"].as_array().is_some_and(|o| o.iter().any(|x| x["id"] == "office.chengdu.exit_entry")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `sos translations LANG` says what a translator has to do; a language without a file of its
/// own is refused, with the ones there are.
#[test]
fn translations_reports_what_is_missing_or_due_for_review() {
    let run = |code: &str| Command::new(env!("CARGO_BIN_EXE_sos")).args(["translations", code]).output().expect("sos runs");
    let ko = run("ko");
    assert!(ko.status.success());
    assert_eq!(String::from_utf8_lossy(&ko.stderr).trim(), "lang/ko.toml: 0 missing, 0 to review");
    let de = run("de");
    assert_eq!(de.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&de.stderr).contains("ko, ja, ru"));
}
