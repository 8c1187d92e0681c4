//! Financial terms with a plain-words explanation on hover, from the translation files
//! (`term-KEY` for the term, `glossary-KEY` for the explanation).
use bevy_egui::egui;

use crate::i18n::Translations;

/// Every term the glossary explains.
pub const TERMS: [&str; 22] = [
    "interchange",
    "msc",
    "scheme-fee",
    "acquirer-margin",
    "issuer",
    "acquirer",
    "policy-rate",
    "cost-of-funds",
    "operating-cost",
    "expected-loss",
    "cost-of-capital",
    "margin",
    "nim",
    "overdraft",
    "irregular-payment-fee",
    "savings-rate",
    "vat",
    "markup",
    "trust",
    "layer",
    "pd",
    "cost-of-risk",
];

/// A term, underlined, explained on hover.
pub fn term(ui: &mut egui::Ui, tr: &Translations, key: &str) -> egui::Response {
    let text = egui::RichText::new(tr.get(&format!("term-{key}"))).underline();
    ui.label(text)
        .on_hover_text(tr.get(&format!("glossary-{key}")))
}

/// The explanation of a term, for tooltips of other widgets.
pub fn explain(tr: &Translations, key: &str) -> String {
    tr.get(&format!("glossary-{key}"))
}

/// Every term and its explanation, for the glossary tab.
pub fn list(ui: &mut egui::Ui, tr: &Translations) {
    egui::Grid::new("glossary")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for key in TERMS {
                ui.strong(tr.get(&format!("term-{key}")));
                ui.label(tr.get(&format!("glossary-{key}")));
                ui.end_row();
            }
        });
}
