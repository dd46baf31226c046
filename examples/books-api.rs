//! The "Defining APIs" example of the aws-apigateway README, in Rust: a books API with a
//! resource tree, mock integrations and an IAM user allowed to call one method.
//!
//! `cargo run --example books-api` writes the cloud assembly to `cdk.out/` (or
//! `$CDK_OUTDIR`); deploy it with `cdk deploy --app cdk.out`.

use std::process::ExitCode;

use cdk_core::App;

fn main() -> ExitCode {
    let app = App::new();
    let result = examples::books_api(&app).and_then(|()| app.synth());
    match result {
        Ok(assembly) => {
            let dir = std::fs::canonicalize(&assembly.directory).unwrap_or(assembly.directory);
            println!("Synthesized {} into {}", assembly.stacks.join(", "), dir.display());
            println!("Deploy with: cdk deploy --app {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
