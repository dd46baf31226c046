//! Statistic strings (`private/statistic.ts`): the aliases CloudWatch accepts (`avg`, `n`,
//! `sum`, ...), percentiles (`p99`), trimmed and winsorized means (`tm90`, `TM(10%:90%)`),
//! and how an alarm splits them between `Statistic` and `ExtendedStatistic`.
//!
//! The parser follows aws-cdk-lib step by step, including JavaScript's `parseFloat` on the
//! bounds of a range (`TM(10abc:90)` is `TM(10ABC:90)`, as aws-cdk-lib has it).

/// The statistic a [`Metric`](crate::Metric) uses unless told otherwise (`Stats.AVERAGE`).
pub const AVERAGE: &str = "Average";

/// The prefixes of single-value statistics (`p99`, `tm90`, ...), in aws-cdk-lib's order.
const SINGLE_PREFIXES: [&str; 5] = ["p", "tm", "wm", "tc", "ts"];
/// The prefixes of range statistics (`PR(10:)`, `TM(10%:90%)`, ...), in aws-cdk-lib's order.
const PAIR_PREFIXES: [&str; 5] = ["PR", "TM", "WM", "TC", "TS"];

/// A parsed statistic string (`parseStatistic`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ParsedStatistic {
    /// One of the five simple statistics, under its canonical name (`Sum`, `Average`, ...).
    Simple(&'static str),
    /// A named extended statistic (`IQM`).
    Extended(&'static str),
    /// A prefix and one number (`p99`, `tm90`): the original input.
    Single(String),
    /// A prefix and a range (`TM(10%:90%)`): the original input.
    Range(String),
    /// Anything else: passed on as is, with a warning.
    Unparseable(String),
}

impl ParsedStatistic {
    /// `normalizeStatistic`: canonical simple names, single statistics in lower case, ranges
    /// in upper case, anything else unchanged.
    pub(crate) fn normalized(&self) -> String {
        match self {
            ParsedStatistic::Simple(s) | ParsedStatistic::Extended(s) => (*s).to_string(),
            ParsedStatistic::Single(s) => s.to_lowercase(),
            ParsedStatistic::Range(s) => s.to_uppercase(),
            ParsedStatistic::Unparseable(s) => s.clone(),
        }
    }
}

/// Which alarm property a statistic goes to, with its value (`parseStatisticToFields`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum StatisticField {
    /// `Statistic`: one of `SampleCount`, `Average`, `Sum`, `Minimum`, `Maximum`.
    Statistic(String),
    /// `ExtendedStatistic`: percentiles and everything else.
    ExtendedStatistic(String),
}

/// `parseStatistic`.
pub(crate) fn parse_statistic(stat: &str) -> ParsedStatistic {
    let simple = match stat.to_lowercase().as_str() {
        "average" | "avg" => Some("Average"),
        "minimum" | "min" => Some("Minimum"),
        "maximum" | "max" => Some("Maximum"),
        "samplecount" | "n" => Some("SampleCount"),
        "sum" => Some("Sum"),
        "iqm" => return ParsedStatistic::Extended("IQM"),
        _ => None,
    };
    if let Some(s) = simple {
        return ParsedStatistic::Simple(s);
    }
    if SINGLE_PREFIXES.iter().any(|prefix| is_single_statistic(stat, prefix)) {
        return ParsedStatistic::Single(stat.to_string());
    }
    if PAIR_PREFIXES.iter().any(|prefix| is_pair_statistic(stat, prefix)) {
        return ParsedStatistic::Range(stat.to_string());
    }
    ParsedStatistic::Unparseable(stat.to_string())
}

/// `parseStatisticToFields`: simple statistics go to `Statistic`, all others (unparseable
/// ones included) to `ExtendedStatistic`.
pub(crate) fn statistic_field(stat: &str) -> StatisticField {
    match parse_statistic(stat) {
        ParsedStatistic::Simple(s) => StatisticField::Statistic(s.to_string()),
        parsed => StatisticField::ExtendedStatistic(parsed.normalized()),
    }
}

/// Strips an ASCII prefix, ignoring case (the `i` flag of aws-cdk-lib's regular expressions,
/// which folds only ASCII letters onto ASCII letters).
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// `parseSingleStatistic`: `^<prefix>(\d+(?:\.\d+)?)$` (case-insensitive), 0 to 100.
fn is_single_statistic(stat: &str, prefix: &str) -> bool {
    let Some(number) = strip_prefix_ignore_case(stat, prefix) else {
        return false;
    };
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return false;
    }
    number.parse::<f64>().is_ok_and(|v| (0.0..=100.0).contains(&v))
}

/// One bound of a range: absent, a number (percent or not), or invalid.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Bound {
    Absent,
    Value(f64, bool),
    Fail,
}

/// `parsePairStatistic`: `^<prefix>\(([^)]+)\)$` (case-insensitive) with `lower:upper`
/// inside, each bound optional (not both), percent on both or neither when both are given.
fn is_pair_statistic(stat: &str, prefix: &str) -> bool {
    let Some(rest) = strip_prefix_ignore_case(stat, prefix) else {
        return false;
    };
    let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    if inner.is_empty() || inner.contains(')') {
        return false;
    }
    // `r[1].split(":")` keeps the first two parts only.
    let mut parts = inner.split(':');
    let lhs = parts.next().unwrap_or_default();
    let Some(rhs) = parts.next() else {
        return false;
    };
    match (parse_bound(lhs), parse_bound(rhs)) {
        (Bound::Fail, _) | (_, Bound::Fail) | (Bound::Absent, Bound::Absent) => false,
        (Bound::Value(_, lp), Bound::Value(_, rp)) => lp == rp,
        _ => true,
    }
}

/// `parseNumberAndPercent`: trimmed; `10%` is a percent; negative numbers and percents above
/// 100 fail.
fn parse_bound(x: &str) -> Bound {
    let x = x.trim_matches(is_js_whitespace);
    if x.is_empty() {
        return Bound::Absent;
    }
    let percent = x.ends_with('%');
    let value = js_parse_float(x.strip_suffix('%').unwrap_or(x));
    if value.is_nan() || value < 0.0 || (percent && value > 100.0) {
        Bound::Fail
    } else {
        Bound::Value(value, percent)
    }
}

/// JavaScript's `WhiteSpace` and `LineTerminator` (what `String.prototype.trim` removes).
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | ' '
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    )
}

/// JavaScript's `parseFloat`: the longest decimal prefix after leading white space
/// (`10abc` is 10, `Infinity` is infinite), NaN when there is none.
fn js_parse_float(s: &str) -> f64 {
    let s = s.trim_start_matches(is_js_whitespace);
    let bytes = s.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if s[i..].starts_with("Infinity") {
        return if bytes.first() == Some(&b'-') { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    let digits_from = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    let mut any_digit = int_end > i;
    if bytes.get(end) == Some(&b'.') {
        let frac_end = digits_from(end + 1);
        if frac_end > end + 1 || any_digit {
            any_digit |= frac_end > end + 1;
            end = frac_end;
        }
    }
    if !any_digit {
        return f64::NAN;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        if exp_end > j {
            end = exp_end;
        }
    }
    s[..end].parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_statistics_and_their_aliases() {
        for (input, expected) in [
            ("Average", "Average"),
            ("avg", "Average"),
            ("AVG", "Average"),
            ("Sum", "Sum"),
            ("sum", "Sum"),
            ("SampleCount", "SampleCount"),
            ("n", "SampleCount"),
            ("N", "SampleCount"),
            ("Minimum", "Minimum"),
            ("min", "Minimum"),
            ("Maximum", "Maximum"),
            ("max", "Maximum"),
        ] {
            assert_eq!(parse_statistic(input), ParsedStatistic::Simple(expected));
            assert_eq!(
                statistic_field(input),
                StatisticField::Statistic(expected.into()),
                "{input}"
            );
        }
    }

    #[test]
    fn percentiles_and_single_statistics_are_extended() {
        for (input, expected) in [
            ("p99", "p99"),
            ("P99", "p99"),
            ("p99.9", "p99.9"),
            ("p0", "p0"),
            ("p100", "p100"),
            ("tm90", "tm90"),
            ("WM99", "wm99"),
            ("tc10", "tc10"),
            ("TS50.5", "ts50.5"),
            ("iqm", "IQM"),
        ] {
            assert_eq!(
                statistic_field(input),
                StatisticField::ExtendedStatistic(expected.into()),
                "{input}"
            );
        }
        for bad in ["p101", "p-1", "p", "p.5", "p5.", "p 5", "px"] {
            assert_eq!(parse_statistic(bad), ParsedStatistic::Unparseable(bad.into()), "{bad}");
        }
    }

    #[test]
    fn range_statistics() {
        for (input, expected) in [
            ("tm(10%:90%)", "TM(10%:90%)"),
            ("TM(10:90)", "TM(10:90)"),
            ("pr(:300)", "PR(:300)"),
            ("PR(100:)", "PR(100:)"),
            ("wm( 10% : 90% )", "WM( 10% : 90% )"),
            ("tm(10abc:90)", "TM(10ABC:90)"),
            ("tm(1:2:3)", "TM(1:2:3)"),
            ("tc(1e2:)", "TC(1E2:)"),
        ] {
            assert_eq!(
                statistic_field(input),
                StatisticField::ExtendedStatistic(expected.into()),
                "{input}"
            );
        }
        for bad in [
            "TM(:)",
            "TM()",
            "TM(10)",
            "TM(10%:90)",
            "TM(-1:5)",
            "TM(10%:101%)",
            "TM(a:5)",
            "TM(1:2))",
            "XX(1:2)",
        ] {
            assert_eq!(parse_statistic(bad), ParsedStatistic::Unparseable(bad.into()), "{bad}");
        }
    }

    #[test]
    fn unparseable_statistics_are_kept_as_extended() {
        assert_eq!(
            statistic_field("Average2"),
            StatisticField::ExtendedStatistic("Average2".into())
        );
        assert_eq!(parse_statistic("whatever").normalized(), "whatever");
        assert_eq!(parse_statistic("P90").normalized(), "p90");
    }

    #[test]
    fn parse_float_takes_the_longest_numeric_prefix() {
        assert_eq!(js_parse_float("10abc"), 10.0);
        assert_eq!(js_parse_float(" 2.5e1x"), 25.0);
        assert_eq!(js_parse_float(".5"), 0.5);
        assert_eq!(js_parse_float("5."), 5.0);
        assert_eq!(js_parse_float("1e"), 1.0);
        assert_eq!(js_parse_float("-3"), -3.0);
        assert_eq!(js_parse_float("Infinity"), f64::INFINITY);
        assert!(js_parse_float(".").is_nan());
        assert!(js_parse_float("abc").is_nan());
        assert!(js_parse_float("").is_nan());
    }
}
