//! Twin of `cases/iam-authorizer/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("iam-authorizer", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    let books = api.root().add_resource("books")?;
    let iam_user = User::new(&stack, "IamUser", UserProps::default())?;

    let get_books = books.add_method_with(
        "GET",
        HttpIntegration::new("http://amazon.com"),
        MethodOptions::builder().authorization_type(AuthorizationType::Iam),
    )?;

    iam_user.attach_inline_policy(&Policy::new(
        &stack,
        "AllowBooks",
        PolicyProps::builder().statement(
            PolicyStatement::new()
                .actions(["execute-api:Invoke"])
                .effect(Effect::Allow)
                .resources([get_books.method_arn()?]),
        ),
    )?);
    Ok(())
}
