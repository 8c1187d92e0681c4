//! The end of the game, first version: every bank's results and ratios, the shops and the
//! households, and the whole game's card value chain with nothing hidden. The full debrief
//! (what each player saw, the questionnaire) is its own piece of work.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::widgets::glossary;
use crate::game::{Action, Screen, Table, Tr, panels, root_ui};
use crate::i18n::{Translations, format};
use crate::session::Session;
use crate::sim::{Money, Transparency};

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Debrief)),
    );
}

pub fn show(ui: &mut egui::Ui, tr: &Translations, session: &Session) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = tr.language();
    let economy = session.economy();
    super::top_bar(ui, tr, &tr.get("debrief"), &mut actions);
    egui::Panel::bottom("debrief-buttons").show(ui, |ui| {
        if ui.button(tr.get("new-game")).clicked() {
            actions.push(Action::NewGame);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(tr.get("debrief-banks"));
            egui::Grid::new("debrief-banks")
                .striped(true)
                .show(ui, |ui| {
                    ui.label("");
                    ui.strong(tr.get("profit"));
                    glossary::term(ui, tr, "nim");
                    ui.strong(tr.get("nii-share"));
                    glossary::term(ui, tr, "cost-of-risk");
                    ui.strong(tr.get("roe"));
                    ui.strong(tr.get("clients"));
                    ui.end_row();
                    for bank in economy.banks() {
                        let r = economy.bank_ratios(bank.id);
                        ui.label(&bank.name);
                        ui.label(format::money(lang, r.pnl.net_profit()));
                        ui.label(format::rate(lang, r.net_interest_margin));
                        ui.label(format::rate(lang, r.nii_share));
                        ui.label(format::rate(lang, r.cost_of_risk));
                        ui.label(format::rate(lang, r.return_on_equity));
                        let clients = economy
                            .clients()
                            .iter()
                            .filter(|c| c.bank == bank.id)
                            .count();
                        ui.label(clients.to_string());
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            let (mut sales, mut fees, mut income) = (Money::ZERO, Money::ZERO, Money::ZERO);
            for t in economy.reports() {
                for m in &t.merchants {
                    sales = sales.saturating_add(m.sales);
                    fees = fees.saturating_add(m.card_fees());
                    income = income.saturating_add(m.net_income);
                }
            }
            ui.label(tr.format(
                "debrief-shops",
                &[
                    ("sales", format::euros(lang, sales).into()),
                    ("fees", format::euros(lang, fees).into()),
                    ("income", format::euros(lang, income).into()),
                ],
            ));
            if let Some(last) = economy.reports().last() {
                ui.label(tr.format(
                    "debrief-households",
                    &[("trust", last.clients.average_trust.into())],
                ));
            }
            ui.add_space(12.0);
            ui.heading(tr.get("chain-whole-game"));
            let turns = economy.reports().len() as u16;
            let chain = economy
                .card_value_chain(1..=turns)
                .as_seen(Transparency::Glass);
            let (nodes, links) = panels::chain::diagram(tr, &chain, 1.0);
            ui.add(crate::game::widgets::sankey::Sankey {
                nodes: &nodes,
                links: &links,
                height: 320.0,
                hidden_text: &tr.get("hidden-why"),
            });
        });
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    table: Res<Table>,
    mut out: MessageWriter<Action>,
) -> Result {
    let Some(session) = table.session.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, session));
    Ok(())
}
