//! Runnable examples of this workspace (`cargo run --example books-api`), and the apps they
//! build, so that tests can check them against aws-cdk-lib's output.

use apigw_core::{RestApi, RestApiProps};
use cdk_core::{App, Error, Stack};
use cdk_iam::{User, UserProps};

/// The "Defining APIs" example of the aws-apigateway README: a books API with a resource
/// tree, mock integrations and an IAM user allowed to call one method (the parity case
/// `defining-apis`).
///
/// # Errors
/// Construct errors (none for this app as written).
pub fn books_api(app: &App) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;

    api.root().add_method("ANY", None)?;

    let books = api.root().add_resource("books")?;
    books.add_method("GET", None)?;
    books.add_method("POST", None)?;

    let book = books.add_resource("{book_id}")?;
    book.add_method("GET", None)?;
    book.add_method("DELETE", None)?;

    // resource_for_path creates the intermediate resources v1 and v1/authors ...
    api.root().resource_for_path("v1/authors/{author_id}")?.add_method("GET", None)?;
    // ... and re-uses the ones that already exist.
    api.root().resource_for_path("/books/{book_id}/reviews")?.add_method("GET", None)?;

    // grant_execute: execute-api:Invoke on the method for this user
    let user = User::new(&stack, "User", UserProps::default())?;
    let method =
        api.root().resource_for_path("books/{book_id}/reviews")?.add_method("POST", None)?;
    method.grant_execute(&user)?;
    Ok(())
}
