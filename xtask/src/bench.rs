//! `cargo xtask bench`: the synthesis benchmark, ours and aws-cdk-lib's, measured side by side
//! in one run (median wall-clock time of whole processes, and peak memory), as ratios; then
//! ours alone at the larger sizes (aws-cdk-lib takes minutes there). Prints the table and
//! writes it, with a plot of time and memory against N, to `docs/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Sample {
    /// Median wall-clock time of the whole process.
    seconds: f64,
    /// Largest peak RSS over the runs, KiB.
    peak_kib: u64,
    /// The last run's standard output.
    stdout: String,
}

/// Runs a command `runs` times; the median wall-clock time and the largest peak RSS
/// (measured with `/usr/bin/time -f %M`).
fn measure(mut make: impl FnMut() -> Command, runs: usize) -> Result<Sample, String> {
    let mut times = Vec::new();
    let mut peak = 0;
    let mut stdout = String::new();
    for _ in 0..runs.max(1) {
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
        stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    Ok(Sample { seconds: times[times.len() / 2], peak_kib: peak, stdout })
}

fn timed(program: &str) -> Command {
    let mut c = Command::new("/usr/bin/time");
    c.args(["-f", "peak-kib=%M", program]);
    c
}

/// A number field of the perf binary's JSON line.
fn field(json: &str, name: &str) -> Option<f64> {
    let key = format!("\"{name}\":");
    let rest = &json[json.find(&key)? + key.len()..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// One row of the table: N, ours with and without the CloudFormation validation, and
/// aws-cdk-lib's two runs (with and without its validation) when measured.
struct Row {
    n: usize,
    cfn_resources: u64,
    ours: Sample,
    ours_fast: Sample,
    cdk: Option<(Sample, Sample)>,
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn parse_sizes(v: &str) -> Result<Vec<usize>, String> {
    v.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|_| format!("bad size '{s}'")))
        .collect()
}

pub fn bench(root: &Path, args: &[&str]) -> Result<(), String> {
    let mut cdk_dir: Option<PathBuf> = None;
    let mut runs = 3;
    let mut sizes = vec![100usize, 1000];
    let mut ours_only = vec![10_000usize];
    let mut write_docs = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--cdk" => cdk_dir = Some(PathBuf::from(it.next().ok_or("--cdk needs a folder")?)),
            "--runs" => {
                runs = it.next().and_then(|v| v.parse().ok()).ok_or("--runs needs a number")?
            }
            "--n" => sizes = parse_sizes(it.next().ok_or("--n needs sizes")?)?,
            "--ours-n" => ours_only = parse_sizes(it.next().ok_or("--ours-n needs sizes")?)?,
            "--no-docs" => write_docs = false,
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
    let out_dir = std::env::temp_dir().join("xtask-bench-ours.out");
    let run_ours = |n: usize, validate: bool| {
        measure(
            || {
                // A fresh output folder each run, as aws-cdk-lib's app gets (a new temporary
                // folder): removing the last run's output is not part of the measurement.
                let _ = std::fs::remove_dir_all(&out_dir);
                let mut c = timed(&ours);
                c.arg(n.to_string()).arg("--out").arg(&out_dir);
                if !validate {
                    c.env("PERF_NO_VALIDATE", "1");
                }
                c
            },
            runs,
        )
    };
    let run_cdk = |n: usize, validate: bool| {
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
    let mut rows = Vec::new();
    let mut all: Vec<(usize, bool)> = sizes.iter().map(|n| (*n, true)).collect();
    all.extend(ours_only.iter().filter(|n| !sizes.contains(n)).map(|n| (*n, false)));
    for (n, with_cdk) in all {
        eprintln!("N={n}: ours");
        let us = run_ours(n, true)?;
        eprintln!("N={n}: ours without validation");
        let us_fast = run_ours(n, false)?;
        let cdk = if with_cdk {
            eprintln!("N={n}: aws-cdk-lib");
            let full = run_cdk(n, true)?;
            eprintln!("N={n}: aws-cdk-lib without validation");
            let fast = run_cdk(n, false)?;
            Some((full, fast))
        } else {
            None
        };
        let cfn_resources = field(&us.stdout, "cfnResources").unwrap_or(0.0) as u64;
        rows.push(Row { n, cfn_resources, ours: us, ours_fast: us_fast, cdk });
    }
    rows.sort_by_key(|r| r.n);
    let table = render_table(&rows, runs);
    println!("{table}");
    if write_docs {
        let docs = root.join("docs");
        std::fs::create_dir_all(&docs).map_err(|e| format!("cannot create docs/: {e}"))?;
        let mut md = String::new();
        let _ = writeln!(md, "# Synthesis benchmark\n");
        let _ = writeln!(
            md,
            "Written by `cargo xtask bench --cdk DIR --runs {runs}` on {} ({} cores). Median \
             wall-clock time of {runs} runs of the whole process, largest peak RSS; aws-cdk-lib \
             2.276.0 is `node perf/app.js` of `shared/parity/perf`, ours is `target/release/perf`. \
             aws-cdk-lib is not run at the sizes marked \"not run\": it takes minutes there.\n",
            machine(),
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        );
        md.push_str(&table);
        md.push_str("\n![time and peak memory against N](bench.svg)\n");
        std::fs::write(docs.join("bench.md"), md).map_err(|e| format!("docs/bench.md: {e}"))?;
        std::fs::write(docs.join("bench.svg"), plot(&rows))
            .map_err(|e| format!("docs/bench.svg: {e}"))?;
        eprintln!("wrote docs/bench.md and docs/bench.svg");
    }
    Ok(())
}

/// The CPU model, from `/proc/cpuinfo`.
fn machine() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "an unknown CPU".into())
}

fn render_table(rows: &[Row], runs: usize) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "| N | CFN resources | ours | aws-cdk-lib | ratio | ours, no validation | aws-cdk-lib, no validation | ratio | peak RSS ours / CDK (no validation) |");
    let _ = writeln!(t, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in rows {
        let (ours, ours_fast) = (r.ours.seconds, r.ours_fast.seconds);
        match &r.cdk {
            Some((full, fast)) => {
                let _ = writeln!(
                    t,
                    "| {} | {} | {:.3} s | {:.2} s | {:.0}x | {:.3} s | {:.2} s | {:.0}x | {:.0} / {:.0} MiB |",
                    r.n,
                    r.cfn_resources,
                    ours,
                    full.seconds,
                    full.seconds / ours,
                    ours_fast,
                    fast.seconds,
                    fast.seconds / ours_fast,
                    mib(r.ours_fast.peak_kib),
                    mib(fast.peak_kib)
                );
            }
            None => {
                let _ = writeln!(
                    t,
                    "| {} | {} | {:.3} s | not run | | {:.3} s | not run | | {:.0} / – MiB |",
                    r.n,
                    r.cfn_resources,
                    ours,
                    ours_fast,
                    mib(r.ours_fast.peak_kib)
                );
            }
        }
    }
    let by_n = |n: usize| rows.iter().find(|r| r.n == n).map(|r| r.ours_fast.seconds);
    if let (Some(a), Some(b)) = (by_n(1000), by_n(10_000)) {
        let _ = writeln!(
            t,
            "\nOurs without validation, N=10,000 against N=1,000: {:.1}x the time.",
            b / a
        );
    }
    let _ = writeln!(
        t,
        "\nEach side's validation is its CloudFormation template validation (`PERF_NO_VALIDATE=1` \
         turns it off in both apps): \"ours\" against \"aws-cdk-lib\" compares the defaults, the \
         \"no validation\" columns the synthesis alone."
    );
    let _ = writeln!(t, "\n({runs} runs each.)");
    t
}

/// Two log-log panels (time, peak memory) against N, one line per program.
/// A line of a plot: its name, its colour and its points.
type Series<'a> = (&'a str, &'a str, Vec<(f64, f64)>);

fn plot(rows: &[Row]) -> String {
    let pick = |f: &dyn Fn(&Row) -> Option<f64>| -> Vec<(f64, f64)> {
        rows.iter().filter_map(|r| f(r).map(|y| (r.n as f64, y))).collect()
    };
    let time: Vec<Series> = vec![
        ("ours", "#1f77b4", pick(&|r| Some(r.ours.seconds))),
        ("ours, no validation", "#2ca02c", pick(&|r| Some(r.ours_fast.seconds))),
        ("aws-cdk-lib", "#d62728", pick(&|r| r.cdk.as_ref().map(|c| c.0.seconds))),
        ("aws-cdk-lib, no validation", "#ff7f0e", pick(&|r| r.cdk.as_ref().map(|c| c.1.seconds))),
    ];
    let memory: Vec<Series> = vec![
        ("ours", "#1f77b4", pick(&|r| Some(mib(r.ours.peak_kib)))),
        ("ours, no validation", "#2ca02c", pick(&|r| Some(mib(r.ours_fast.peak_kib)))),
        ("aws-cdk-lib", "#d62728", pick(&|r| r.cdk.as_ref().map(|c| mib(c.0.peak_kib)))),
        (
            "aws-cdk-lib, no validation",
            "#ff7f0e",
            pick(&|r| r.cdk.as_ref().map(|c| mib(c.1.peak_kib))),
        ),
    ];
    let (w, h) = (420.0, 300.0);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="11">"#,
        2.0 * w,
        h + 40.0
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    panel(&mut svg, 0.0, w, h, "wall-clock time (s)", &time);
    panel(&mut svg, w, w, h, "peak RSS (MiB)", &memory);
    // legend
    for (i, (name, color, _)) in time.iter().enumerate() {
        let x = 20.0 + i as f64 * 200.0;
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" stroke="{color}" stroke-width="2"/><text x="{tx}" y="{ty}">{name}</text>"#,
            x2 = x + 20.0,
            y = h + 20.0,
            tx = x + 25.0,
            ty = h + 24.0
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn panel(svg: &mut String, x0: f64, w: f64, h: f64, title: &str, series: &[Series<'_>]) {
    let points: Vec<(f64, f64)> = series.iter().flat_map(|s| s.2.iter().copied()).collect();
    if points.is_empty() {
        return;
    }
    let decade = |v: f64, up: bool| {
        let l = v.max(1e-6).log10();
        if up {
            l.ceil()
        } else {
            l.floor()
        }
    };
    let (mut xmin, mut xmax, mut ymin, mut ymax) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in &points {
        xmin = xmin.min(*x);
        xmax = xmax.max(*x);
        ymin = ymin.min(*y);
        ymax = ymax.max(*y);
    }
    let (lx0, mut lx1) = (decade(xmin, false), decade(xmax, true));
    let (ly0, mut ly1) = (decade(ymin, false), decade(ymax, true));
    if lx1 <= lx0 {
        lx1 = lx0 + 1.0;
    }
    if ly1 <= ly0 {
        ly1 = ly0 + 1.0;
    }
    let (left, right, top, bottom) = (x0 + 60.0, x0 + w - 20.0, 30.0, h - 30.0);
    let px = |x: f64| left + (x.log10() - lx0) / (lx1 - lx0) * (right - left);
    let py = |y: f64| bottom - (y.max(1e-6).log10() - ly0) / (ly1 - ly0) * (bottom - top);
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="18" text-anchor="middle" font-size="13">{title}, log scale, against N</text>"#,
        (left + right) / 2.0
    );
    let mut d = lx0;
    while d <= lx1 + 1e-9 {
        let x = left + (d - lx0) / (lx1 - lx0) * (right - left);
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{bottom}" stroke="#ddd"/><text x="{x:.1}" y="{ty}" text-anchor="middle">{}</text>"##,
            format_decade(d),
            ty = bottom + 14.0
        );
        d += 1.0;
    }
    let mut d = ly0;
    while d <= ly1 + 1e-9 {
        let y = bottom - (d - ly0) / (ly1 - ly0) * (bottom - top);
        let _ = writeln!(
            svg,
            r##"<line x1="{left}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end">{}</text>"##,
            format_decade(d),
            tx = left - 4.0,
            ty = y + 4.0
        );
        d += 1.0;
    }
    let _ = writeln!(
        svg,
        r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="none" stroke="#888"/>"##,
        right - left,
        bottom - top
    );
    for (_, color, pts) in series {
        if pts.is_empty() {
            continue;
        }
        let path: Vec<String> =
            pts.iter().map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y))).collect();
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2"/>"#,
            path.join(" ")
        );
        for (x, y) in pts {
            let _ = writeln!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{color}"/>"#,
                px(*x),
                py(*y)
            );
        }
    }
}

/// `10^d` as a plain number (`0.01`, `100`, `10000`).
fn format_decade(d: f64) -> String {
    let v = 10f64.powi(d.round() as i32);
    if v >= 1.0 {
        format!("{v:.0}")
    } else {
        let digits = (-d.round()) as usize;
        format!("{v:.digits$}")
    }
}
