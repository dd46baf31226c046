//! The synthesis benchmark of `shared/parity/perf` ([`parity::perf`]):
//! `perf [N] [--out DIR]` synthesizes it and prints one JSON line with the counts, the
//! template size, the build and synthesis times and the peak resident memory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use cdk_core::{App, AppProps, Error};
use parity::perf::{build, TOP};

/// Peak resident set size of this process, in KiB (Linux `VmHWM`).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    let mut n: usize = std::env::var("PERF_N").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let mut out = std::env::temp_dir().join("apigw-perf-cdk.out");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => match args.next() {
                Some(d) => out = PathBuf::from(d),
                None => return usage(),
            },
            v => match v.parse() {
                Ok(v) => n = v,
                Err(_) => return usage(),
            },
        }
    }
    if n < TOP {
        eprintln!("N must be at least {TOP}");
        return ExitCode::from(2);
    }
    let _ = std::fs::remove_dir_all(&out);
    let t0 = Instant::now();
    let result = (|| -> Result<(usize, usize, u64, f64, f64), Error> {
        let props = AppProps::builder()
            .outdir(out.clone())
            .context("@aws-cdk/core:stackResourceLimit", 0)
            .build()
            .map_err(|source| Error::Build { path: "App".into(), source })?;
        let app = App::with_props(props);
        let created = build(&app, n)?;
        let t1 = Instant::now();
        app.synth()?;
        let t2 = Instant::now();
        let template = out.join("PerfStack.template.json");
        let text = std::fs::read_to_string(&template).map_err(|e| Error::Io {
            dir: template.display().to_string(),
            reason: e.to_string(),
        })?;
        let count = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|t| t.get("Resources").and_then(|r| r.as_object()).map(|r| r.len()))
            .unwrap_or(0);
        Ok((
            created,
            count,
            text.len() as u64,
            (t1 - t0).as_secs_f64() * 1000.0,
            (t2 - t1).as_secs_f64() * 1000.0,
        ))
    })();
    match result {
        Ok((created, count, bytes, build_ms, synth_ms)) => {
            println!(
                "{{\"n\":{n},\"apiResources\":{created},\"cfnResources\":{count},\"templateBytes\":{bytes},\"buildMs\":{build_ms:.1},\"synthMs\":{synth_ms:.1},\"peakRssKiB\":{}}}",
                peak_rss_kib().unwrap_or(0)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: perf [N] [--out DIR]");
    ExitCode::from(2)
}
