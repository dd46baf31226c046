//! Twin of `cases/defining-apis/app.js`.

use super::prelude::*;

/// cases/defining-apis: the `books-api` example itself.
pub(crate) fn defining_apis(app: &App, _: &Path) -> Result<(), Error> {
    examples::books_api(app)
}
