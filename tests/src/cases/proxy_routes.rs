//! Twin of `cases/proxy-routes/app.js`.

use super::prelude::*;
use apigw_core::{HttpIntegrationProps, ProxyResourceOptions};

/// The case.
pub(crate) const CASE: Case = Case::new("proxy-routes", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let err = build_err("Stack/api");
    let handler = inline_function(
        &stack,
        "Handler",
        "exports.handler = async (e) => ({ statusCode: 200, body: e.path });",
    )?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let resource = api.root().add_resource("api")?;
    resource.add_proxy(
        ProxyResourceOptions::builder()
            .default_integration(LambdaIntegration::new(&handler))
            // "false" will require explicitly adding methods on the `proxy` resource
            .any_method(true) // "true" is the default
            .build()
            .map_err(&err)?,
    )?;
    let root_proxy = api
        .root()
        .add_proxy(ProxyResourceOptions::builder().any_method(false).build().map_err(&err)?)?;
    root_proxy.add_method_with(
        "GET",
        Some(HttpIntegration::with_props(
            "http://example.com/{proxy}",
            HttpIntegrationProps::builder()
                .proxy(true)
                .options(
                    IntegrationOptions::builder()
                        .request_parameters(Value::object([(
                            "integration.request.path.proxy",
                            "method.request.path.proxy",
                        )]))
                        .build()
                        .map_err(&err)?,
                )
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .request_parameters(Value::object([("method.request.path.proxy", true)]))
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
