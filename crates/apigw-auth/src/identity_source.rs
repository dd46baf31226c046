//! Where authorizers read identities from (`identity-source.ts`).

/// Where an authorizer reads the identity from (`IdentitySource`).
pub struct IdentitySource;

impl IdentitySource {
    /// A request header: `method.request.header.<name>`.
    pub fn header(name: &str) -> String {
        format!("method.request.header.{name}")
    }

    /// A query string parameter: `method.request.querystring.<name>`.
    pub fn query_string(name: &str) -> String {
        format!("method.request.querystring.{name}")
    }

    /// A stage variable: `stageVariables.<name>`.
    pub fn stage_variable(name: &str) -> String {
        format!("stageVariables.{name}")
    }

    /// A context variable: `context.<name>`.
    pub fn context(name: &str) -> String {
        format!("context.{name}")
    }
}

/// The default identity source of a token authorizer (the `Authorization` header).
pub fn default_token_identity_source() -> String {
    IdentitySource::header("Authorization")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(IdentitySource::query_string("q"), "method.request.querystring.q");
        assert_eq!(IdentitySource::stage_variable("s"), "stageVariables.s");
        assert_eq!(IdentitySource::context("c"), "context.c");
        assert_eq!(default_token_identity_source(), "method.request.header.Authorization");
    }
}
