//! `cargo xtask vendor-spec --wheel PATH.whl`: copies the registry schemas of the types listed in
//! `cfn-spec/types.txt` out of a cfn-lint wheel, written pretty with sorted keys so that a
//! refresh shows only real changes, and records where they came from in `cfn-spec/SOURCE.md`.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};

/// The region whose provider schemas are vendored.
const REGION: &str = "us-east-1";
const PROVIDERS: &str = "cfnlint/data/schemas/providers";
const RESOURCES: &str = "cfnlint/data/schemas/resources";

/// Refreshes `cfn-spec/` under `root` from the wheel at `wheel`.
pub fn vendor_spec(root: &Path, wheel: &Path) -> Result<(), String> {
    let spec_dir = root.join(codegen::SPEC_DIR);
    let types = codegen::spec::read_types(&spec_dir).map_err(|e| e.to_string())?;
    let bytes = fs::read(wheel).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("{}: not a wheel (zip): {e}", wheel.display()))?;
    let version = wheel_version(&mut archive)?;

    let providers_path = format!("{PROVIDERS}/{REGION}.json");
    let providers: Json = serde_json::from_str(&read_entry(&mut archive, &providers_path)?)
        .map_err(|e| format!("{providers_path}: {e}"))?;

    let mut written: BTreeSet<PathBuf> = BTreeSet::new();
    for t in &types {
        let file = providers
            .get(&t.full)
            .and_then(Json::as_str)
            .ok_or_else(|| format!("{providers_path} has no entry for {}", t.full))?;
        let file = file.strip_suffix(".json").unwrap_or(file);
        let entry = format!("{RESOURCES}/{file}.json");
        let schema: Json = serde_json::from_str(&read_entry(&mut archive, &entry)?)
            .map_err(|e| format!("{entry}: {e}"))?;
        if schema.get("typeName").and_then(Json::as_str) != Some(t.full.as_str()) {
            return Err(format!("{entry} is not the schema of {}", t.full));
        }
        let text = serde_json::to_string_pretty(&sorted(schema)).map_err(|e| e.to_string())? + "\n";
        let rel = t.schema_path();
        let path = spec_dir.join(&rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.insert(rel);
    }
    remove_other_schemas(&spec_dir, &written)?;

    let wheel_name =
        wheel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let source = source_md(&wheel_name, &version, &sha256, &today(), types.len());
    let source_path = spec_dir.join("SOURCE.md");
    fs::write(&source_path, source).map_err(|e| format!("{}: {e}", source_path.display()))?;
    println!(
        "vendor-spec: {} schemas from cfn-lint {version} ({wheel_name}); now run `cargo xtask codegen`",
        types.len()
    );
    Ok(())
}

/// The package version from the wheel's `*.dist-info/METADATA`.
fn wheel_version(archive: &mut zip::ZipArchive<Cursor<Vec<u8>>>) -> Result<String, String> {
    let metadata = archive
        .file_names()
        .find(|n| n.ends_with(".dist-info/METADATA") && n.matches('/').count() == 1)
        .map(str::to_string)
        .ok_or("the wheel has no .dist-info/METADATA")?;
    let text = read_entry(archive, &metadata)?;
    text.lines()
        .find_map(|l| l.strip_prefix("Version: "))
        .map(|v| v.trim().to_string())
        .ok_or_else(|| format!("{metadata} has no Version"))
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<String, String> {
    let mut file = archive.by_name(name).map_err(|e| format!("{name} in the wheel: {e}"))?;
    let mut text = String::new();
    file.read_to_string(&mut text).map_err(|e| format!("{name} in the wheel: {e}"))?;
    Ok(text)
}

/// The same JSON with object keys sorted (arrays keep their order).
fn sorted(v: Json) -> Json {
    match v {
        Json::Object(m) => {
            let mut entries: Vec<(String, Json)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = Map::new();
            for (k, v) in entries {
                out.insert(k, sorted(v));
            }
            Json::Object(out)
        }
        Json::Array(a) => Json::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Deletes schema files of types no longer listed, and folders left empty.
fn remove_other_schemas(spec_dir: &Path, keep: &BTreeSet<PathBuf>) -> Result<(), String> {
    let schemas = spec_dir.join("schemas");
    let Ok(services) = fs::read_dir(&schemas) else {
        return Ok(());
    };
    for service in services.flatten() {
        let dir = service.path();
        if !dir.is_dir() {
            continue;
        }
        for file in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
            let path = file.path();
            let rel = path.strip_prefix(spec_dir).unwrap_or(&path).to_path_buf();
            if !keep.contains(&rel) {
                fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        // Fails (and is left alone) when not empty.
        let _ = fs::remove_dir(&dir);
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn source_md(wheel: &str, version: &str, sha256: &str, date: &str, count: usize) -> String {
    format!(
        "# Source of the vendored CloudFormation schemas

Written by `cargo xtask vendor-spec`; do not edit by hand.

| | |
|---|---|
| Package | `cfn-lint` {version} from PyPI |
| Wheel | `{wheel}` |
| SHA-256 of the wheel | `{sha256}` |
| Vendored on | {date} |
| Region | `{REGION}`: `{PROVIDERS}/{REGION}.json` maps each type name to a file under `{RESOURCES}/` |
| Types | the {count} listed in `types.txt` |

cfn-lint ships the CloudFormation registry resource-provider schemas that AWS publishes for
each region, with cfn-lint's own patches applied. Each schema is stored
as `schemas/<service lower-cased>/<Type>.json`, pretty-printed with sorted keys.
`cargo xtask codegen` turns them into the L1 crates under `crates/l1/`.

## Refreshing

```sh
pip download --no-deps cfn-lint==<version> -d /tmp/wheel
cargo xtask vendor-spec --wheel /tmp/wheel/cfn_lint-<version>-py3-none-any.whl
cargo xtask codegen
```

To vendor another type, add its name to `types.txt` and run the same commands.
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_782), (2026, 11, 25));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn keys_are_sorted_recursively() {
        let v: Json = serde_json::from_str(r#"{"b": [{"z": 1, "a": 2}], "a": 0}"#).expect("json");
        assert_eq!(
            serde_json::to_string(&sorted(v)).expect("json"),
            r#"{"a":0,"b":[{"a":2,"z":1}]}"#
        );
    }
}
