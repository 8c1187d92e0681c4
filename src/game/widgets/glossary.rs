//! Financial terms with a plain-words explanation on hover, from the translation files
//! (`term-KEY` for the term, `glossary-KEY` for the explanation).
use bevy_egui::egui;

use crate::i18n::Translations;

/// Every term the glossary explains.
pub const TERMS: [&str; 29] = [
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
    "loan-loss-allowance",
    "card-credit-rate",
    "reserves",
    "cet1",
    "profit-tax",
    "mortgage",
    "deposit-guarantee",
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

/// The glossary screen (F1, or the button at the top of every screen): every term in the
/// language's alphabetical order, with a search field that looks in terms and explanations.
pub fn screen(ui: &mut egui::Ui, tr: &Translations) {
    let id = ui.make_persistent_id("glossary-search");
    let mut search: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
    ui.horizontal(|ui| {
        ui.label(tr.get("glossary-search"));
        ui.text_edit_singleline(&mut search);
    });
    ui.data_mut(|d| d.insert_temp(id, search.clone()));
    ui.separator();
    let needle = search.to_lowercase();
    let mut entries: Vec<(String, String)> = TERMS
        .iter()
        .map(|key| (tr.get(&format!("term-{key}")), explain(tr, key)))
        .filter(|(term, text)| {
            needle.is_empty()
                || term.to_lowercase().contains(&needle)
                || text.to_lowercase().contains(&needle)
        })
        .collect();
    entries.sort_by_key(|(term, _)| sort_key(term));
    egui::ScrollArea::vertical().show(ui, |ui| {
        if entries.is_empty() {
            ui.label(tr.get("glossary-nothing"));
        }
        for (term, text) in entries {
            ui.label(egui::RichText::new(term).strong());
            ui.label(text);
            ui.add_space(6.0);
        }
    });
}

/// Alphabetical order that ignores case and French accents ("écart" with the "e"s).
fn sort_key(term: &str) -> String {
    term.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            c => c,
        })
        .collect()
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
