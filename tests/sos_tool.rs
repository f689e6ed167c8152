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
