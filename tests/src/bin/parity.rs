//! Synthesizes every parity twin: `parity [--out DIR] [--only a,b]` writes
//! `DIR/<case>/cdk.out/` (default `target/parity`), and the OpenAPI 3 export of each API
//! that is not a `SpecRestApi` to `DIR/<case>/openapi/<Stack>.<Api>.json`.

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
        let openapi = out.join(case.name).join("openapi");
        let _ = std::fs::remove_dir_all(&openapi);
        match parity::synth_case_with_openapi(&case, &dir).and_then(|(a, exports)| {
            write_exports(&openapi, &exports)?;
            Ok((a, exports.len()))
        }) {
            Ok((a, apis)) => println!(
                "{}: {} stack(s) -> {}, {apis} OpenAPI export(s)",
                case.name,
                a.stacks.len(),
                dir.display()
            ),
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

/// Writes each export as `<dir>/<file name>` (pretty JSON).
fn write_exports(
    dir: &std::path::Path,
    exports: &[apigw_core::openapi::ApiExport],
) -> Result<(), cdk_core::Error> {
    let io = |e: std::io::Error| cdk_core::Error::Io {
        dir: dir.display().to_string(),
        reason: e.to_string(),
    };
    if exports.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    for e in exports {
        let text = serde_json::to_string_pretty(&e.document).map_err(|err| {
            cdk_core::Error::Io { dir: e.file_name.clone(), reason: err.to_string() }
        })?;
        std::fs::write(dir.join(&e.file_name), text + "\n").map_err(io)?;
    }
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!("usage: parity [--out DIR] [--only case1,case2]");
    ExitCode::from(2)
}
