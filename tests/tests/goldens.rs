//! Every twin against the goldens of aws-cdk-lib 2.276.0: each golden file (templates, asset
//! manifests, manifest.json) must be byte-identical to what the twin writes.

use std::path::{Path, PathBuf};

fn out_dir(case: &str, run: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("goldens").join(run).join(case)
}

/// The first differing line with some context, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let i = e.iter().zip(a.iter()).position(|(x, y)| x != y).unwrap_or(e.len().min(a.len()));
    let from = i.saturating_sub(3);
    let mut out = format!("first difference at line {}:\n", i + 1);
    for (n, l) in e.iter().enumerate().take(i + 3).skip(from) {
        out.push_str(&format!("  expected {:>5}: {l}\n", n + 1));
    }
    for (n, l) in a.iter().enumerate().take(i + 3).skip(from) {
        out.push_str(&format!("  actual   {:>5}: {l}\n", n + 1));
    }
    out
}

#[test]
fn every_twin_matches_its_goldens_byte_for_byte() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in parity::cases() {
        let dir = out_dir(case.name, "a");
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = parity::synth_case(&case, &dir) {
            failures.push(format!("{}: synthesis failed: {e}", case.name));
            continue;
        }
        let golden = parity::golden_dir(case.name);
        let mut names: Vec<_> = std::fs::read_dir(&golden)
            .expect("golden folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no goldens for {}", case.name);
        for name in names {
            compared += 1;
            let expected = std::fs::read_to_string(golden.join(&name)).expect("golden");
            match std::fs::read_to_string(dir.join(&name)) {
                Ok(actual) if actual == expected => {}
                Ok(actual) => failures.push(format!(
                    "{}/{name} differs from the golden\n{}",
                    case.name,
                    first_difference(&expected, &actual)
                )),
                Err(e) => failures.push(format!("{}/{name}: not written ({e})", case.name)),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} files differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn synthesis_is_deterministic() {
    for case in parity::cases() {
        let a = out_dir(case.name, "b1");
        let b = out_dir(case.name, "b2");
        for d in [&a, &b] {
            let _ = std::fs::remove_dir_all(d);
            parity::synth_case(&case, d).expect("synth");
        }
        let mut names: Vec<_> = std::fs::read_dir(&a)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        for p in names {
            let name = p.file_name().expect("name");
            assert_eq!(
                std::fs::read(&p).expect("read"),
                std::fs::read(b.join(name)).expect("read"),
                "{}: {} differs between two runs",
                case.name,
                name.to_string_lossy()
            );
        }
    }
}

#[test]
fn assembly_has_every_file_cdk_synth_writes() {
    let case = parity::cases().into_iter().find(|c| c.name == "core-nested-assets").expect("case");
    let dir = out_dir(case.name, "c");
    let _ = std::fs::remove_dir_all(&dir);
    parity::synth_case(&case, &dir).expect("synth");
    for f in [
        "manifest.json",
        "tree.json",
        "cdk.out",
        "Parent.template.json",
        "Parent.assets.json",
        "Parent.metadata.json",
        "ParentChild8B49BB45.nested.template.json",
        "asset.5e17388c46a5e4abfe30224988ca11f78261492c8ecd7adaf8429f87f0b31556.json",
        "asset.fde10193ab094c0af9bcec5a21e8a9f6cc8f7d1e6f057773f9ba484a10d7345f/index.html",
    ] {
        assert!(dir.join(f).exists(), "{f} missing");
    }
    let tree = std::fs::read_to_string(dir.join("tree.json")).expect("tree");
    assert!(tree.starts_with("{\"version\":\"tree-0.1\",\"tree\":{\"id\":\"App\",\"path\":\"\""));
}

#[test]
fn the_benchmark_app_matches_aws_cdk_lib_byte_for_byte() {
    let dir = out_dir("perf-100", "p");
    let _ = std::fs::remove_dir_all(&dir);
    let app = cdk_core::App::with_props(
        cdk_core::AppProps::builder()
            .outdir(dir.clone())
            .context("@aws-cdk/core:stackResourceLimit", 0)
            .build()
            .expect("props"),
    );
    assert_eq!(parity::perf::build(&app, 100).expect("build"), 100);
    app.synth().expect("synth");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("goldens-cdk/perf-100");
    for name in ["PerfStack.template.json", "PerfStack.assets.json"] {
        let expected = std::fs::read_to_string(golden.join(name)).expect("golden");
        let actual = std::fs::read_to_string(dir.join(name)).expect("written");
        assert!(
            expected == actual,
            "{name} differs from aws-cdk-lib's\n{}",
            first_difference(&expected, &actual)
        );
    }
}
