//! Sliders that write and read numbers as the player's language does: "1,65 %" and "1 200 €"
//! in French, "1.65%" and "€1,200" in English; typing either decimal mark works.
use bevy_egui::egui;

use crate::i18n::{Language, format};
use crate::sim::{Bp, Money};

/// Reads a number typed with a comma or a point, spaces, a "%" or a "€".
pub fn parse(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '%' | '€'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse().ok()
}

/// A plain number as the language writes it: "1,234.5" / "1 234,5", with no more decimals
/// than it has (up to two).
pub fn plain(lang: Language, v: f64) -> String {
    let hundredths = (v.abs() * 100.0).round() as u64;
    if hundredths.is_multiple_of(100) {
        let sign = if v < 0.0 && hundredths > 0 { "-" } else { "" };
        return format!("{sign}{}", format::count(lang, hundredths / 100));
    }
    // Two decimals as the language writes them, less a trailing zero: "1 234,5".
    let mut text = format::decimal(lang, v);
    if text.ends_with('0') {
        text.pop();
    }
    text
}

/// A slider over a percentage (the value is in percent, e.g. 1.65).
pub fn percent(
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    lang: Language,
) -> egui::Slider<'_> {
    egui::Slider::new(value, range)
        .custom_formatter(move |v, _| format::rate(lang, Bp((v * 100.0).round() as i32)))
        .custom_parser(parse)
}

/// A slider over an amount in euros.
pub fn euros(
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    lang: Language,
) -> egui::Slider<'_> {
    egui::Slider::new(value, range)
        .custom_formatter(move |v, _| {
            let m = Money::cents((v * 100.0).round() as i64);
            if m.as_cents() % 100 == 0 {
                format::euros(lang, m)
            } else {
                format::money(lang, m)
            }
        })
        .custom_parser(parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_decimal_marks_are_read() {
        assert_eq!(parse("1,65 %"), Some(1.65));
        assert_eq!(parse("1.65%"), Some(1.65));
        assert_eq!(parse("1\u{202f}200\u{a0}€"), Some(1200.0));
        assert_eq!(parse("€1200"), Some(1200.0));
        assert_eq!(parse("abc"), None);
    }

    #[test]
    fn plain_numbers_follow_the_language() {
        assert_eq!(plain(Language::En, 1234.5), "1,234.5");
        assert_eq!(plain(Language::Fr, 1234.5), "1\u{202f}234,5");
        assert_eq!(plain(Language::Fr, -0.25), "-0,25");
        assert_eq!(plain(Language::En, 100.0), "100");
    }
}
