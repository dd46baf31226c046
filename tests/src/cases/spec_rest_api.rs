//! Twin of `cases/spec-rest-api/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("spec-rest-api", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "AssetStack")?;
        let integration = HttpIntegration::new("https://example.com/books");

        let api = SpecRestApi::new(
            &stack,
            "books-api",
            SpecRestApiProps::builder()
                .api_definition(ApiDefinition::from_asset(inputs.join("openapi.json"))),
        )?;

        let books_resource = api.root().add_resource("books")?;
        books_resource.add_method("GET", &integration)?;
    }

    {
        let stack = Stack::new(app, "InlinePrivateStack")?;
        let api_definition = ApiDefinition::from_inline(serde_json::json!({
            "openapi": "3.0.2",
            "info": { "title": "inline-api", "version": "1.0" },
            "paths": {
                "/pets": {
                    "get": {
                        "responses": { "200": { "description": "ok" } },
                        "x-amazon-apigateway-integration": {
                            "type": "MOCK",
                            "requestTemplates": { "application/json": "{\"statusCode\": 200}" },
                            "responses": { "default": { "statusCode": "200" } }
                        }
                    }
                }
            },
            "x-amazon-apigateway-policy": {
                "Version": "2012-10-17",
                "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*" }]
            }
        }));

        SpecRestApi::new(
            &stack,
            "ExampleRestApi",
            SpecRestApiProps::builder()
                .api_definition(api_definition)
                .endpoint_types([EndpointType::Private]),
        )?;
    }
    Ok(())
}
