//! Reusable egui widgets: the Sankey diagram, stacked bars, glossary terms, amounts that may be
//! hidden, and the contrast of text.
pub mod bars;
pub mod contrast;
pub mod glossary;
pub mod hook;
pub mod number;
pub mod sankey;

use bevy_egui::egui;

use crate::i18n::{Translations, format};
use crate::sim::{Bp, Money, Shown};

/// An amount, or "hidden" in grey when the layer hides it (never a zero).
pub fn money(ui: &mut egui::Ui, tr: &Translations, m: Shown<Money>) -> egui::Response {
    match m {
        Shown::Shown(m) => ui.label(format::money(tr.language(), m)),
        Shown::Hidden => hidden(ui, tr),
    }
}

/// A rate, or "hidden".
pub fn rate(ui: &mut egui::Ui, tr: &Translations, r: Shown<Bp>) -> egui::Response {
    match r {
        Shown::Shown(r) => ui.label(format::rate(tr.language(), r)),
        Shown::Hidden => hidden(ui, tr),
    }
}

/// The mark of a number this seat may not see.
pub fn hidden(ui: &mut egui::Ui, tr: &Translations) -> egui::Response {
    ui.label(egui::RichText::new(tr.get("hidden")).italics().weak())
        .on_hover_text(tr.get("hidden-why"))
}
