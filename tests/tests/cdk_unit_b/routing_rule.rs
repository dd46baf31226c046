//! `test/routing-rule.test.ts`: tests in CDK 30 (43 cases with `test.each`), ported 0,
//! passing 0, ignored 0, newer than 2.276.0: 30 (`RoutingRule`, `RoutingMode`,
//! `DomainName.addRoutingRule` are not in aws-cdk-lib 2.276.0: its `domain-name.d.ts` has no
//! routing mode, only the generated `CfnRoutingRule` L1), so none is in the denominator.
