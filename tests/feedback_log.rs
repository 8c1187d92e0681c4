//! The feedback log survives its writer being killed: a child process appends answers as fast as
//! it can and is killed again and again, mid-stream; afterwards every line written before reads
//! back, in order, and at most one fragment per kill is lost.
use glassbank::feedback::{Answer, Response, read_log};
use glassbank::platform::append_line;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD: &str = "GLASSBANK_FEEDBACK_WRITER";

/// In the child: append numbered answers to the file named by the variable, forever.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os(CHILD) else {
        return;
    };
    let path = PathBuf::from(path);
    let run = std::process::id();
    for n in 0.. {
        let r = Response::new(
            "kill-test",
            "one_town",
            run,
            None,
            &format!("q{n}"),
            Answer::FreeText("x".repeat(n % 300)),
            glassbank::platform::utc_now(),
        );
        append_line(&path, &r.to_line()).expect("append");
    }
}

#[test]
fn killing_the_writer_never_loses_earlier_lines() {
    let dir = std::env::temp_dir().join(format!(
        "glassbank-kill-{}",
        glassbank::platform::random_id()
    ));
    let path = dir.join("feedback.jsonl");
    let me = std::env::current_exe().unwrap();
    let kills = 12;
    let mut seen_before = 0;
    for k in 0..kills {
        let mut child = Command::new(&me)
            .args(["--exact", "writer_child", "--nocapture"])
            .env(CHILD, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(40 + 23 * (k % 5)));
        child.kill().unwrap();
        child.wait().unwrap();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let (read, damaged) = read_log(&text);
        // Nothing read before is lost, and at most one fragment per kill.
        assert!(read.len() >= seen_before, "{} < {seen_before}", read.len());
        assert!(
            damaged <= k as usize + 1,
            "{damaged} damaged lines after {} kills",
            k + 1
        );
        seen_before = read.len();
        // Within each run, the answers are all there, in order.
        let mut last: Option<(u32, u64)> = None;
        for r in &read {
            let n: u64 = r.question[1..].parse().unwrap();
            if let Some((run, prev)) = last
                && run == r.respondent
            {
                assert_eq!(n, prev + 1, "a line went missing in run {run}");
            }
            last = Some((r.respondent, n));
        }
    }
    println!("{seen_before} answers survived {kills} kills");
    assert!(seen_before > 0);
    let _ = std::fs::remove_dir_all(dir);
}
