//! Choosing who plays: for each seat the scenario offers, a human or a bot with its strategy.
//! Several humans share the computer in turn (hot seat).
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::enter_pressed;
use crate::game::actions::Player;
use crate::game::{Action, Catalog, Screen, Seating, Table, Tr, panels, root_ui};
use crate::i18n::Translations;
use crate::sim::Strategy;

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Seats)),
    );
}

fn player_name(tr: &Translations, p: Player) -> String {
    match p {
        Player::Human => tr.get("player-human"),
        Player::Bot(s) => tr.get(&format!("player-bot-{s:?}").to_lowercase()),
    }
}

pub fn show(
    ui: &mut egui::Ui,
    tr: &Translations,
    title: &str,
    seating: &Seating,
    error: Option<&str>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    super::top_bar(ui, tr, title, &mut actions);
    let humans = seating
        .choices
        .iter()
        .filter(|c| c.player == Player::Human)
        .count();
    egui::Panel::bottom("seat-buttons").show(ui, |ui| {
        if let Some(e) = error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui.button(tr.get("back")).clicked() {
                actions.push(Action::Open(Screen::Choice));
            }
            if ui.button(tr.get("start-game")).clicked() || enter_pressed(ui) {
                actions.push(Action::StartGame);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(tr.get("seats-title"));
        ui.label(tr.format("seats-humans", &[("humans", (humans as i64).into())]));
        ui.add_space(8.0);
        egui::Grid::new("seats")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for (i, c) in seating.choices.iter().enumerate() {
                    ui.label(tr.get(panels::role_key(c.seat)));
                    ui.label(&c.name);
                    let mut player = c.player;
                    egui::ComboBox::from_id_salt(("seat", i))
                        .selected_text(player_name(tr, player))
                        .show_ui(ui, |ui| {
                            let mut options = vec![Player::Human];
                            options.extend(Strategy::ALL.map(Player::Bot));
                            for p in options {
                                ui.selectable_value(&mut player, p, player_name(tr, p));
                            }
                        });
                    if player != c.player {
                        actions.push(Action::SetPlayer(i, player));
                    }
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.label(egui::RichText::new(tr.get("seats-others")).small().weak());
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    catalog: Res<Catalog>,
    seating: Res<Seating>,
    table: Res<Table>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let lang = tr.0.language().code();
    let title = catalog
        .chosen()
        .and_then(|e| e.scenario.as_ref().ok())
        .map(|s| s.title().get(lang).to_string())
        .unwrap_or_default();
    out.write_batch(show(
        &mut root,
        &tr.0,
        &title,
        &seating,
        table.error.as_deref(),
    ));
    Ok(())
}
