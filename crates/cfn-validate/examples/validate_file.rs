//! Times [`cfn_validate::validate_text`] on a template file: reads the file, validates its
//! text `RUNS` times (default 1) and prints the number of findings and the fastest run in ms
//! (`RUNS` 0: only reads the file, for the peak memory without validation).
//!
//! `cargo run --release -p cfn-validate --example validate_file -- FILE [RUNS]`

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: validate_file FILE [RUNS]");
        return ExitCode::FAILURE;
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut best = f64::INFINITY;
    let mut findings = None;
    for _ in 0..runs {
        let start = Instant::now();
        findings = cfn_validate::validate_text(&text);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    match findings {
        _ if runs == 0 => println!("read {} bytes", text.len()),
        Some(f) => println!("{} findings, {best:.2} ms", f.len()),
        None => println!("not JSON, {best:.2} ms"),
    }
    ExitCode::SUCCESS
}
