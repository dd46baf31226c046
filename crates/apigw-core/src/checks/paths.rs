//! Resource paths and what names them: sibling path variables, children of a greedy path
//! variable, path parameters of method requests and integration mappings, integration URIs.

use cdk_core::{Error, Value};

use super::{literal, Check};
use crate::{Integration, IntegrationType};

/// The variable a path part declares (`{id}` → `id`, `{proxy+}` → `proxy`), if any.
fn variable(part: &str) -> Option<&str> {
    let inner = part.strip_prefix('{')?.strip_suffix('}')?;
    Some(inner.strip_suffix('+').unwrap_or(inner))
}

/// Whether a path part is a greedy path variable (`{proxy+}`).
fn is_greedy(part: &str) -> bool {
    part.starts_with('{') && part.ends_with("+}")
}

/// The path variables of a resource path (`/books/{id}/{proxy+}` → `id`, `proxy`).
fn path_variables(path: &str) -> Vec<&str> {
    path.split('/').filter_map(variable).collect()
}

/// Checks a new child resource `path_part` of the resource at `parent_path` whose children
/// so far have the path parts `siblings`; `path` gives the new construct's path (for an
/// error only).
pub(crate) fn check_new_child<'a>(
    path: impl FnOnce() -> String,
    parent_path: &str,
    path_part: &str,
    siblings: impl IntoIterator<Item = &'a String>,
) -> Result<(), Error> {
    if let Some(last) = parent_path.rsplit('/').next().filter(|p| is_greedy(p)) {
        return Err(Check::ChildOfGreedyPath.error(
            &path(),
            &format!("resource '{path_part}' under '{parent_path}'"),
            &format!(
                "a greedy path variable ('{last}') matches every deeper path, so API Gateway refuses resources under it"
            ),
            &format!(
                "add '{path_part}' next to '{last}' (under its parent) instead, or read the rest of the path from the '{}' path parameter",
                variable(last).unwrap_or(last)
            ),
        ));
    }
    if variable(path_part).is_some() {
        if let Some(other) = siblings.into_iter().find(|s| variable(s).is_some() && *s != path_part)
        {
            return Err(Check::SiblingPathVariables.error(
                &path(),
                &format!("path variable '{path_part}' next to its sibling '{other}' under '{parent_path}'"),
                "API Gateway allows one variable path part among the children of a resource ('A sibling ({id}) of this resource already has a variable path part -- only one is allowed')",
                &format!(
                    "use the same variable name for both ('{other}') and tell the cases apart in the backend, or put one under a fixed path part"
                ),
            ));
        }
    }
    Ok(())
}

/// The parameter `method.request.path.<name>` names, if the expression is one.
fn path_parameter(expression: &str) -> Option<&str> {
    expression.strip_prefix("method.request.path.")
}

/// Checks a new method (at `node`): path parameters its request parameters and its
/// integration's mappings name, and its integration's URI.
///
/// A method request parameter naming a missing path parameter and an HTTP or AWS
/// integration without a URI are warnings: aws-cdk-lib's own tests build such methods. So is
/// a mapping on a resource with a greedy child (`mirrors_proxy`): aws-cdk-lib gives the root
/// the methods of a `{proxy+}` under it, mappings included.
pub(crate) fn check_method(
    node: &cdk_core::Node,
    resource_path: &str,
    mirrors_proxy: bool,
    request_parameters: Option<&Value>,
    integration: &Integration,
) -> Result<(), Error> {
    let variables = path_variables(resource_path);
    let unknown = |name: &str| !variables.contains(&name);
    let fix = |name: &str| {
        format!(
            "add a '{{{name}}}' path part to the resource, or name one of its path parameters ({})",
            if variables.is_empty() { "it has none".to_string() } else { variables.join(", ") }
        )
    };
    if let Some(Value::Object(params)) = request_parameters {
        for key in params.keys() {
            if let Some(name) = path_parameter(key).filter(|n| unknown(n)) {
                node.add_warning(Check::UnknownPathParameter.message(
                    &format!("request parameter '{key}' of a method on '{resource_path}'"),
                    "a path parameter of a method is a path variable of its resource; a request never has this one",
                    &fix(name),
                ));
            }
        }
    }
    if let Some(Value::Object(mappings)) = &integration.options.request_parameters {
        for (key, value) in mappings {
            let Some(expression) = literal(value) else { continue };
            if let Some(name) = path_parameter(expression).filter(|n| unknown(n)) {
                let found = format!(
                    "integration request parameter '{key}' mapped from '{expression}' on '{resource_path}'"
                );
                let rule = "API Gateway maps only path variables of the resource ('Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.request.path.<name>]')";
                if mirrors_proxy {
                    node.add_warning(Check::UnknownPathParameter.message(&found, rule, &fix(name)));
                    continue;
                }
                let path = node.path();
                return Err(Check::UnknownPathParameter.error(&path, &found, rule, &fix(name)));
            }
        }
    }
    check_uri(node, integration)
}

/// An HTTP integration's URI must be an absolute `http(s)` URL; an AWS one an
/// `arn:<partition>:apigateway:<region>:<service>:path|action/...` ARN.
fn check_uri(node: &cdk_core::Node, integration: &Integration) -> Result<(), Error> {
    let http = matches!(integration.type_, IntegrationType::Http | IntegrationType::HttpProxy);
    let aws = matches!(integration.type_, IntegrationType::Aws | IntegrationType::AwsProxy);
    if !http && !aws {
        return Ok(());
    }
    let kind = integration.type_.as_str();
    let uri = match &integration.uri {
        None => {
            node.add_warning(Check::IntegrationUri.message(
                &format!("{kind} integration without a URI"),
                "API Gateway requires the uri of HTTP, HTTP_PROXY, AWS and AWS_PROXY integrations",
                "give the integration its backend URI (HttpIntegration::new(url), AwsIntegration, LambdaIntegration)",
            ));
            return Ok(());
        }
        Some(uri) => match literal(uri) {
            Some(u) => u,
            None => return Ok(()),
        },
    };
    let problem = if http { http_uri_problem(uri) } else { aws_uri_problem(uri) };
    match problem {
        Some(rule) => Err(Check::IntegrationUri.error(
            &node.path(),
            &format!("{kind} integration URI '{uri}'"),
            &rule,
            if http {
                "use an absolute URL such as 'https://example.com/path/{id}'"
            } else {
                "use AwsIntegration (service plus path or action), or an ARN such as 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue'"
            },
        )),
        None => Ok(()),
    }
}

/// What is wrong with an HTTP integration's literal URI.
fn http_uri_problem(uri: &str) -> Option<String> {
    let rule = "the uri of an HTTP integration is an absolute, RFC 3986 http or https URL ('Invalid HTTP endpoint specified for URI')";
    let rest = uri.strip_prefix("https://").or_else(|| uri.strip_prefix("http://"));
    let Some(rest) = rest else { return Some(rule.to_string()) };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or("");
    if host.is_empty() || uri.chars().any(|c| c.is_whitespace()) {
        return Some(rule.to_string());
    }
    None
}

/// What is wrong with an AWS integration's literal URI.
fn aws_uri_problem(uri: &str) -> Option<String> {
    let rule = "the uri of an AWS integration is 'arn:<partition>:apigateway:<region>:<service or subdomain.service>:path|action/<service API>' ('AWS ARN for integration must contain path or action')";
    let parts: Vec<&str> = uri.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && !parts[1].is_empty()
        && parts[2] == "apigateway"
        && !parts[3].is_empty()
        && !parts[4].is_empty()
        && (parts[5].starts_with("path/") || parts[5].starts_with("action/"))
        && !parts[5].ends_with('/');
    (!ok).then(|| rule.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_and_uris() {
        assert_eq!(path_variables("/a/{id}/{proxy+}"), ["id", "proxy"]);
        assert!(is_greedy("{proxy+}") && !is_greedy("{id}"));
        assert!(http_uri_problem("https://example.com").is_none());
        assert!(http_uri_problem("http://user@host:8080/x?y").is_none());
        assert!(http_uri_problem("example.com").is_some());
        assert!(http_uri_problem("https:///x").is_some());
        assert!(aws_uri_problem("arn:aws:apigateway:us-east-1:s3:path/bucket/key").is_none());
        assert!(aws_uri_problem("arn:aws:apigateway:us-east-1:s3:bucket/key").is_some());
        assert!(aws_uri_problem("arn:aws:apigateway:us-east-1:s3:action/").is_some());
    }
}
