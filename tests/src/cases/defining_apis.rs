//! Twin of `cases/defining-apis/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("defining-apis", build);

/// cases/defining-apis: the `books-api` example itself.
fn build(app: &App, _: &Path) -> Result<(), Error> {
    examples::books_api(app)
}
