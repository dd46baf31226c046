//! The "Defining APIs" example of the aws-apigateway README, in Rust: a books API with a
//! resource tree, mock integrations and an IAM user allowed to call one method.
//!
//! `cargo run --example books-api` writes the cloud assembly to `cdk.out/` (or
//! `$CDK_OUTDIR`); deploy it with `cdk deploy --app cdk.out`.

use std::process::ExitCode;

use apigw_core::{RestApi, RestApiProps};
use cdk_core::{App, Error, Stack};
use cdk_iam::{User, UserProps};

fn build(app: &App) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    api.root().add_method("ANY", None)?;

    let books = api.root().add_resource("books")?;
    books.add_method("GET", None)?;
    books.add_method("POST", None)?;

    let book = books.add_resource("{book_id}")?;
    book.add_method("GET", None)?;
    book.add_method("DELETE", None)?;

    api.root()
        .resource_for_path("v1/authors/{author_id}")?
        .add_method("GET", None)?;
    api.root()
        .resource_for_path("/books/{book_id}/reviews")?
        .add_method("GET", None)?;

    let user = User::new(&stack, "User", UserProps::default())?;
    let method = api
        .root()
        .resource_for_path("books/{book_id}/reviews")?
        .add_method("POST", None)?;
    method.grant_execute(&user)?;
    Ok(())
}

fn main() -> ExitCode {
    let app = App::new();
    let result = build(&app).and_then(|()| app.synth());
    match result {
        Ok(assembly) => {
            let dir = std::fs::canonicalize(&assembly.directory).unwrap_or(assembly.directory);
            println!(
                "Synthesized {} into {}",
                assembly.stacks.join(", "),
                dir.display()
            );
            println!("Deploy with: cdk deploy --app {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
