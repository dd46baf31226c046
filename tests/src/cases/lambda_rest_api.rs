//! Twin of `cases/lambda-rest-api/app.js`.

use super::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps};

/// The case.
pub(crate) const CASE: Case = Case::new("lambda-rest-api", build);

fn backend_fn(scope: &Stack) -> Result<Function, Error> {
    Function::new(
        scope,
        "Backend",
        FunctionProps::builder().runtime(Runtime::NODEJS_20_X).handler("index.handler").code(
            Code::from_inline(
                "exports.handler = async () => ({ statusCode: 200, body: \"hello\" });",
            ),
        ),
    )
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "ProxyStack")?;
        LambdaRestApi::new(
            &stack,
            "myapi",
            LambdaRestApiProps::builder().handler(&backend_fn(&stack)?),
        )?;
    }

    {
        let stack = Stack::new(app, "ExplicitModelStack")?;
        let api = LambdaRestApi::new(
            &stack,
            "myapi",
            LambdaRestApiProps::builder().handler(&backend_fn(&stack)?).proxy(false),
        )?;

        let items = api.root().add_resource("items")?;
        items.add_method("GET", None)?; // GET /items
        items.add_method("POST", None)?; // POST /items

        let item = items.add_resource("{item}")?;
        item.add_method("GET", None)?; // GET /items/{item}

        // the default integration for methods is "handler", but one can
        // customize this behavior per method or even a sub path.
        item.add_method("DELETE", HttpIntegration::new("http://amazon.com"))?;
    }

    {
        let stack = Stack::new(app, "IntegrationOptionsStack")?;
        LambdaRestApi::new(
            &stack,
            "myapi",
            LambdaRestApiProps::builder().handler(&backend_fn(&stack)?).integration_options(
                LambdaIntegrationOptions::builder()
                    .allow_test_invoke(false)
                    .timeout(Duration::from_secs(1))
                    .build()?,
            ),
        )?;
    }
    Ok(())
}
