//! Contrast of text on its background, as WCAG 2 measures it: AA asks 4.5:1 for text, 3:1 for
//! large text.
use bevy_egui::egui::Color32;

/// What WCAG AA asks of normal text.
pub const AA: f64 = 4.5;

/// A colour drawn over an opaque background (egui's colours are premultiplied).
pub fn over(color: Color32, background: Color32) -> Color32 {
    let keep = 1.0 - f64::from(color.a()) / 255.0;
    let mix = |c: u8, b: u8| (f64::from(c) + f64::from(b) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(color.r(), background.r()),
        mix(color.g(), background.g()),
        mix(color.b(), background.b()),
    )
}

/// WCAG's relative luminance of an opaque sRGB colour.
pub fn luminance(c: Color32) -> f64 {
    let linear = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// The contrast ratio of text on a background, from 1 to 21.
pub fn ratio(text: Color32, background: Color32) -> f64 {
    let text = over(text, background);
    let (a, b) = (luminance(text), luminance(background));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// Black or white, whichever reads better on a background.
pub fn text_on(background: Color32) -> Color32 {
    if ratio(Color32::BLACK, background) >= ratio(Color32::WHITE, background) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_wcag() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // WCAG's own example: #777 on white is just under 4.5.
        let grey = ratio(Color32::from_gray(0x77), Color32::WHITE);
        assert!((4.4..4.5).contains(&grey), "{grey}");
        // Half-transparent white on black is mid-grey.
        assert_eq!(
            over(Color32::from_white_alpha(128), Color32::BLACK),
            Color32::from_gray(128)
        );
    }

    #[test]
    fn numbers_on_every_palette_colour_pass_aa() {
        for c in crate::game::widgets::bars::PALETTE {
            assert!(ratio(text_on(c), c) >= AA, "{c:?}");
        }
    }
}
