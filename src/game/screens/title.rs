//! The title screen: the game's name, what it is about, and the way in.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::enter_pressed;
use crate::game::records::{Records, SavedGame, SavedGames, list_saved};
use crate::game::{Action, Screen, Tr, root_ui};
use crate::i18n::Translations;

pub fn plugin(app: &mut App) {
    app.init_resource::<SavedGames>()
        .add_systems(OnEnter(Screen::Title), refresh)
        .add_systems(
            EguiPrimaryContextPass,
            system.run_if(in_state(Screen::Title)),
        );
}

fn refresh(records: Res<Records>, mut saved: ResMut<SavedGames>) {
    saved.0 = list_saved(&records);
}

/// Draws the title screen, with the games saved on this machine.
pub fn show(
    ui: &mut egui::Ui,
    tr: &Translations,
    saved: &[SavedGame],
    error: Option<&str>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    super::top_bar(ui, tr, "", &mut actions);
    egui::CentralPanel::default().show(ui, |ui| {
        super::centred_page(ui, 0.22, |ui| {
            ui.label(
                egui::RichText::new(tr.get("game-name"))
                    .heading()
                    .size(64.0)
                    .strong(),
            );
            ui.label(egui::RichText::new(tr.get("game-tagline")).size(22.0));
            ui.add_space(12.0);
            super::at_most(ui, 640.0);
            ui.label(egui::RichText::new(tr.get("game-pitch")).size(16.0));
            ui.add_space(28.0);
            let play = ui.add_sized(
                [220.0, 44.0],
                egui::Button::new(egui::RichText::new(tr.get("play")).size(22.0)),
            );
            if crate::game::widgets::hook::pressed(ui, &play, &tr.get("play")) || enter_pressed(ui)
            {
                actions.push(Action::Open(Screen::Choice));
            }
            if ui
                .add_sized([220.0, 32.0], egui::Button::new(tr.get("room-join-title")))
                .on_hover_text(tr.get("room-explain"))
                .clicked()
            {
                actions.push(Action::Open(Screen::Remote));
            }
            #[cfg(not(target_arch = "wasm32"))]
            if ui.button(tr.get("quit")).clicked() {
                actions.push(Action::Quit);
            }
            if !saved.is_empty() {
                ui.add_space(24.0);
                ui.strong(tr.get("saved-games"));
                for g in saved {
                    let label = tr.format(
                        "saved-game",
                        &[
                            ("scenario", g.scenario.clone().into()),
                            ("months", (g.months as i64).into()),
                        ],
                    );
                    if ui.button(label).clicked() {
                        actions.push(Action::Resume(g.path.clone()));
                    }
                }
            }
            if let Some(e) = error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        });
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    saved: Res<SavedGames>,
    table: Res<crate::game::Table>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, &saved.0, table.error.as_deref()));
    Ok(())
}
