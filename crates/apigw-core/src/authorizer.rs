//! Authorizers as methods see them (`authorizer.ts`): anything with an authorizer id and an
//! authorization type, attached to the API of the first method that uses it. The Lambda and
//! Cognito authorizers themselves are in the `apigw-auth` crate.

use std::fmt;
use std::rc::Rc;

use cdk_core::{Error, Value};

use crate::rest_api::ApiHandle;
use crate::AuthorizationType;

/// An authorizer a method can use (`IAuthorizer`).
pub trait IAuthorizer: fmt::Debug {
    /// The authorizer id (`Ref` of its `AWS::ApiGateway::Authorizer`); `None` for
    /// [`Authorizer::none`].
    fn authorizer_id(&self) -> Option<Value>;

    /// The authorization type it implies (`CUSTOM`, `COGNITO_USER_POOLS`), if any.
    fn authorization_type(&self) -> Option<AuthorizationType>;

    /// Called by each method that uses the authorizer, before the method's resource is
    /// created (`_attachToApi`): the first call binds the authorizer to the API.
    ///
    /// # Errors
    /// The authorizer's own rules (such as being attached to two APIs).
    fn attach_to_api(&self, api: &ApiHandle) -> Result<(), Error> {
        let _ = api;
        Ok(())
    }
}

/// A shared handle to an authorizer, for method options.
#[derive(Clone, Debug)]
pub struct Authorizer(pub Rc<dyn IAuthorizer>);

impl Authorizer {
    /// Wraps an authorizer.
    pub fn new(authorizer: impl IAuthorizer + 'static) -> Self {
        Authorizer(Rc::new(authorizer))
    }
}

/// No authorizer, overriding a default one (what CORS preflight methods use).
#[derive(Debug)]
struct NoAuthorizer;

impl IAuthorizer for NoAuthorizer {
    fn authorizer_id(&self) -> Option<Value> {
        None
    }
    fn authorization_type(&self) -> Option<AuthorizationType> {
        Some(AuthorizationType::None)
    }
}

impl Authorizer {
    /// No authorizer and authorization type `NONE`, whatever the defaults say.
    pub fn none() -> Self {
        Authorizer::new(NoAuthorizer)
    }
}

impl PartialEq for Authorizer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ApiHandle {
    /// The API id (`Ref`).
    pub fn rest_api_id(&self) -> Value {
        self.0.rest_api_id.clone()
    }

    /// Whether two handles are the same API.
    pub fn same(&self, other: &ApiHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// The API's automatic deployment, if any (what authorizers add to the hash of).
    pub fn latest_deployment(&self) -> Option<crate::Deployment> {
        self.0.latest_deployment()
    }

    /// The API construct.
    pub fn node(&self) -> Option<&cdk_core::Node> {
        self.0.node.as_ref()
    }
}
