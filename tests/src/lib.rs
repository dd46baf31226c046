//! Rust twins of the parity apps of `shared/parity` (aws-cdk-lib 2.276.0 goldens).
//!
//! Each twin builds, with this workspace's crates, the same app as its `app.js`; the
//! `parity` binary (`cargo xtask parity`) synthesizes every twin into `<out>/<case>/cdk.out`,
//! and `tests/goldens.rs` compares the output byte for byte with the goldens copied into
//! `goldens/<case>/`.

use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, Error, Flags};

mod cases;
mod integ;
pub mod perf;

/// A twin: the case's name, the golden folder it belongs to, and the app it builds.
pub struct Case {
    /// The case name (`defining-apis`).
    pub name: &'static str,
    /// `core-cases` or `cases` (from `../shared/parity`), or `integ` (the ports of aws-cdk's
    /// framework-integ tests of aws-apigateway, whose apps live in `integ/<case>/app.js` here).
    pub group: &'static str,
    /// Feature flags the app starts from.
    pub flags: Flags,
    /// Builds the app's stacks. The second argument is the folder of the case's inputs.
    pub build: fn(&App, &Path) -> Result<(), Error>,
}

impl Case {
    /// A case of `cases/` with the recommended flags.
    pub const fn new(name: &'static str, build: fn(&App, &Path) -> Result<(), Error>) -> Case {
        Case { name, group: "cases", flags: Flags::Recommended, build }
    }

    /// A case of `core-cases/` with the recommended flags.
    pub const fn core(name: &'static str, build: fn(&App, &Path) -> Result<(), Error>) -> Case {
        Case { name, group: "core-cases", flags: Flags::Recommended, build }
    }

    /// A port of one of aws-cdk's `integ.*.ts` tests of aws-apigateway (`integ/<name>/app.js`,
    /// goldens made here with aws-cdk-lib 2.276.0), with the recommended flags.
    pub const fn integ(name: &'static str, build: fn(&App, &Path) -> Result<(), Error>) -> Case {
        Case { name, group: "integ", flags: Flags::Recommended, build }
    }

    /// The same case, starting from other feature flags.
    pub const fn flags(self, flags: Flags) -> Case {
        Case { flags, ..self }
    }
}

/// Every twin, core cases first, then the parity cases, then the integ-test ports.
pub fn cases() -> Vec<Case> {
    let mut all = cases::all();
    all.extend(integ::all());
    all
}

/// The folder with the inputs of the cases (asset files), next to this crate.
pub fn inputs_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs").join(case)
}

/// The folder with the copied goldens of a case.
pub fn golden_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("goldens").join(case)
}

/// Synthesizes one twin into `outdir` (its `cdk.out`).
///
/// # Errors
/// Whatever building or synthesizing the app returns.
pub fn synth_case(case: &Case, outdir: &Path) -> Result<cdk_core::CloudAssembly, Error> {
    build_case(case, outdir)?.synth()
}

/// Builds one twin's app (its cloud assembly goes to `outdir` when synthesized).
///
/// # Errors
/// Whatever building the app returns.
pub fn build_case(case: &Case, outdir: &Path) -> Result<App, Error> {
    let app = App::with_props(AppProps::builder().outdir(outdir).flags(case.flags));
    (case.build)(&app, &inputs_dir(case.name))?;
    Ok(app)
}

/// Synthesizes one twin into `outdir` (its `cdk.out`) and exports every API of it that is
/// not a `SpecRestApi` as OpenAPI 3 (`apigw_core::openapi::export_all`).
///
/// # Errors
/// Whatever building, synthesizing or exporting the app returns.
pub fn synth_case_with_openapi(
    case: &Case,
    outdir: &Path,
) -> Result<(cdk_core::CloudAssembly, Vec<apigw_core::openapi::ApiExport>), Error> {
    let app = build_case(case, outdir)?;
    let assembly = app.synth()?;
    let exports = apigw_core::openapi::export_all(&app)?;
    Ok((assembly, exports))
}
