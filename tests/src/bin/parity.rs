//! Synthesizes every parity twin: `parity [--out DIR] [--only a,b]` writes
//! `DIR/<case>/cdk.out/` (default `target/parity`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out = PathBuf::from("target/parity");
    let mut only: Option<Vec<String>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => match args.next() {
                Some(d) => out = PathBuf::from(d),
                None => return usage(),
            },
            "--only" => match args.next() {
                Some(l) => only = Some(l.split(',').map(str::to_string).collect()),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let mut failed = 0;
    for case in parity::cases() {
        if only.as_ref().is_some_and(|o| !o.iter().any(|n| n == case.name)) {
            continue;
        }
        let dir = out.join(case.name).join("cdk.out");
        let _ = std::fs::remove_dir_all(&dir);
        match parity::synth_case(&case, &dir) {
            Ok(a) => println!("{}: {} stack(s) -> {}", case.name, a.stacks.len(), dir.display()),
            Err(e) => {
                failed += 1;
                eprintln!("{}: error: {e}", case.name);
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: parity [--out DIR] [--only case1,case2]");
    ExitCode::from(2)
}
