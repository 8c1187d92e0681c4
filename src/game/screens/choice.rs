//! Choosing a scenario: the list on the left, its title, description and learning objectives on
//! the right; a file that did not load shows its error instead.
use crate::game::widgets::hook;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::enter_pressed;
use crate::game::{Action, Catalog, Screen, Tr, root_ui};
use crate::i18n::Translations;

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Choice)),
    );
}

pub fn show(ui: &mut egui::Ui, tr: &Translations, catalog: &Catalog) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = tr.language().code();
    super::top_bar(ui, tr, &tr.get("choose-scenario"), &mut actions);
    let valid = catalog.chosen().is_some_and(|e| e.scenario.is_ok());
    egui::Panel::bottom("choice-buttons").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button(tr.get("back")).clicked() {
                actions.push(Action::Open(Screen::Title));
            }
            let label = tr.get("choose-seats");
            let go = ui.add_enabled(valid, egui::Button::new(&label));
            let go = valid && hook::pressed(ui, &go, &label);
            if go || (valid && enter_pressed(ui)) {
                actions.push(Action::ConfirmScenario);
            }
            // A networked room, served from this computer to the players' browsers.
            if cfg!(all(feature = "serve", not(target_arch = "wasm32")))
                && ui
                    .add_enabled(valid, egui::Button::new(tr.get("host-button")))
                    .on_hover_text(tr.get("host-button-why"))
                    .clicked()
            {
                actions.push(Action::Open(Screen::Host));
            }
        });
    });
    egui::Panel::left("scenario-list")
        .default_size(300.0)
        .show(ui, |ui| {
            for (i, e) in catalog.entries.iter().enumerate() {
                let name = match &e.scenario {
                    // A file of the player's own says which file it is.
                    Ok(s) if !e.path.starts_with("scenarios/") => {
                        format!("{} ({})", s.title().get(lang), e.path)
                    }
                    Ok(s) => s.title().get(lang).to_string(),
                    Err(_) => format!("⚠ {}", e.path),
                };
                if ui.selectable_label(catalog.chosen == i, name).clicked() {
                    actions.push(Action::ChooseScenario(i));
                }
            }
            let (up, down) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::ArrowUp),
                    i.key_pressed(egui::Key::ArrowDown),
                )
            });
            if up && catalog.chosen > 0 {
                actions.push(Action::ChooseScenario(catalog.chosen - 1));
            }
            if down && catalog.chosen + 1 < catalog.entries.len() {
                actions.push(Action::ChooseScenario(catalog.chosen + 1));
            }
            // In the browser a player opens a scenario file of their own.
            if cfg!(target_arch = "wasm32") {
                ui.add_space(12.0);
                let label = tr.get("open-scenario-file");
                let open = ui.button(&label);
                if hook::pressed(ui, &open, &label) {
                    actions.push(Action::PickScenarioFile);
                }
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            match catalog.chosen().map(|e| (&e.path, &e.scenario)) {
                Some((_, Ok(s))) => {
                    ui.heading(egui::RichText::new(s.title().get(lang)).size(28.0));
                    ui.label(tr.format("scenario-turns", &[("turns", s.turns().into())]));
                    ui.add_space(8.0);
                    ui.label(egui::RichText::new(s.description().get(lang)).size(17.0));
                    if !s.file.objectives.is_empty() {
                        ui.add_space(12.0);
                        ui.strong(tr.get("objectives"));
                        for o in &s.file.objectives {
                            ui.label(format!("• {}", o.get(lang)));
                        }
                    }
                }
                Some((path, Err(why))) => {
                    ui.heading(tr.get("scenario-invalid"));
                    ui.label(path.as_str());
                    ui.add_space(8.0);
                    ui.label(
                        egui::RichText::new(tr.message(why))
                            .monospace()
                            .color(ui.visuals().error_fg_color),
                    );
                }
                None => {
                    ui.label(tr.get("no-scenarios"));
                }
            }
        });
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    catalog: Res<Catalog>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, &catalog));
    Ok(())
}
