//! Numbers as each language writes them: money ("EUR 1,234.56" / "1 234,56 EUR") and rates
//! ("1.65%" / "1,65 %").
use super::Language;
use crate::sim::{Bp, Money};

/// Groups thousands with `sep`.
fn grouped(mut n: u64, sep: &str) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1_000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1_000));
        n /= 1_000;
    }
    groups.reverse();
    groups.join(sep)
}

/// An amount of money: `€1,234.56` in English, `1 234,56 €` in French.
pub fn money(language: Language, m: Money) -> String {
    let cents = m.as_cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    match language {
        Language::En => format!("{sign}€{}.{:02}", grouped(abs / 100, ","), abs % 100),
        Language::Fr => format!(
            "{sign}{},{:02}\u{a0}€",
            grouped(abs / 100, "\u{202f}"),
            abs % 100
        ),
    }
}

/// An amount rounded to the euro, for charts and big totals.
pub fn euros(language: Language, m: Money) -> String {
    let cents = m.as_cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = (cents.unsigned_abs() + 50) / 100;
    match language {
        Language::En => format!("{sign}€{}", grouped(abs, ",")),
        Language::Fr => format!("{sign}{}\u{a0}€", grouped(abs, "\u{202f}")),
    }
}

/// A rate: `1.65%` in English, `1,65 %` in French.
pub fn rate(language: Language, r: Bp) -> String {
    let sign = if r.0 < 0 { "-" } else { "" };
    let abs = r.0.unsigned_abs();
    match language {
        Language::En => format!("{sign}{}.{:02}%", abs / 100, abs % 100),
        Language::Fr => format!("{sign}{},{:02}\u{a0}%", abs / 100, abs % 100),
    }
}

/// A count: `1,234` in English, `1 234` in French.
pub fn count(language: Language, n: u64) -> String {
    match language {
        Language::En => grouped(n, ","),
        Language::Fr => grouped(n, "\u{202f}"),
    }
}

/// A measure with two decimals, for tables: `-1,234.50` in English, `-1 234,50` in French.
pub fn decimal(language: Language, value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let hundredths = (value * 100.0).round();
    let sign = if hundredths < 0.0 { "-" } else { "" };
    let abs = hundredths.abs() as u64;
    match language {
        Language::En => format!("{sign}{}.{:02}", grouped(abs / 100, ","), abs % 100),
        Language::Fr => format!("{sign}{},{:02}", grouped(abs / 100, "\u{202f}"), abs % 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_rates_in_both_languages() {
        assert_eq!(
            money(Language::En, Money::cents(123_456_789)),
            "€1,234,567.89"
        );
        assert_eq!(money(Language::En, Money::cents(-5)), "-€0.05");
        assert_eq!(
            money(Language::Fr, Money::cents(123_456)),
            "1\u{202f}234,56\u{a0}€"
        );
        assert_eq!(euros(Language::En, Money::cents(99_950)), "€1,000");
        assert_eq!(rate(Language::En, Bp(165)), "1.65%");
        assert_eq!(rate(Language::Fr, Bp(-5)), "-0,05\u{a0}%");
        assert_eq!(count(Language::En, 197_595), "197,595");
        assert_eq!(count(Language::Fr, 197_595), "197\u{202f}595");
        assert_eq!(decimal(Language::En, -1234.5), "-1,234.50");
        assert_eq!(decimal(Language::Fr, 0.004), "0,00");
    }
}
