//! One plugin per screen. Each screen is a function from what it shows to the `Action`s the
//! players asked for, so tests can drive it without a window; its system draws it into the
//! window and sends the actions.
pub mod choice;
pub mod debrief;
pub mod handover;
pub mod seats;
pub mod tables;
pub mod title;
pub mod turn;

use bevy_egui::egui;

use super::Action;
use crate::i18n::Translations;

/// The bar at the top of every screen: a title and the settings button.
pub fn top_bar(ui: &mut egui::Ui, tr: &Translations, title: &str, actions: &mut Vec<Action>) {
    egui::Panel::top("top").show(ui, |ui| {
        // On a phone the title goes under the name and the buttons rather than beneath them.
        let narrow = ui.available_width() < NARROW_BAR;
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(tr.get("game-name")).strong());
            if !narrow {
                ui.separator();
                ui.label(title);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr.get("settings"))
                    .on_hover_text(tr.get("settings-key"))
                    .clicked()
                {
                    actions.push(Action::ToggleSettings);
                }
                if ui
                    .button(tr.get("glossary-title"))
                    .on_hover_text(tr.get("glossary-key"))
                    .clicked()
                {
                    actions.push(Action::ToggleGlossary);
                }
            });
        });
        if narrow {
            ui.add(egui::Label::new(title).wrap());
        }
    });
}

/// The width under which the top bar puts the screen's title on a line of its own.
const NARROW_BAR: f32 = 560.0;

/// A page centred in the window with room above it on a tall screen (`above`: the share of the
/// height); at 200% on a small screen it starts near the top and scrolls instead.
pub fn centred_page(ui: &mut egui::Ui, above: f32, add: impl FnOnce(&mut egui::Ui)) {
    let space = if ui.available_height() > 600.0 {
        ui.available_height() * above
    } else {
        16.0
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(space);
            add(ui);
        })
    });
}

/// Narrows a page to `width` points, or to the window on a narrower screen (a phone): text
/// wraps within what is seen rather than beyond it.
pub fn at_most(ui: &mut egui::Ui, width: f32) {
    ui.set_max_width(ui.available_width().min(width));
}

/// Whether Enter was pressed with no text field focused: "go on" on every screen.
pub fn enter_pressed(ui: &egui::Ui) -> bool {
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    !typing && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
