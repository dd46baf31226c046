//! Validates template files and prints each finding as a tab-separated line:
//! `file  [SEVERITY] RULE  logical id  property path  message`.
//!
//! `cargo run -p cfn-validate --example cfn_validate -- FILE...`; `--rules` lists the ids of
//! the implemented rules instead.

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--rules") {
        for (id, _) in cfn_validate::RULES {
            println!("{id}");
        }
        return ExitCode::SUCCESS;
    }
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let Some(findings) = cfn_validate::validate_text(&text) else {
            let error = serde_json::from_str::<serde_json::Value>(&text).err();
            eprintln!("{path}: {}", error.map_or("not JSON".into(), |e| e.to_string()));
            failed = true;
            continue;
        };
        for d in findings {
            println!(
                "{path}\t[{}] {}\t{}\t{}\t{}",
                d.severity.as_str(),
                d.rule_id,
                d.logical_id.unwrap_or_default(),
                d.property_path.unwrap_or_default(),
                d.message
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
