//! `postguard`: the command-line checker over the same core as the extension.

use postguard::{check, CheckOptions, Context, Finding, Policy, Problem, Report, Verdict};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  postguard check [--policy FILE] [--context post|comment|reply_to_review|message] [--site NAME] [--json] [FILE|-]
  postguard check --jsonl [--policy FILE]
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
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read policy '{path}': {e}"))?;
    Policy::parse(&json).map_err(|e| {
        let details: Vec<String> = e.problems().iter().map(|p| format!("  {p}")).collect();
        format!("policy '{path}' is not valid:\n{}", details.join("\n"))
    })
}

fn check_command(args: &[String]) -> Result<ExitCode, String> {
    let args = parse_check_args(args)?;
    let policy = load_policy(args.policy.as_deref())?;
    if args.jsonl {
        return check_jsonl(&policy);
    }
    let text = match args.input.as_deref() {
        None | Some("-") => {
            let mut text = String::new();
            io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read standard input: {e}"))?;
            text
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("cannot read '{path}': {e}"))?,
    };
    let options = CheckOptions { context: args.context, site: args.site };
    let report = check(&text, &options, &policy);
    if args.json {
        println!("{}", serde_json::to_string(&report).expect("reports serialize"));
    } else {
        print_human(&text, &report);
    }
    Ok(if matches!(report.verdict, Verdict::Warn | Verdict::Block) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn check_jsonl(policy: &Policy) -> Result<ExitCode, String> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let written = match serde_json::from_str::<Value>(&line) {
            Ok(request) => match check_request(&request, policy) {
                Ok(report) => {
                    let id = request.get("id").unwrap_or(&Value::Null);
                    let reply = Reply { verdict: report.verdict, findings: &report.findings, id };
                    serde_json::to_writer(&mut out, &reply).map_err(io::Error::from)
                }
                Err(message) => {
                    serde_json::to_writer(&mut out, &failure(request.get("id"), &message)).map_err(io::Error::from)
                }
            },
            Err(e) => {
                let message = format!("line {}: not JSON: {}", n + 1, e.to_string().to_lowercase());
                serde_json::to_writer(&mut out, &failure(None, &message)).map_err(io::Error::from)
            }
        };
        written.and_then(|()| out.write_all(b"\n")).map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// One line of `--jsonl` output: the report with the request's id after it. Written straight to the output,
/// not built as a `serde_json::Value` and formatted again: that was a quarter of the CLI's time per draft.
#[derive(Serialize)]
struct Reply<'a> {
    verdict: Verdict,
    findings: &'a [Finding],
    id: &'a Value,
}

fn failure(id: Option<&Value>, message: &str) -> Value {
    json!({"id": id.unwrap_or(&Value::Null), "error": message})
}

/// Checks one `--jsonl` request, or says what is wrong with it.
fn check_request(request: &Value, policy: &Policy) -> Result<Report, String> {
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
    Ok(check(text, &CheckOptions { context, site }, policy))
}

fn print_human(text: &str, report: &Report) {
    println!("verdict: {}", report.verdict.as_str());
    if report.findings.is_empty() {
        return;
    }
    // Mark the flagged words in the text, counting UTF-16 units as the offsets do.
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut marked = String::new();
    let mut at = 0;
    let mut spans: Vec<(usize, usize)> = report.findings.iter().map(|f| (f.start, f.end)).collect();
    spans.sort();
    for (start, end) in spans {
        if start < at {
            continue;
        }
        marked.push_str(&String::from_utf16_lossy(&units[at..start]));
        marked.push_str("[[");
        marked.push_str(&String::from_utf16_lossy(&units[start..end]));
        marked.push_str("]]");
        at = end;
    }
    marked.push_str(&String::from_utf16_lossy(&units[at..]));
    println!("\n{marked}\n");
    for f in &report.findings {
        let id = f.identifier.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
        println!("- {} [{}]{}: \"{}\"", f.kind, f.severity.as_str(), id, f.text);
        println!("    {}", f.message);
        if let Some(s) = &f.suggestion {
            println!("    suggestion: {s}");
        }
    }
}

fn validate_command(args: &[String]) -> Result<ExitCode, String> {
    let [path] = args else {
        return Err(format!("policy validate takes one file\n{USAGE}"));
    };
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read policy '{path}': {e}"))?;
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
