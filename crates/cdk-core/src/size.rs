//! An amount of digital storage: ports `core/lib/size.ts` (`Size`, `SizeRoundingBehavior`).
//!
//! ```
//! use cdk_core::{Size, SizeRoundingBehavior};
//!
//! assert_eq!(Size::kibibytes(1).to_bytes()?, 1024);
//! assert_eq!(Size::gibibytes(2).to_mebibytes()?, 2048);
//! // CDK throws when a conversion is not a whole number, unless told how to round.
//! assert!(Size::bytes(1500).to_kibibytes().is_err());
//! assert_eq!(Size::bytes(1500).to_kibibytes_with(SizeRoundingBehavior::Floor)?, 1.0);
//! # Ok::<(), cdk_core::Error>(())
//! ```

use crate::Error;

/// The units a [`Size`] is expressed in (CDK's private `StorageUnit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum StorageUnit {
    Bytes,
    Kibibytes,
    Mebibytes,
    Gibibytes,
    Tebibytes,
    Pebibytes,
}

impl StorageUnit {
    fn label(self) -> &'static str {
        match self {
            StorageUnit::Bytes => "bytes",
            StorageUnit::Kibibytes => "kibibytes",
            StorageUnit::Mebibytes => "mebibytes",
            StorageUnit::Gibibytes => "gibibytes",
            StorageUnit::Tebibytes => "tebibytes",
            StorageUnit::Pebibytes => "pebibytes",
        }
    }

    fn in_bytes(self) -> f64 {
        match self {
            StorageUnit::Bytes => 1.0,
            StorageUnit::Kibibytes => 1024.0,
            StorageUnit::Mebibytes => 1024.0 * 1024.0,
            StorageUnit::Gibibytes => 1024.0 * 1024.0 * 1024.0,
            StorageUnit::Tebibytes => 1024.0 * 1024.0 * 1024.0 * 1024.0,
            StorageUnit::Pebibytes => 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0,
        }
    }
}

/// How a conversion between units of [`Size`] treats a result that is not a whole number
/// (CDK's `SizeRoundingBehavior`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SizeRoundingBehavior {
    /// Fail the conversion if the result is not an integer. The default.
    #[default]
    #[doc(alias = "FAIL")]
    Fail,
    /// Round a fractional result down to the closest integer.
    #[doc(alias = "FLOOR")]
    Floor,
    /// Don't round: a fraction is returned as is.
    #[doc(alias = "NONE")]
    None,
}

/// An amount of digital storage (CDK's `Size`): `Size::mebibytes(512)`.
///
/// The amount is a whole number of its unit and cannot be negative. Converting into a larger
/// unit fails (as CDK throws) when the result is not a whole number; the `..._with` forms
/// take a [`SizeRoundingBehavior`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Size {
    amount: u64,
    unit: StorageUnit,
}

macro_rules! size_units {
    ($($(#[$doc:meta])* $ctor:ident, $to:ident, $to_with:ident, $unit:ident;)*) => {
        impl Size {
            $(
                $(#[$doc])*
                pub fn $ctor(amount: u64) -> Size {
                    Size { amount, unit: StorageUnit::$unit }
                }

                #[doc = concat!("This size as a whole number of ", stringify!($ctor), " (CDK's `", stringify!($to), "()`).")]
                ///
                /// # Errors
                /// [`Error::Unscoped`] when the result is not a whole number (CDK's
                /// `SizeRoundingBehavior.FAIL`, the default).
                pub fn $to(&self) -> Result<u64, Error> {
                    // A whole, non-negative result below 2^64 converts exactly enough;
                    // results are as exact as CDK's double-precision arithmetic.
                    self.convert(StorageUnit::$unit, SizeRoundingBehavior::Fail).map(|v| v as u64)
                }

                #[doc = concat!("This size in ", stringify!($ctor), ", rounded as `rounding` says (CDK's `", stringify!($to), "({ rounding })`).")]
                ///
                /// # Errors
                /// [`Error::Unscoped`] when `rounding` is [`SizeRoundingBehavior::Fail`] and
                /// the result is not a whole number.
                pub fn $to_with(&self, rounding: SizeRoundingBehavior) -> Result<f64, Error> {
                    self.convert(StorageUnit::$unit, rounding)
                }
            )*
        }
    };
}

size_units! {
    /// `amount` bytes (CDK's `Size.bytes`).
    bytes, to_bytes, to_bytes_with, Bytes;
    /// `amount` kibibytes; 1 KiB = 1024 bytes (CDK's `Size.kibibytes`).
    kibibytes, to_kibibytes, to_kibibytes_with, Kibibytes;
    /// `amount` mebibytes; 1 MiB = 1024 KiB (CDK's `Size.mebibytes`).
    mebibytes, to_mebibytes, to_mebibytes_with, Mebibytes;
    /// `amount` gibibytes; 1 GiB = 1024 MiB (CDK's `Size.gibibytes`).
    gibibytes, to_gibibytes, to_gibibytes_with, Gibibytes;
    /// `amount` tebibytes; 1 TiB = 1024 GiB (CDK's `Size.tebibytes`).
    tebibytes, to_tebibytes, to_tebibytes_with, Tebibytes;
    /// `amount` pebibytes; 1 PiB = 1024 TiB (CDK's `Size.pebibytes`).
    pebibytes, to_pebibytes, to_pebibytes_with, Pebibytes;
}

impl Size {
    fn convert(&self, to: StorageUnit, rounding: SizeRoundingBehavior) -> Result<f64, Error> {
        let amount = self.amount as f64;
        if self.unit == to {
            return Ok(amount);
        }
        let value = amount * (self.unit.in_bytes() / to.in_bytes());
        match rounding {
            SizeRoundingBehavior::None => Ok(value),
            SizeRoundingBehavior::Floor => Ok(value.floor()),
            SizeRoundingBehavior::Fail if value.fract() != 0.0 => Err(Error::Unscoped {
                message: format!(
                    "'{} {}' cannot be converted into a whole number of {}.",
                    self.amount,
                    self.unit.label(),
                    to.label()
                ),
            }),
            SizeRoundingBehavior::Fail => Ok(value),
        }
    }

    /// Always `false`: a `Size` here holds a literal amount, never a token (CDK's
    /// `isUnresolved()`).
    pub fn is_unresolved(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_down_exactly() {
        assert_eq!(Size::bytes(5).to_bytes().unwrap(), 5);
        assert_eq!(Size::kibibytes(1).to_bytes().unwrap(), 1024);
        assert_eq!(Size::mebibytes(1).to_kibibytes().unwrap(), 1024);
        assert_eq!(Size::gibibytes(3).to_mebibytes().unwrap(), 3072);
        assert_eq!(Size::tebibytes(1).to_gibibytes().unwrap(), 1024);
        assert_eq!(Size::pebibytes(1).to_tebibytes().unwrap(), 1024);
        assert_eq!(Size::pebibytes(1).to_bytes().unwrap(), 1u64 << 50);
    }

    #[test]
    fn converts_up_when_whole() {
        assert_eq!(Size::kibibytes(2048).to_mebibytes().unwrap(), 2);
        assert_eq!(Size::bytes(1 << 30).to_gibibytes().unwrap(), 1);
        assert_eq!(Size::gibibytes(0).to_pebibytes().unwrap(), 0);
    }

    #[test]
    fn fails_like_cdk_when_not_whole() {
        let err = Size::bytes(1500).to_kibibytes().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'1500 bytes' cannot be converted into a whole number of kibibytes."
        );
        assert_eq!(err.path(), None);
        let err = Size::mebibytes(1).to_gibibytes().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'1 mebibytes' cannot be converted into a whole number of gibibytes."
        );
    }

    #[test]
    fn rounding_behaviors() {
        let size = Size::bytes(1500);
        assert_eq!(size.to_kibibytes_with(SizeRoundingBehavior::Floor).unwrap(), 1.0);
        assert_eq!(size.to_kibibytes_with(SizeRoundingBehavior::None).unwrap(), 1500.0 / 1024.0);
        assert!(size.to_kibibytes_with(SizeRoundingBehavior::Fail).is_err());
        assert_eq!(
            Size::mebibytes(512).to_gibibytes_with(SizeRoundingBehavior::None).unwrap(),
            0.5
        );
        assert!(!size.is_unresolved());
    }
}
