//! `postguard`: the command-line checker over the same core as the extension.
//!
//! Input is read as bytes and decoded here, not by `read_to_string`: a file saved by Windows Notepad (a UTF-8
//! byte-order mark, or UTF-16 "Unicode"), a stray invalid byte, or one bad line in a `--jsonl` batch must not
//! stop a check. `--jsonl` reads one line at a time, so a batch of any size is checked in bounded memory.

use postguard::{check, explain, CheckOptions, Context, Explanation, Finding, Policy, Problem, Report, Verdict};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  postguard check [--policy FILE] [--context post|comment|reply_to_review|message] [--site NAME] [--json]
                  [--explain] [FILE|-]
  postguard check --jsonl [--explain] [--policy FILE]

--explain adds why: the warning's probability and threshold, each kind's with the words that weigh most
toward it, and the evidence (entities, identifiers, candidate patient identifiers, care words)
  postguard policy validate FILE

exit status: 0 ok/advise, 1 warn/block (or an invalid policy for 'policy validate'), 2 usage or policy error";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("postguard: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("check") => check_command(&args[1..]),
        Some("policy") if args.get(1).map(String::as_str) == Some("validate") => validate_command(&args[2..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some("--version" | "-V") => {
            println!("postguard {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!("expected a command\n{USAGE}")),
    }
}

#[derive(Default)]
struct CheckArgs {
    policy: Option<String>,
    context: Context,
    site: Option<String>,
    json: bool,
    jsonl: bool,
    explain: bool,
    input: Option<String>,
}

fn parse_check_args(args: &[String]) -> Result<CheckArgs, String> {
    let mut parsed = CheckArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--policy" => parsed.policy = Some(value("--policy")?),
            "--context" => {
                let name = value("--context")?;
                parsed.context = Context::parse(&name).ok_or_else(|| {
                    let name = Problem::echo(&name);
                    format!("unknown context '{name}'; expected post, comment, reply_to_review or message")
                })?;
            }
            "--site" => parsed.site = Some(value("--site")?),
            "--json" => parsed.json = true,
            "--jsonl" => parsed.jsonl = true,
            "--explain" => parsed.explain = true,
            "-" => parsed.input = Some("-".into()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option '{}'\n{USAGE}", Problem::echo(flag)));
            }
            file => {
                if parsed.input.replace(file.to_string()).is_some() {
                    return Err(format!("give at most one input file\n{USAGE}"));
                }
            }
        }
    }
    if parsed.jsonl && parsed.input.as_deref().is_some_and(|i| i != "-") {
        return Err("--jsonl reads standard input; do not give a file".into());
    }
    Ok(parsed)
}

fn load_policy(path: Option<&str>) -> Result<Policy, String> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let json = read_policy(path)?;
    Policy::parse(&json).map_err(|e| {
        let details: Vec<String> = e.problems().iter().map(|p| format!("  {p}")).collect();
        format!("policy '{path}' is not valid:\n{}", details.join("\n"))
    })
}

/// A policy file's text: UTF-8 with or without a byte-order mark, or UTF-16 with one. Unlike a draft, a policy
/// with bytes that are not text is refused rather than read with replacements: a replaced character in a
/// domain or a pattern would silently change what the policy says.
fn read_policy(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read policy '{path}': {e}"))?;
    let decoded = decode(bytes);
    if decoded.replaced > 0 {
        return Err(format!(
            "cannot read policy '{path}': it is not UTF-8 or UTF-16 text ({} invalid byte sequences)",
            decoded.replaced
        ));
    }
    Ok(decoded.text)
}

/// Text decoded from bytes, and how many invalid sequences in them were replaced with U+FFFD.
struct Decoded {
    text: String,
    replaced: usize,
}

/// Decodes a file or standard input: UTF-16 (little or big endian) after its byte-order mark, which Windows
/// Notepad writes for "Unicode"; otherwise UTF-8, without its byte-order mark if it has one. Invalid bytes
/// (and unpaired UTF-16 surrogates) become U+FFFD, as a browser would show them, so one stray byte does not
/// stop the check. Valid UTF-8 (nearly every input) becomes the text without a copy, so that a long paste is held
/// once.
fn decode(mut bytes: Vec<u8>) -> Decoded {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        let mut decoded = Decoded { text: String::with_capacity(bytes.len()), replaced: 0 };
        for c in char::decode_utf16(units) {
            decoded.text.push(c.unwrap_or_else(|_| {
                decoded.replaced += 1;
                char::REPLACEMENT_CHARACTER
            }));
        }
        if bytes.len() % 2 == 1 {
            decoded.text.push(char::REPLACEMENT_CHARACTER);
            decoded.replaced += 1;
        }
        decoded
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Decoded { text, replaced: 0 },
        Err(invalid) => invalid.into_bytes(),
    };
    let mut decoded = Decoded { text: String::with_capacity(bytes.len()), replaced: 0 };
    for chunk in bytes.utf8_chunks() {
        decoded.text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            decoded.text.push(char::REPLACEMENT_CHARACTER);
            decoded.replaced += 1;
        }
    }
    decoded
}

fn check_command(args: &[String]) -> Result<ExitCode, String> {
    let args = parse_check_args(args)?;
    let policy = load_policy(args.policy.as_deref())?;
    if args.jsonl {
        return check_jsonl(&policy, args.explain);
    }
    let (bytes, source) = match args.input.as_deref() {
        None | Some("-") => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            (bytes, "standard input".to_string())
        }
        Some(path) => (std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))?, format!("'{path}'")),
    };
    let Decoded { text, replaced } = decode(bytes);
    if replaced > 0 {
        // Said without the text around them: only where the input came from and how many.
        eprintln!(
            "postguard: {source} held {replaced} invalid byte sequence{} for its encoding; each was read as U+FFFD and checked so",
            if replaced == 1 { "" } else { "s" }
        );
    }
    let options = CheckOptions { context: args.context, site: args.site };
    let report = check(&text, &options, &policy);
    // Written as it is made, not built in memory first: a long paste's report is long too.
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if args.explain {
        let why = explain(&text, &options, &policy);
        if args.json {
            serde_json::to_writer(&mut out, &explained(&report, &why))
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            print_human(&mut out, &text, &report).and_then(|()| print_why(&mut out, &why))
        }
    } else if args.json {
        serde_json::to_writer(&mut out, &report).map_err(io::Error::from).and_then(|()| writeln!(out))
    } else {
        print_human(&mut out, &text, &report)
    };
    written.and_then(|()| out.flush()).map_err(|e| format!("cannot write the report: {e}"))?;
    Ok(if matches!(report.verdict, Verdict::Warn | Verdict::Block) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn check_jsonl(policy: &Policy, explain: bool) -> Result<ExitCode, String> {
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if input.buffer().is_empty() {
            // Nothing more has arrived yet: what is answered goes out now, so a program that sends a line and
            // waits for its reply gets it (a batch read from a file still fills the buffer and writes in blocks).
            out.flush().map_err(|e| format!("cannot write: {e}"))?;
        }
        // Bytes, not `lines()`: an invalid UTF-8 byte is one bad line, not the end of the batch.
        if input.read_until(b'\n', &mut line).map_err(|e| format!("cannot read standard input: {e}"))? == 0 {
            break;
        }
        let mut bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        answer_line(&mut out, bytes, number, policy, explain)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the reply to one `--jsonl` line: its report, or `{"id", "error"}` when the line cannot be checked
/// (the id kept whenever the line's JSON has one that can be read).
fn answer_line(out: &mut impl Write, bytes: &[u8], number: usize, policy: &Policy, explain: bool) -> io::Result<()> {
    let request = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Value>(text).map_err(|e| match readable(text) {
            Some(request) => (
                request,
                format!("line {number}: a \\u escape in a string is half of a UTF-16 surrogate pair; write the whole pair or remove it"),
            ),
            None => (Value::Null, format!("line {number}: not JSON: {}", e.to_string().to_lowercase())),
        }),
        Err(e) => {
            let request = readable(&String::from_utf8_lossy(bytes)).unwrap_or(Value::Null);
            Err((request, format!("line {number}: not valid UTF-8 (byte {} of the line is not)", e.valid_up_to() + 1)))
        }
    };
    match request {
        Ok(request) => match check_request(&request, policy, explain) {
            Ok((report, Some(why))) => {
                let mut value = explained(&report, &why);
                value["id"] = request.get("id").cloned().unwrap_or(Value::Null);
                serde_json::to_writer(out, &value).map_err(io::Error::from)
            }
            Ok((report, None)) => {
                let id = request.get("id").unwrap_or(&Value::Null);
                let reply = Reply {
                    verdict: report.verdict,
                    findings: &report.findings,
                    care_context: report.care_context,
                    id,
                };
                serde_json::to_writer(out, &reply).map_err(io::Error::from)
            }
            Err(message) => serde_json::to_writer(out, &failure(request.get("id"), &message)).map_err(io::Error::from),
        },
        Err((request, message)) => {
            serde_json::to_writer(out, &failure(request.get("id"), &message)).map_err(io::Error::from)
        }
    }
}

/// A bad line's JSON read leniently, for its id: with every `\u` escape of a lone surrogate (which
/// `serde_json` refuses) read as U+FFFD. `None` when even so it is not JSON.
fn readable(json: &str) -> Option<Value> {
    let mut repaired = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find('\\') {
        repaired.push_str(&rest[..at]);
        rest = &rest[at..];
        let unit =
            |s: &str| s.strip_prefix("\\u").and_then(|h| h.get(..4)).and_then(|h| u16::from_str_radix(h, 16).ok());
        let taken = match unit(rest) {
            Some(0xD800..=0xDBFF) if unit(&rest[6..]).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => 12,
            Some(0xD800..=0xDFFF) => {
                repaired.push_str("\\ufffd");
                rest = &rest[6..];
                continue;
            }
            Some(_) => 6,
            // Any other escape is two characters (`\\` among them, so its second backslash starts nothing).
            None => rest.chars().take(2).map(char::len_utf8).sum(),
        };
        repaired.push_str(&rest[..taken]);
        rest = &rest[taken..];
    }
    repaired.push_str(rest);
    serde_json::from_str(&repaired).ok()
}

/// One line of `--jsonl` output: the report with the request's id after it. Written straight to the output,
/// not built as a `serde_json::Value` and formatted again: that was a quarter of the CLI's time per draft.
#[derive(Serialize)]
struct Reply<'a> {
    verdict: Verdict,
    findings: &'a [Finding],
    care_context: bool,
    id: &'a Value,
}

fn failure(id: Option<&Value>, message: &str) -> Value {
    json!({"id": id.unwrap_or(&Value::Null), "error": message})
}

/// Checks one `--jsonl` request (and explains it when asked), or says what is wrong with it.
fn check_request(
    request: &Value,
    policy: &Policy,
    explaining: bool,
) -> Result<(Report, Option<Vec<Explanation>>), String> {
    let Some(text) = request.get("text").and_then(Value::as_str) else {
        return Err("\"text\" must be a string".into());
    };
    let context = match request.get("context") {
        None | Some(Value::Null) => Context::Post,
        Some(value) => match value.as_str().and_then(Context::parse) {
            Some(c) => c,
            None => return Err("\"context\" must be post, comment, reply_to_review or message".into()),
        },
    };
    let site = request.get("site").and_then(Value::as_str).map(str::to_string);
    let options = CheckOptions { context, site };
    Ok((check(text, &options, policy), explaining.then(|| explain(text, &options, policy))))
}

fn print_human(out: &mut impl Write, text: &str, report: &Report) -> io::Result<()> {
    writeln!(out, "verdict: {}", report.verdict.as_str())?;
    // Whether the draft reads as written at work in health care (what decides a photo's checklist).
    writeln!(out, "care context: {}", if report.care_context { "yes" } else { "no" })?;
    if report.findings.is_empty() {
        return Ok(());
    }
    // Mark the flagged words in the text, counting UTF-16 units as the offsets do, written as the text is read.
    let mut spans: Vec<(usize, usize)> = report.findings.iter().map(|f| (f.start, f.end)).collect();
    spans.sort();
    let mut spans = spans.into_iter().peekable();
    let (mut units, mut open_until) = (0, None);
    writeln!(out)?;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        if open_until == Some(units) {
            out.write_all(b"]]")?;
            open_until = None;
        }
        if open_until.is_none() {
            // Spans starting inside a marked one are passed over, as the marks do not nest.
            while spans.next_if(|&(start, _)| start < units).is_some() {}
            if let Some((_, end)) = spans.next_if(|&(start, _)| start == units) {
                out.write_all(b"[[")?;
                open_until = Some(end);
            }
        }
        out.write_all(c.encode_utf8(&mut buffer).as_bytes())?;
        units += c.len_utf16();
    }
    if open_until.is_some() {
        out.write_all(b"]]")?;
    }
    writeln!(out, "\n")?;
    for f in &report.findings {
        let id = f.identifier.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
        writeln!(out, "- {} [{}]{}: \"{}\"", f.kind, f.severity.as_str(), id, f.text)?;
        writeln!(out, "    {}", f.message)?;
        if let Some(s) = &f.suggestion {
            writeln!(out, "    suggestion: {s}")?;
        }
    }
    Ok(())
}

/// The report as JSON with the explanation: each finding gets its kind's score in its stretch with the
/// stretch's warning and evidence (`explain`), and the report every stretch's explanation (`explain`).
fn explained(report: &Report, why: &[Explanation]) -> Value {
    let mut value = serde_json::to_value(report).unwrap_or(Value::Null);
    if let Some(findings) = value.get_mut("findings").and_then(Value::as_array_mut) {
        for (finding, f) in findings.iter_mut().zip(&report.findings) {
            let Some(stretch) = why.iter().rev().find(|s| s.start <= f.start).or(why.first()) else { continue };
            let score = stretch.kinds.iter().find(|k| k.kind == f.kind);
            finding["explain"] = json!({
                "warn": stretch.warn,
                "warn_threshold": stretch.warn_threshold,
                "exact_floor": stretch.exact_floor,
                "score": score,
                "evidence": stretch.evidence,
            });
        }
    }
    value["explain"] = json!(why);
    value
}

/// The explanation in words, after the human report.
fn print_why(out: &mut impl Write, why: &[Explanation]) -> io::Result<()> {
    for stretch in why {
        writeln!(
            out,
            "\nwhy (UTF-16 {}..{}): warning {:.2} (shown from {:.2}; exact identifiers from {:.2})",
            stretch.start, stretch.end, stretch.warn, stretch.warn_threshold, stretch.exact_floor
        )?;
        for k in &stretch.kinds {
            let words: Vec<String> = k.words.iter().map(|w| format!("\"{}\" {:+.2}", w.text, w.weight)).collect();
            writeln!(
                out,
                "  {} {:.2} (from {:.2}, {}{}{}): {}",
                k.kind,
                k.probability,
                k.threshold,
                k.mode,
                if k.rule { ", a rule found it" } else { "" },
                if k.gated { ", needs the warning" } else { "" },
                words.join(", ")
            )?;
        }
        for e in &stretch.evidence {
            writeln!(out, "  evidence: {} \"{}\" {:.2}", e.what, e.text, e.confidence)?;
        }
    }
    Ok(())
}

fn validate_command(args: &[String]) -> Result<ExitCode, String> {
    let [path] = args else {
        return Err(format!("policy validate takes one file\n{USAGE}"));
    };
    let json = read_policy(path)?;
    let (_, problems) = Policy::parse_lenient(&json);
    if problems.is_empty() {
        println!("{path}: ok");
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        println!("{path}: {p}");
    }
    println!("{} problem{} found", problems.len(), if problems.len() == 1 { "" } else { "s" });
    Ok(ExitCode::from(1))
}
