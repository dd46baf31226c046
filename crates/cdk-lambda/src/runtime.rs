//! Lambda runtimes (`aws-lambda/lib/runtime.ts`): the `Runtime` property of a function, with
//! what each runtime supports (inline code, CodeGuru profiling, SnapStart).

use std::borrow::Cow;
use std::fmt;

/// The language family of a runtime (`RuntimeFamily`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RuntimeFamily {
    /// Node.js.
    #[doc(alias = "NODEJS")]
    Nodejs,
    /// Java.
    #[doc(alias = "JAVA")]
    Java,
    /// Python.
    #[doc(alias = "PYTHON")]
    Python,
    /// .NET.
    #[doc(alias = "DOTNET_CORE")]
    DotnetCore,
    /// Go.
    #[doc(alias = "GO")]
    Go,
    /// Ruby.
    #[doc(alias = "RUBY")]
    Ruby,
    /// Custom runtimes (`provided*`).
    #[doc(alias = "OTHER")]
    Other,
}

/// A Lambda runtime (`lambda.Runtime`): its name as CloudFormation takes it (`nodejs20.x`)
/// and what it supports.
///
/// The associated constants are aws-cdk-lib's list; [`Runtime::new`] makes any other.
///
/// ```
/// use cdk_lambda::{Runtime, RuntimeFamily};
/// assert_eq!(Runtime::NODEJS_20_X.name(), "nodejs20.x");
/// assert!(Runtime::PYTHON_3_12.supports_inline_code());
/// assert!(!Runtime::JAVA_21.supports_inline_code());
/// assert_eq!(Runtime::new("nodejs26.x", RuntimeFamily::Nodejs).to_string(), "nodejs26.x");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Runtime {
    name: Cow<'static, str>,
    family: Option<RuntimeFamily>,
    supports_inline_code: bool,
    supports_code_guru_profiling: bool,
    supports_snap_start: bool,
}

/// What a predefined runtime supports: (inline code, CodeGuru profiling, SnapStart).
const fn predefined(
    name: &'static str,
    family: RuntimeFamily,
    (inline, profiling, snap_start): (bool, bool, bool),
) -> Runtime {
    Runtime {
        name: Cow::Borrowed(name),
        family: Some(family),
        supports_inline_code: inline,
        supports_code_guru_profiling: profiling,
        supports_snap_start: snap_start,
    }
}

const NONE: (bool, bool, bool) = (false, false, false);
const INLINE: (bool, bool, bool) = (true, false, false);
const INLINE_PROFILING: (bool, bool, bool) = (true, true, false);
const INLINE_PROFILING_SNAP: (bool, bool, bool) = (true, true, true);
const PROFILING: (bool, bool, bool) = (false, true, false);
const PROFILING_SNAP: (bool, bool, bool) = (false, true, true);
const SNAP: (bool, bool, bool) = (false, false, true);

use RuntimeFamily::{DotnetCore, Go, Java, Nodejs, Other, Python, Ruby};

/// Declares the predefined runtimes, each documented with its name.
macro_rules! runtimes {
    ($($id:ident = $name:literal, $family:ident, $supports:ident;)*) => {
        impl Runtime {
            $(
                #[doc = concat!("`", $name, "`.")]
                pub const $id: Runtime = predefined($name, $family, $supports);
            )*
        }
    };
}

runtimes! {
    NODEJS = "nodejs", Nodejs, INLINE;
    NODEJS_4_3 = "nodejs4.3", Nodejs, INLINE;
    NODEJS_6_10 = "nodejs6.10", Nodejs, INLINE;
    NODEJS_8_10 = "nodejs8.10", Nodejs, INLINE;
    NODEJS_10_X = "nodejs10.x", Nodejs, INLINE;
    NODEJS_12_X = "nodejs12.x", Nodejs, INLINE;
    NODEJS_14_X = "nodejs14.x", Nodejs, INLINE;
    NODEJS_16_X = "nodejs16.x", Nodejs, INLINE;
    NODEJS_18_X = "nodejs18.x", Nodejs, INLINE;
    NODEJS_20_X = "nodejs20.x", Nodejs, INLINE;
    NODEJS_22_X = "nodejs22.x", Nodejs, INLINE;
    NODEJS_24_X = "nodejs24.x", Nodejs, INLINE;
    PYTHON_2_7 = "python2.7", Python, INLINE;
    PYTHON_3_6 = "python3.6", Python, INLINE_PROFILING;
    PYTHON_3_7 = "python3.7", Python, INLINE_PROFILING;
    PYTHON_3_8 = "python3.8", Python, INLINE_PROFILING;
    PYTHON_3_9 = "python3.9", Python, INLINE_PROFILING;
    PYTHON_3_10 = "python3.10", Python, INLINE_PROFILING;
    PYTHON_3_11 = "python3.11", Python, INLINE_PROFILING;
    PYTHON_3_12 = "python3.12", Python, INLINE_PROFILING_SNAP;
    PYTHON_3_13 = "python3.13", Python, INLINE_PROFILING_SNAP;
    PYTHON_3_14 = "python3.14", Python, INLINE_PROFILING_SNAP;
    PYTHON_3_15 = "python3.15", Python, INLINE_PROFILING_SNAP;
    JAVA_8 = "java8", Java, PROFILING;
    JAVA_8_CORRETTO = "java8.al2", Java, PROFILING;
    JAVA_11 = "java11", Java, PROFILING_SNAP;
    JAVA_17 = "java17", Java, PROFILING_SNAP;
    JAVA_21 = "java21", Java, PROFILING_SNAP;
    JAVA_25 = "java25", Java, PROFILING_SNAP;
    JAVA_8_AL2023 = "java8.al2023", Java, PROFILING;
    JAVA_11_AL2023 = "java11.al2023", Java, PROFILING_SNAP;
    JAVA_17_AL2023 = "java17.al2023", Java, PROFILING_SNAP;
    DOTNET_6 = "dotnet6", DotnetCore, NONE;
    DOTNET_8 = "dotnet8", DotnetCore, SNAP;
    DOTNET_9 = "dotnet9", DotnetCore, SNAP;
    DOTNET_10 = "dotnet10", DotnetCore, SNAP;
    DOTNET_CORE_1 = "dotnetcore1.0", DotnetCore, NONE;
    DOTNET_CORE_2 = "dotnetcore2.0", DotnetCore, NONE;
    DOTNET_CORE_2_1 = "dotnetcore2.1", DotnetCore, NONE;
    DOTNET_CORE_3_1 = "dotnetcore3.1", DotnetCore, NONE;
    GO_1_X = "go1.x", Go, NONE;
    RUBY_2_5 = "ruby2.5", Ruby, NONE;
    RUBY_2_7 = "ruby2.7", Ruby, NONE;
    RUBY_3_2 = "ruby3.2", Ruby, NONE;
    RUBY_3_3 = "ruby3.3", Ruby, NONE;
    RUBY_3_4 = "ruby3.4", Ruby, NONE;
    RUBY_4_0 = "ruby4.0", Ruby, NONE;
    PROVIDED = "provided", Other, NONE;
    PROVIDED_AL2 = "provided.al2", Other, NONE;
    PROVIDED_AL2023 = "provided.al2023", Other, NONE;
}

impl Runtime {
    /// The latest Node.js runtime (`Runtime.NODEJS_LATEST`): `nodejs24.x`, the value of
    /// aws-cdk-lib 2.276.0's `latestNodeRuntime` regional fact in every region it knows and
    /// its default elsewhere, so the name does not depend on the stack's region.
    pub const NODEJS_LATEST: Runtime = predefined("nodejs24.x", Nodejs, INLINE);
}

impl Runtime {
    /// A runtime by name, in a family; it supports neither inline code, CodeGuru profiling
    /// nor SnapStart until told so ([`with_inline_code`](Self::with_inline_code), ...).
    pub fn new(name: impl Into<String>, family: RuntimeFamily) -> Runtime {
        Runtime {
            name: Cow::Owned(name.into()),
            family: Some(family),
            supports_inline_code: false,
            supports_code_guru_profiling: false,
            supports_snap_start: false,
        }
    }

    /// The same runtime, accepting inline code ([`Code::from_inline`](crate::Code::from_inline)).
    pub fn with_inline_code(mut self) -> Runtime {
        self.supports_inline_code = true;
        self
    }

    /// The same runtime, supporting CodeGuru profiling.
    pub fn with_code_guru_profiling(mut self) -> Runtime {
        self.supports_code_guru_profiling = true;
        self
    }

    /// The same runtime, supporting SnapStart.
    pub fn with_snap_start(mut self) -> Runtime {
        self.supports_snap_start = true;
        self
    }

    /// The name CloudFormation takes (`nodejs20.x`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The language family, if any.
    pub fn family(&self) -> Option<RuntimeFamily> {
        self.family
    }

    /// Whether functions of this runtime may have inline code (`ZipFile`).
    pub fn supports_inline_code(&self) -> bool {
        self.supports_inline_code
    }

    /// Whether CodeGuru profiling is supported.
    pub fn supports_code_guru_profiling(&self) -> bool {
        self.supports_code_guru_profiling
    }

    /// Whether SnapStart is supported.
    pub fn supports_snap_start(&self) -> bool {
        self.supports_snap_start
    }

    /// `runtimeEquals`: same name, family and inline-code support.
    pub fn runtime_equals(&self, other: &Runtime) -> bool {
        self.name == other.name
            && self.family == other.family
            && self.supports_inline_code == other.supports_inline_code
    }
}

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl From<Runtime> for cdk_core::Value {
    fn from(r: Runtime) -> cdk_core::Value {
        cdk_core::Value::String(r.name.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_runtimes() {
        assert_eq!(Runtime::NODEJS_18_X.name(), "nodejs18.x");
        assert_eq!(Runtime::NODEJS_22_X.name(), "nodejs22.x");
        assert_eq!(Runtime::NODEJS_LATEST.name(), "nodejs24.x");
        assert!(Runtime::NODEJS_LATEST.supports_inline_code());
        assert_eq!(Runtime::PYTHON_3_12.family(), Some(RuntimeFamily::Python));
        assert!(Runtime::PYTHON_3_12.supports_snap_start());
        assert!(Runtime::PYTHON_3_12.supports_code_guru_profiling());
        assert!(!Runtime::PROVIDED_AL2023.supports_inline_code());
    }

    #[test]
    fn custom_runtime_equality() {
        let custom = Runtime::new("nodejs20.x", RuntimeFamily::Nodejs).with_inline_code();
        assert!(custom.runtime_equals(&Runtime::NODEJS_20_X));
        assert!(!Runtime::new("nodejs20.x", RuntimeFamily::Nodejs).runtime_equals(&custom));
        assert_eq!(cdk_core::Value::from(custom), "nodejs20.x".into());
    }
}
