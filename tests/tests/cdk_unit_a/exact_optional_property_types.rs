//! `test/exact-optional-property-types.test.ts`: tests in CDK 1, ported 1, passing 0,
//! ignored 1 (a TypeScript compiler check: concrete classes assignable to their interfaces
//! under `exactOptionalPropertyTypes`; Rust's trait impls are checked by the compiler, see
//! the compile-time check below), newer than 2.276.0: 0 (2.276.0's package has the
//! interfaces, the test is a build-tool check).

use apigw_core::{
    IRestApi, IStage, ImportedRestApi, ImportedStage, LambdaRestApi, RestApi, SpecRestApi, Stage,
};

/// The Rust counterpart: every concrete API and stage is usable as its interface (checked
/// when this compiles).
#[allow(dead_code)]
fn assignable(
    a: &RestApi,
    b: &SpecRestApi,
    c: &LambdaRestApi,
    d: &ImportedRestApi,
    e: &Stage,
    f: &ImportedStage,
) {
    let _: [&dyn IRestApi; 4] = [a, b, c, d];
    let _: [&dyn IStage; 2] = [e, f];
}

#[test]
#[ignore = "JS-only: a TypeScript compiler check (exactOptionalPropertyTypes); the Rust trait impls are checked at compile time by `assignable`"]
fn aws_apigateway_concrete_classes_are_assignable_to_their_interfaces_under_the_flag() {}
