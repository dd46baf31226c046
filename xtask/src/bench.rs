//! `cargo xtask bench`: the synthesis benchmark, ours and aws-cdk-lib's, measured side by side
//! in one run (median wall-clock time of whole processes, and peak memory), as ratios.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Sample {
    seconds: f64,
    peak_kib: u64,
}

/// Runs a command `runs` times; the median wall-clock time and the largest peak RSS
/// (measured with `/usr/bin/time -f %M`).
fn measure(mut make: impl FnMut() -> Command, runs: usize) -> Result<Sample, String> {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let mut cmd = make();
        let start = Instant::now();
        let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
        let elapsed = start.elapsed().as_secs_f64();
        if !out.status.success() {
            return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(kib) = stderr
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("peak-kib=").and_then(|v| v.trim().parse::<u64>().ok()))
        {
            peak = peak.max(kib);
        }
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    Ok(Sample { seconds: times[times.len() / 2], peak_kib: peak })
}

fn timed(program: &str) -> Command {
    let mut c = Command::new("/usr/bin/time");
    c.args(["-f", "peak-kib=%M", program]);
    c
}

pub fn bench(root: &Path, args: &[&str]) -> Result<(), String> {
    let mut cdk_dir: Option<PathBuf> = None;
    let mut runs = 3;
    let mut sizes = vec![100usize, 1000];
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--cdk" => cdk_dir = Some(PathBuf::from(it.next().ok_or("--cdk needs a folder")?)),
            "--runs" => {
                runs = it.next().and_then(|v| v.parse().ok()).ok_or("--runs needs a number")?
            }
            "--n" => {
                sizes = it
                    .next()
                    .ok_or("--n needs sizes")?
                    .split(',')
                    .map(|v| v.parse().map_err(|_| format!("bad size '{v}'")))
                    .collect::<Result<_, _>>()?
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    let cdk_dir =
        cdk_dir.ok_or("--cdk DIR is required (a copy of shared/parity with npm install done)")?;
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args(["build", "--quiet", "--release", "--package", "parity", "--bin", "perf"])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building the perf binary failed".into());
    }
    let ours = root.join("target/release/perf");
    let ours = ours.to_string_lossy().into_owned();
    println!("| N | ours | aws-cdk-lib | ratio | aws-cdk-lib, no validation | ratio | peak RSS ours / CDK (no validation) |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in sizes {
        let us = measure(
            || {
                let mut c = timed(&ours);
                c.arg(n.to_string());
                c
            },
            runs,
        )?;
        let cdk = |validate: bool| {
            measure(
                || {
                    let mut c = timed("node");
                    c.arg("perf/app.js").current_dir(&cdk_dir).env("PERF_N", n.to_string());
                    if !validate {
                        c.env("PERF_NO_VALIDATE", "1");
                    }
                    c
                },
                runs,
            )
        };
        let full = cdk(true)?;
        let fast = cdk(false)?;
        println!(
            "| {n} | {:.2} s | {:.2} s | {:.0}x | {:.2} s | {:.0}x | {} / {} MiB |",
            us.seconds,
            full.seconds,
            full.seconds / us.seconds,
            fast.seconds,
            fast.seconds / us.seconds,
            us.peak_kib / 1024,
            fast.peak_kib / 1024
        );
    }
    Ok(())
}
