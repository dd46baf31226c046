//! `test/integrations/alb.test.ts`: tests in CDK 10, ported 0, passing 0, ignored 0, newer
//! than 2.276.0: 10 (`AlbIntegration` is not in aws-cdk-lib 2.276.0: no
//! `lib/integrations/alb.d.ts`), so none is in the denominator.
