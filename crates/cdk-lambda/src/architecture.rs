//! Instruction set architectures (`aws-lambda/lib/architecture.ts`).

use std::fmt;

/// The instruction set a function runs on (`lambda.Architecture`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Architecture {
    /// 64-bit x86 (`x86_64`), Lambda's default.
    #[default]
    X86_64,
    /// 64-bit ARM, Graviton (`arm64`).
    #[doc(alias = "ARM_64")]
    Arm64,
}

impl Architecture {
    /// The name CloudFormation takes in `Architectures`.
    pub fn name(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

impl fmt::Display for Architecture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(Architecture::default().name(), "x86_64");
        assert_eq!(Architecture::Arm64.to_string(), "arm64");
    }
}
