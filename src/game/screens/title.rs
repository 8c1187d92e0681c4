//! The title screen: the game's name, what it is about, and the way in.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::enter_pressed;
use crate::game::{Action, Screen, Tr, root_ui};
use crate::i18n::Translations;

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Title)),
    );
}

/// Draws the title screen.
pub fn show(ui: &mut egui::Ui, tr: &Translations) -> Vec<Action> {
    let mut actions = Vec::new();
    super::top_bar(ui, tr, "", &mut actions);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.22);
            ui.label(
                egui::RichText::new(tr.get("game-name"))
                    .heading()
                    .size(64.0)
                    .strong(),
            );
            ui.label(egui::RichText::new(tr.get("game-tagline")).size(22.0));
            ui.add_space(12.0);
            ui.set_max_width(640.0);
            ui.label(egui::RichText::new(tr.get("game-pitch")).size(16.0));
            ui.add_space(28.0);
            let play = ui.add_sized(
                [220.0, 44.0],
                egui::Button::new(egui::RichText::new(tr.get("play")).size(22.0)),
            );
            if play.clicked() || enter_pressed(ui) {
                actions.push(Action::Open(Screen::Choice));
            }
            #[cfg(not(target_arch = "wasm32"))]
            if ui.button(tr.get("quit")).clicked() {
                actions.push(Action::Quit);
            }
        });
    });
    actions
}

fn system(mut contexts: EguiContexts, tr: Res<Tr>, mut out: MessageWriter<Action>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0));
    Ok(())
}
