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
