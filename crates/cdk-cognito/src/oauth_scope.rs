//! `OAuthScope` (`user-pool-client.ts`): the OAuth scopes a client or a method may ask for.

/// An OAuth scope (`cognito.OAuthScope`): one of Cognito's standard scopes or a custom one.
///
/// ```
/// use cdk_cognito::OAuthScope;
/// assert_eq!(OAuthScope::Profile.scope_name(), "profile");
/// assert_eq!(OAuthScope::custom("books/read").scope_name(), "books/read");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OAuthScope {
    /// `phone`: the phone number and whether it is verified.
    #[doc(alias = "PHONE")]
    Phone,
    /// `email`: the e-mail address and whether it is verified.
    #[doc(alias = "EMAIL")]
    Email,
    /// `openid`: the ID token's claims.
    #[doc(alias = "OPENID")]
    OpenId,
    /// `profile`: every user attribute the client can read.
    #[doc(alias = "PROFILE")]
    Profile,
    /// `aws.cognito.signin.user.admin`: the Cognito user pool APIs for the signed-in user.
    #[doc(alias = "COGNITO_ADMIN")]
    CognitoAdmin,
    /// Any other scope, by name (`OAuthScope.custom`).
    Custom(String),
}

impl OAuthScope {
    /// A custom scope (`OAuthScope.custom(name)`), such as a resource server's `server/scope`.
    pub fn custom(name: impl Into<String>) -> OAuthScope {
        OAuthScope::Custom(name.into())
    }

    /// The scope's name (`scopeName`).
    pub fn scope_name(&self) -> &str {
        match self {
            OAuthScope::Phone => "phone",
            OAuthScope::Email => "email",
            OAuthScope::OpenId => "openid",
            OAuthScope::Profile => "profile",
            OAuthScope::CognitoAdmin => "aws.cognito.signin.user.admin",
            OAuthScope::Custom(name) => name,
        }
    }
}

impl From<OAuthScope> for String {
    fn from(scope: OAuthScope) -> String {
        scope.scope_name().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::OAuthScope;

    #[test]
    fn standard_scopes_have_cognitos_names() {
        let names: Vec<String> = [
            OAuthScope::Phone,
            OAuthScope::Email,
            OAuthScope::OpenId,
            OAuthScope::Profile,
            OAuthScope::CognitoAdmin,
        ]
        .into_iter()
        .map(String::from)
        .collect();
        assert_eq!(names, ["phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"]);
    }
}
