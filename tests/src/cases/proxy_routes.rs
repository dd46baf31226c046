//! Twin of `cases/proxy-routes/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("proxy-routes", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

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
            .any_method(true), // "true" is the default
    )?;

    let root_proxy = api.root().add_proxy(ProxyResourceOptions::builder().any_method(false))?;
    let options = IntegrationOptions::builder()
        .request_parameters([("integration.request.path.proxy", "method.request.path.proxy")]);
    let props = HttpIntegrationProps::builder().proxy(true).options(options.build()?);
    root_proxy.add_method_with(
        "GET",
        HttpIntegration::with_props("http://example.com/{proxy}", props)?,
        MethodOptions::builder().request_parameters([("method.request.path.proxy", true)]),
    )?;
    Ok(())
}
