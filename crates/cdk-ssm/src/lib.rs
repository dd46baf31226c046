//! # cdk-ssm
//!
//! A thin L2 over [`cfn_ssm`]: the [`StringParameter`] of `aws-cdk-lib/aws-ssm`
//! (`parameter.ts`), a Systems Manager parameter holding a string, with aws-cdk-lib's checks
//! of its name and description.

mod string_parameter;

pub use string_parameter::{
    ParameterDataType, ParameterTier, StringParameter, StringParameterProps,
    StringParameterPropsBuilder,
};
