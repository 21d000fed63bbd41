//! What the CLI reads (issue 23, point 5): `check --jsonl` answers every line on its own, whatever is wrong
//! with it (an invalid UTF-8 byte, a lone surrogate escape), keeps the line's id when its JSON has one, skips a
//! leading byte-order mark and streams (the reply to a line comes before the next line is sent); `check FILE`
//! and `check -` read UTF-8 with a byte-order mark, UTF-16 ("Unicode" in Windows Notepad) and text with a stray
//! invalid byte; a policy file with a byte-order mark is read. No message repeats the draft.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Words no reply or message may repeat.
const MARKER: &str = "SECRET-DRAFT-MARKER";

fn postguard(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the postguard binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    // Written from another thread: the replies may fill the output pipe before the input is all written.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("postguard finishes");
    writer.join().unwrap();
    out
}

/// The replies of `check --jsonl`, one JSON value per output line, after asserting exit status 0.
#[track_caller]
fn jsonl(input: &[u8]) -> Vec<Value> {
    let out = postguard(&["check", "--jsonl"], input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "the batch goes on: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("replies are UTF-8");
    assert!(!stdout.contains(MARKER) && !stderr.contains(MARKER), "a reply repeated the draft: {stdout}");
    stdout.lines().map(|l| serde_json::from_str(l).expect("every reply line is JSON")).collect()
}

#[track_caller]
fn assert_error(reply: &Value, id: Value, needle: &str) {
    assert_eq!(reply["id"], id, "{reply}");
    assert!(reply.get("verdict").is_none(), "{reply}");
    let error = reply["error"].as_str().unwrap_or_else(|| panic!("an error reply: {reply}"));
    assert!(error.contains(needle), "{error:?} should mention {needle:?}");
}

#[track_caller]
fn assert_checked(reply: &Value, id: Value, verdict: &str) {
    assert_eq!((&reply["id"], reply["verdict"].as_str()), (&id, Some(verdict)), "{reply}");
}

fn lines(lines: &[&[u8]]) -> Vec<u8> {
    lines.join(&b"\n"[..])
}

#[test]
fn jsonl_answers_every_line_after_an_invalid_utf8_byte() {
    let input = lines(&[
        br#"{"id": 1, "text": "pt ssn 219-09-9999"}"#,
        b"{\"id\": 2, \"text\": \"SECRET-DRAFT-MARKER \xff ssn 219-09-9999\"}",
        b"{\"id\": \"three\", \"text\": \"cut \xe2\x82\"}",
        b"\xc0\xaf{\"text\": \"no id SECRET-DRAFT-MARKER\"}",
        b"\xfe\xfe not json at all",
        br#"{"id": 6, "text": "Flu shots are in!"}"#,
    ]);
    let replies = jsonl(&input);
    assert_eq!(replies.len(), 6, "one reply per line, in order: {replies:#?}");
    assert_checked(&replies[0], json!(1), "warn");
    assert_error(&replies[1], json!(2), "line 2: not valid UTF-8");
    assert_error(&replies[2], json!("three"), "line 3: not valid UTF-8");
    assert_error(&replies[3], Value::Null, "line 4: not valid UTF-8");
    assert_error(&replies[4], Value::Null, "line 5: not valid UTF-8");
    assert_checked(&replies[5], json!(6), "ok");
}

#[test]
fn jsonl_skips_a_leading_byte_order_mark() {
    let input =
        lines(&[b"\xef\xbb\xbf{\"id\": 1, \"text\": \"pt ssn 219-09-9999\"}", br#"{"id": 2, "text": "hello"}"#]);
    let replies = jsonl(&input);
    assert_eq!(replies.len(), 2, "{replies:#?}");
    assert_checked(&replies[0], json!(1), "warn");
    assert_checked(&replies[1], json!(2), "ok");
    // Only at the start: a mark inside the batch is a character of that line, which is then not JSON.
    let replies = jsonl(&lines(&[br#"{"id": 1, "text": "hi"}"#, b"\xef\xbb\xbf{\"id\": 2, \"text\": \"hi\"}"]));
    assert_checked(&replies[0], json!(1), "ok");
    assert!(replies[1]["error"].is_string(), "{}", replies[1]);
    // Windows line ends are read as line ends.
    let replies = jsonl(b"\xef\xbb\xbf{\"id\": 1, \"text\": \"hi\"}\r\n{\"id\": 2, \"text\": \"hi\"}\r\n");
    assert_eq!(replies.len(), 2, "{replies:#?}");
    assert_checked(&replies[1], json!(2), "ok");
}

#[test]
fn jsonl_keeps_the_id_of_a_line_with_a_lone_surrogate() {
    let input = lines(&[
        br#"{"id": "a", "text": "SECRET-DRAFT-MARKER \ud800 ssn 219-09-9999"}"#,
        br#"{"id": 2, "text": "a low half alone \udc00"}"#,
        br#"{"text": "the high half last \uD83D", "id": {"batch": 7, "n": 3}}"#,
        br#"{"id": 4, "text": "a real pair \ud83d\ude00 and an escaped backslash \\ud800 are fine"}"#,
        br#"{"id": 5, "text": "two highs \ud83d\ud83d\ude00"}"#,
        br#"{"id": 6, "text": "truncated"#,
        br#"{"id": 7, "text": "pt ssn 219-09-9999"}"#,
    ]);
    let replies = jsonl(&input);
    assert_eq!(replies.len(), 7, "{replies:#?}");
    assert_error(&replies[0], json!("a"), "line 1: a \\u escape");
    assert_error(&replies[1], json!(2), "surrogate");
    assert_error(&replies[2], json!({"batch": 7, "n": 3}), "surrogate");
    assert_checked(&replies[3], json!(4), "ok");
    assert_error(&replies[4], json!(5), "surrogate");
    assert_error(&replies[5], Value::Null, "line 6: not JSON");
    assert_checked(&replies[6], json!(7), "warn");
}

#[test]
fn jsonl_answers_each_line_before_reading_the_next() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postguard"))
        .args(["check", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the postguard binary runs");
    let mut input = child.stdin.take().unwrap();
    let (send, replies) = mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let reader = std::thread::spawn(move || {
        for line in stdout.lines() {
            send.send(line.unwrap()).unwrap();
        }
    });
    // A reader that took the whole input before answering would never answer here: the input stays open.
    let wait = Duration::from_secs(60);
    for (n, line) in
        [&br#"{"id": 1, "text": "pt ssn 219-09-9999"}"#[..], b"{\"id\": 2, \"text\": \"\xff\"}"].iter().enumerate()
    {
        input.write_all(line).unwrap();
        input.write_all(b"\n").unwrap();
        input.flush().unwrap();
        let reply: Value = serde_json::from_str(&replies.recv_timeout(wait).expect("a reply while the input is open"))
            .expect("a JSON reply");
        assert_eq!(reply["id"], json!(n + 1), "{reply}");
    }
    drop(input);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("postguard-cli-input-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("temp dir is writable");
    path
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let units = std::iter::once(0xFEFF).chain(text.encode_utf16());
    units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

/// `check --json` of a file, and of the same bytes on standard input: the report (the same both ways) and
/// what was said on standard error.
#[track_caller]
fn check_bytes(name: &str, bytes: &[u8]) -> (Value, String) {
    let path = temp_file(name, bytes);
    let file = postguard(&["check", "--json", path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).ok();
    let stdin = postguard(&["check", "--json", "-"], bytes);
    let stderr = String::from_utf8_lossy(&file.stderr).into_owned();
    assert_eq!(file.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(file.stdout, stdin.stdout, "{name}: a file and standard input read alike");
    assert!(!stderr.contains(MARKER), "{name}: standard error repeated the draft: {stderr}");
    (serde_json::from_slice(&file.stdout).expect("a JSON report"), stderr)
}

#[track_caller]
fn assert_ssn_at(report: &Value, start: u64) {
    let findings = report["findings"].as_array().expect("findings");
    let finding = findings.iter().find(|f| f["identifier"] == "ssn").unwrap_or_else(|| panic!("no ssn: {report}"));
    assert_eq!((finding["start"].as_u64(), finding["text"].as_str()), (Some(start), Some("219-09-9999")), "{report}");
}

#[test]
fn check_reads_a_utf8_byte_order_mark() {
    let (report, stderr) = check_bytes("bom8.txt", "\u{FEFF}pt ssn 219-09-9999".as_bytes());
    assert_ssn_at(&report, 7);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn check_reads_utf16_files() {
    // Offsets count UTF-16 units of the text without its mark: the emoji is two.
    let draft = "😀 pt ssn 219-09-9999\r\nthanks";
    for big_endian in [false, true] {
        let (report, stderr) = check_bytes(if big_endian { "be.txt" } else { "le.txt" }, &utf16(draft, big_endian));
        assert_ssn_at(&report, 10);
        assert!(stderr.is_empty(), "{stderr}");
    }
    // An unpaired surrogate and an odd last byte are replaced, not refused.
    let mut bytes = utf16("pt ssn 219-09-9999 ", false);
    bytes.extend([0x00, 0xD8, b'x', 0x00, 0x41]);
    let (report, stderr) = check_bytes("broken16.txt", &bytes);
    assert_ssn_at(&report, 7);
    assert!(stderr.contains("2 invalid byte sequences") && stderr.contains("U+FFFD"), "{stderr}");
}

#[test]
fn check_replaces_a_stray_invalid_byte_and_says_so() {
    let (report, stderr) = check_bytes("stray.txt", b"SECRET-DRAFT-MARKER \xff pt ssn 219-09-9999");
    // The byte became one U+FFFD: one UTF-16 unit.
    assert_ssn_at(&report, 29);
    assert!(stderr.contains("1 invalid byte sequence") && stderr.contains("U+FFFD"), "{stderr}");
}

#[test]
fn reads_a_policy_file_with_a_byte_order_mark() {
    let policy = r#"{"organization": {"phones": ["(217) 555-0142"]}}"#;
    let draft = b"call the pt's daughter at (217) 555-0142 about the biopsy";
    for (name, bytes) in [
        ("policy-bom8.json", [&b"\xef\xbb\xbf"[..], policy.as_bytes()].concat()),
        ("policy-le.json", utf16(policy, false)),
        ("policy-be.json", utf16(policy, true)),
    ] {
        let path = temp_file(name, &bytes);
        let validate = postguard(&["policy", "validate", path.to_str().unwrap()], b"");
        let checked = postguard(&["check", "--json", "--policy", path.to_str().unwrap()], draft);
        std::fs::remove_file(&path).ok();
        let stdout = String::from_utf8_lossy(&validate.stdout);
        assert_eq!(validate.status.code(), Some(0), "{name}: {stdout}");
        assert!(stdout.trim_end().ends_with(": ok"), "{name}: {stdout}");
        let report: Value = serde_json::from_slice(&checked.stdout).expect("a JSON report");
        let findings = report["findings"].as_array().expect("findings");
        assert!(
            findings.iter().all(|f| f["identifier"] != json!("phone")),
            "{name}: the organization's phone is its own: {report}"
        );
    }
    // A policy with bytes that are not text is refused: a replaced character could change what it says.
    let path = temp_file("policy-bad.json", b"{\"organization\": {\"domains\": [\"rch\xff.org\"]}}");
    let out = postguard(&["check", "--policy", path.to_str().unwrap()], draft);
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8 or UTF-16 text"));
}

#[test]
fn explain_says_why_each_finding_was_given() {
    let out = postguard(
        &["check", "--json", "--explain"],
        "😀 Mrs. Okonkwo in bed 9 finally went home after her stroke".as_bytes(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON report");
    let findings = report["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "{report}");
    for f in findings {
        let why = &f["explain"];
        let warn = why["warn"].as_f64().expect("the warning's probability");
        assert!((0.0..=1.0).contains(&warn) && why["warn_threshold"].as_f64().is_some(), "{why}");
        assert!(why["exact_floor"].as_f64().is_some_and(|f| (0.0..=1.0).contains(&f)), "{why}");
        assert_eq!(why["score"]["kind"], f["kind"], "the finding's own kind is scored: {why}");
    }
    // The stretch's evidence holds the name as typed, at its UTF-16 offsets (the emoji is two units).
    let stretches = report["explain"].as_array().expect("every stretch's explanation");
    let evidence = stretches[0]["evidence"].as_array().expect("evidence");
    let name = evidence.iter().find(|e| e["text"] == "Okonkwo").expect("the name is evidence");
    assert_eq!((name["start"].as_u64(), name["end"].as_u64()), (Some(8), Some(15)));
    let words = stretches[0]["kinds"].as_array().unwrap().iter().flat_map(|k| k["words"].as_array().unwrap().clone());
    assert!(words.count() > 0, "words weigh toward the kinds");
    // In words, after the report; and for each line of --jsonl.
    let human = postguard(&["check", "--explain"], "pt in bed 9 coded twice tonight".as_bytes());
    assert!(String::from_utf8_lossy(&human.stdout).contains("why (UTF-16 0..31): warning"));
    let replies = jsonl_with(&["check", "--jsonl", "--explain"], b"{\"id\": 7, \"text\": \"pt in bed 9 coded\"}\n");
    assert_eq!(replies[0]["id"], 7);
    assert!(replies[0]["explain"].is_array(), "{}", replies[0]);
}

fn jsonl_with(args: &[&str], input: &[u8]) -> Vec<Value> {
    let out = postguard(args, input);
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}
