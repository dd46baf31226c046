//! The synthesis benchmark of `shared/parity/perf` ([`parity::perf`]):
//! `perf [N] [--out DIR]` synthesizes it and prints one JSON line with the counts, the
//! template size, the build and synthesis times, the time of each synthesis phase (prepare,
//! resolve, render, hash, write, validate), the time synthesis waited for its writer thread
//! (wait; hash and write run on it, overlapping render) and the peak resident memory.
//!
//! The built-in CloudFormation validation runs, as in the aws-cdk-lib app; `PERF_NO_VALIDATE=1`
//! turns it off (the app's `CDK_VALIDATION=false`) to show its share of the synthesis time.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cdk_core::app::SynthTimings;
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
        let template = out.join("PerfStack.template.json");
        let io = |e: std::io::Error| Error::Io {
            dir: template.display().to_string(),
            reason: e.to_string(),
        };
        let (count, bytes) = count_resources(&template).map_err(io)?;
        // The process ends here: freeing the tree construct by construct is wasted work.
        std::mem::forget(app);
        Ok(Report { created, count, bytes, build: t1 - t0, synth: t2 - t1, phases, build_rss })
    })();
    match result {
        Ok(r) => {
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            let p = &r.phases;
            println!(
                "{{\"n\":{n},\"apiResources\":{},\"cfnResources\":{},\"templateBytes\":{},\"buildMs\":{:.1},\"synthMs\":{:.1},\"prepareMs\":{:.1},\"resolveMs\":{:.1},\"renderMs\":{:.1},\"hashMs\":{:.1},\"writeMs\":{:.1},\"validateMs\":{:.1},\"waitMs\":{:.1},\"buildRssKiB\":{},\"peakRssKiB\":{}}}",
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

/// The number of entries of the template's `Resources` and the template's size, read in
/// chunks: the template is written with an indent of 1, so resources are the lines indented
/// by two spaces between ` "Resources": {` and the line closing it.
fn count_resources(template: &std::path::Path) -> std::io::Result<(usize, u64)> {
    use std::io::Read;
    let mut file = std::fs::File::open(template)?;
    let bytes = file.metadata()?.len();
    let mut scan = Scan::default();
    // Each chunk starts with the last bytes of the one before: a line start is looked at
    // with the four bytes after it in one chunk.
    let mut buf = vec![0u8; 1 << 16];
    buf[..KEEP].fill(b' ');
    let mut len = KEEP;
    loop {
        let n = file.read(&mut buf[len..])?;
        // the file's last line ends with its closing brace: nothing to count there
        if n == 0 {
            break;
        }
        len += n;
        scan.chunk(&buf[..len]);
        if scan.done {
            break;
        }
        buf.copy_within(len - KEEP..len, 0);
        len = KEEP;
    }
    Ok((scan.count, bytes))
}

/// Bytes a chunk of [`count_resources`] keeps of the one before.
const KEEP: usize = 4;

/// The state of [`count_resources`] between chunks.
#[derive(Default)]
struct Scan {
    inside: bool,
    done: bool,
    count: usize,
}

impl Scan {
    /// Looks at the line starts (`\n`) at positions `0..len - KEEP` of chunk `c`, each with
    /// the four bytes after it.
    fn chunk(&mut self, c: &[u8]) {
        if c.len() <= KEEP {
            return;
        }
        let n = c.len() - KEEP;
        let mut i = 0;
        while i < n {
            if i + 8 <= n {
                // eight bytes at a time while none is a line break: the lowest flagged byte
                // of `haszero(w ^ "\n\n..")` is the first line break
                let mut w = [0u8; 8];
                w.copy_from_slice(&c[i..i + 8]);
                let x = u64::from_le_bytes(w) ^ 0x0a0a_0a0a_0a0a_0a0a;
                let found = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080;
                if found == 0 {
                    i += 8;
                    continue;
                }
                i += (found.trailing_zeros() / 8) as usize;
            } else if c[i] != b'\n' {
                i += 1;
                continue;
            }
            let line = &c[i + 1..i + 1 + KEEP];
            if !self.inside {
                self.inside = line == b" \"Re";
            } else if line.starts_with(b"  \"") {
                self.count += 1;
            } else if line.starts_with(b" }") {
                self.done = true;
                return;
            }
            i += 1;
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: perf [N] [--out DIR]");
    ExitCode::from(2)
}
