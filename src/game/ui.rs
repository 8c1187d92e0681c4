//! The egui interface: the title screen with the scenario's name.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{CurrentScenario, Text};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_systems(EguiPrimaryContextPass, title_panel);
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn title_panel(
    mut contexts: EguiContexts,
    scenario: Res<CurrentScenario>,
    text: Res<Text>,
) -> Result {
    let (scenario, text) = (&scenario.0, &text.0);
    let language = text.language().code();
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.label(
                egui::RichText::new(text.get("game-name"))
                    .heading()
                    .size(64.0)
                    .strong(),
            );
            ui.label(egui::RichText::new(text.get("game-tagline")).size(22.0));
            ui.add_space(32.0);
            ui.label(egui::RichText::new(scenario.title().get(language)).size(30.0));
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new(
                    text.format("scenario-turns", &[("turns", scenario.turns().into())]),
                )
                .size(18.0),
            );
            ui.add_space(16.0);
            ui.set_max_width(720.0);
            ui.label(
                egui::RichText::new(scenario.description().get(language))
                    .size(18.0)
                    .italics(),
            );
        });
    });
    Ok(())
}
