//! `test/authorizer.test.ts`: tests in CDK 1, ported 1, passing 0, ignored 1
//! (`isAuthorizer correctly detects an instance of type Authorizer`: a brand check, which
//! Rust's types replace: only an `IAuthorizer` goes where an authorizer is taken), newer than
//! 2.276.0: 0.

#[test]
#[ignore = "Authorizer.isAuthorizer is a brand check; Rust's types replace it (IAuthorizer)"]
fn is_authorizer_correctly_detects_an_instance_of_type_authorizer() {}
