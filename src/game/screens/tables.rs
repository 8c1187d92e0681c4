//! The debrief's two tables: this game beside the same scenario, seed and players' decisions
//! held under another transparency layer, so the room sees what transparency changed.
use bevy_egui::egui;

use crate::i18n::{Language, Translations, format};
use crate::session::Session;
use crate::sim::{Money, Outcome, Transparency};

/// The second table: its layer, and its outcome once played.
#[derive(Default)]
pub struct Comparison {
    /// The facilitator's choice; otherwise the opposite of this table's layer.
    pub layer: Option<Transparency>,
    played: Option<Played>,
}

struct Played {
    layer: Transparency,
    /// The months played and the books after the last: what both outcomes were read from.
    months: usize,
    fingerprint: Option<u64>,
    this: Outcome,
    other: Result<Outcome, crate::i18n::Message>,
}

impl Comparison {
    /// The layer the second table is held under.
    pub fn layer_for(&self, session: &Session) -> Transparency {
        self.layer
            .unwrap_or(match session.economy().params().transparency {
                Transparency::Glass => Transparency::Opaque,
                Transparency::Opaque | Transparency::Disclosed => Transparency::Glass,
            })
    }

    /// Both tables' outcomes, played again only when the game or the layer changed.
    fn outcomes(
        &mut self,
        session: &Session,
    ) -> (&Outcome, &Result<Outcome, crate::i18n::Message>) {
        let layer = self.layer_for(session);
        let months = session.played().len();
        let fingerprint = session.played().last().map(|p| p.fingerprint);
        let fresh = self.played.as_ref().is_some_and(|p| {
            p.layer == layer && p.months == months && p.fingerprint == fingerprint
        });
        if !fresh {
            self.played = None;
        }
        let played = self.played.get_or_insert_with(|| Played {
            layer,
            months,
            fingerprint,
            this: session.economy().outcome(),
            other: session.treatment(layer).map(|t| t.economy().outcome()),
        });
        (&played.this, &played.other)
    }
}

/// The part of the debrief that shows both tables side by side.
pub fn show(ui: &mut egui::Ui, tr: &Translations, session: &Session, compare: &mut Comparison) {
    let lang = tr.language();
    ui.heading(tr.get("tables-title"));
    ui.label(tr.get("tables-why"));
    let chosen = compare.layer_for(session);
    ui.horizontal(|ui| {
        ui.label(tr.get("tables-second-layer"));
        for layer in Transparency::ALL {
            if ui
                .selectable_label(chosen == layer, tr.get(crate::game::layer_key(layer)))
                .clicked()
            {
                compare.layer = Some(layer);
            }
        }
    });
    ui.add_space(6.0);
    let (this, other) = match compare.outcomes(session) {
        (this, Ok(other)) => (this, other),
        (_, Err(e)) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr.format("tables-failed", &[("reason", tr.message(e).into())]),
            );
            return;
        }
    };
    let layers = |o: &Outcome| {
        o.layers
            .iter()
            .map(|l| tr.get(crate::game::layer_key(*l)))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    // Wider than the window at 200%: it scrolls sideways rather than lose its last column.
    egui::ScrollArea::horizontal()
        .id_salt("tables-scroll")
        .show(ui, |ui| {
            egui::Grid::new("tables")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.label("");
                    ui.strong(tr.format("tables-this", &[("layers", layers(this).into())]));
                    ui.strong(tr.format("tables-other", &[("layers", layers(other).into())]));
                    ui.strong(tr.get("tables-difference"));
                    ui.end_row();
                    for (a, b) in this.banks.iter().zip(&other.banks) {
                        // "Bank A: profit", in the language's punctuation.
                        let row = |what: &str| {
                            tr.format(
                                "tables-bank-row",
                                &[
                                    ("bank", a.name.clone().into()),
                                    ("what", tr.get(what).into()),
                                ],
                            )
                        };
                        money_row(ui, lang, &row("profit"), a.profit, b.profit);
                        money_row(
                            ui,
                            lang,
                            &row("tables-fee-income"),
                            a.fee_income,
                            b.fee_income,
                        );
                        count_row(
                            ui,
                            &row("clients"),
                            i64::from(a.clients),
                            i64::from(b.clients),
                        );
                    }
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-fees-paid"),
                        this.fees_paid,
                        other.fees_paid,
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-surprise-fees"),
                        this.surprise_fees,
                        other.surprise_fees,
                    );
                    count_row(
                        ui,
                        &tr.get("tables-complaints"),
                        i64::from(this.complaints),
                        i64::from(other.complaints),
                    );
                    count_row(
                        ui,
                        &tr.get("tables-switched"),
                        i64::from(this.switched_bank),
                        i64::from(other.switched_bank),
                    );
                    count_row(
                        ui,
                        &tr.get("tables-trust"),
                        i64::from(this.average_trust),
                        i64::from(other.average_trust),
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-household-money"),
                        this.household_money,
                        other.household_money,
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-card-fees"),
                        this.card_fees,
                        other.card_fees,
                    );
                    count_row(
                        ui,
                        &tr.get("tables-shops-cards"),
                        i64::from(this.shops_accepting_cards),
                        i64::from(other.shops_accepting_cards),
                    );
                });
        });
}

fn money_row(ui: &mut egui::Ui, lang: Language, label: &str, a: Money, b: Money) {
    ui.label(label);
    ui.label(format::euros(lang, a));
    ui.label(format::euros(lang, b));
    let d = b.saturating_sub(a);
    // Under a euro either way is no difference worth a sign.
    ui.label(match d.as_cents() {
        -49..=49 => "0".to_string(),
        c if c > 0 => format!("+{}", format::euros(lang, d)),
        _ => format::euros(lang, d),
    });
    ui.end_row();
}

fn count_row(ui: &mut egui::Ui, label: &str, a: i64, b: i64) {
    ui.label(label);
    ui.label(a.to_string());
    ui.label(b.to_string());
    ui.label(match b - a {
        0 => "0".to_string(),
        d => format!("{d:+}"),
    });
    ui.end_row();
}
