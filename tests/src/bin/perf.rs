//! The synthesis benchmark of `shared/parity/perf` ([`parity::perf`]):
//! `perf [N] [--out DIR]` synthesizes it and prints one JSON line with the counts, the
//! template size, the build and synthesis times, the time of each synthesis phase (prepare,
//! resolve, render, hash, write, validate), the time synthesis waited for its writer thread
//! (wait; hash and write run on it, overlapping render), the time a thread of its own rendered and
//! wrote `tree.json` and the stack metadata (aside, overlapping render) and the peak resident memory.
//!
//! The built-in CloudFormation validation runs, as in the aws-cdk-lib app; `PERF_NO_VALIDATE=1`
//! turns it off (the app's `CDK_VALIDATION=false`) to show its share of the synthesis time.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cdk_core::app::SynthTimings;
use cdk_core::{App, AppProps, Construct, Error, Stack};
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
    let result = (|| -> Result<Report, Error> {
        let props = AppProps::builder()
            .outdir(out.clone())
            .context("@aws-cdk/core:stackResourceLimit", 0)
            .builtin_cloudformation_validation(std::env::var_os("PERF_NO_VALIDATE").is_none())
            .build()
            .map_err(|source| Error::Build { path: "App".into(), source })?;
        let app = App::with_props(props);
        let created = build(&app, n)?;
        let t1 = Instant::now();
        let build_rss = peak_rss_kib().unwrap_or(0);
        let (_, phases) = app.synth_timed()?;
        let t2 = Instant::now();
        // The resources in the tree, and the template's size on disk: the template is not
        // read back (the goldens test compares its text at N=100).
        let count = Stack::of(&app.node().try_find_child("PerfStack").ok_or_else(|| {
            Error::InvalidArgument { path: "PerfStack".into(), message: "not built".into() }
        })?)?
        .resource_count();
        let template = out.join("PerfStack.template.json");
        let bytes = std::fs::metadata(&template)
            .map_err(|e| Error::Io { dir: template.display().to_string(), reason: e.to_string() })?
            .len();
        // The process ends here: freeing the tree construct by construct is wasted work.
        std::mem::forget(app);
        Ok(Report { created, count, bytes, build: t1 - t0, synth: t2 - t1, phases, build_rss })
    })();
    match result {
        Ok(r) => {
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            let p = &r.phases;
            println!(
                "{{\"n\":{n},\"apiResources\":{},\"cfnResources\":{},\"templateBytes\":{},\"buildMs\":{:.1},\"synthMs\":{:.1},\"prepareMs\":{:.1},\"resolveMs\":{:.1},\"renderMs\":{:.1},\"hashMs\":{:.1},\"writeMs\":{:.1},\"validateMs\":{:.1},\"waitMs\":{:.1},\"asideMs\":{:.1},\"buildRssKiB\":{},\"peakRssKiB\":{}}}",
                r.created,
                r.count,
                r.bytes,
                ms(r.build),
                ms(r.synth),
                ms(p.prepare),
                ms(p.resolve),
                ms(p.render),
                ms(p.hash),
                ms(p.write),
                ms(p.validate),
                ms(p.wait),
                ms(p.aside),
                r.build_rss,
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

/// What one run measured.
struct Report {
    created: usize,
    count: usize,
    bytes: u64,
    build: Duration,
    synth: Duration,
    phases: SynthTimings,
    /// Peak resident memory once the app is built, before synthesis (KiB).
    build_rss: u64,
}

fn usage() -> ExitCode {
    eprintln!("usage: perf [N] [--out DIR]");
    ExitCode::from(2)
}
