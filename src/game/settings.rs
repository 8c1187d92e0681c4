//! Settings: language, size of the interface, full screen, facilitator mode. Escape opens them, F11 toggles full
//! screen, Ctrl and +/- zoom (egui's own keys).
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Action, Settings, Tr};
use crate::i18n::{Language, Translations};

pub fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, window)
        .add_systems(Update, apply_to_window);
}

/// The settings window's content.
pub fn show(ui: &mut egui::Ui, tr: &Translations, settings: &Settings) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Grid::new("settings").num_columns(2).show(ui, |ui| {
        ui.label(tr.get("language"));
        ui.horizontal(|ui| {
            for l in Language::ALL {
                if ui
                    .selectable_label(
                        settings.language == l,
                        tr.get(&format!("language-{}", l.code())),
                    )
                    .clicked()
                {
                    actions.push(Action::SetLanguage(l));
                }
            }
        });
        ui.end_row();
        ui.label(tr.get("ui-scale"));
        let mut scale = settings.ui_scale;
        if ui
            .add(egui::Slider::new(&mut scale, 0.75..=2.0).step_by(0.25))
            .changed()
        {
            actions.push(Action::SetScale(scale));
        }
        ui.end_row();
        ui.label(tr.get("fullscreen"));
        let mut full = settings.fullscreen;
        if ui.checkbox(&mut full, tr.get("fullscreen-key")).changed() {
            actions.push(Action::SetFullscreen(full));
        }
        ui.end_row();
        ui.label(tr.get("facilitator-mode"));
        let mut on = settings.facilitator;
        if ui
            .checkbox(&mut on, tr.get("facilitator-mode-keys"))
            .changed()
        {
            actions.push(Action::SetFacilitator(on));
        }
        ui.end_row();
    });
    if ui.button(tr.get("close")).clicked() {
        actions.push(Action::ToggleSettings);
    }
    actions
}

fn window(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    settings: Res<Settings>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (escape, f11) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::F11),
        )
    });
    if escape {
        out.write(Action::ToggleSettings);
    }
    if f11 {
        out.write(Action::SetFullscreen(!settings.fullscreen));
    }
    if settings.open {
        let mut actions = Vec::new();
        egui::Window::new(tr.0.get("settings"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| actions = show(ui, &tr.0, &settings));
        out.write_batch(actions);
    }
    Ok(())
}

/// Keeps the window and egui in line with the settings.
fn apply_to_window(
    settings: Res<Settings>,
    mut contexts: EguiContexts,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !settings.is_changed() {
        return;
    }
    if let Ok(ctx) = contexts.ctx_mut() {
        ctx.set_zoom_factor(settings.ui_scale);
        ctx.all_styles_mut(readable);
    }
    if let Ok(mut w) = windows.single_mut() {
        let mode = if settings.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        if w.mode != mode {
            w.mode = mode;
        }
    }
}

/// Text large enough to read at a workshop table, and room for sliders.
pub fn readable(style: &mut egui::Style) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (
            TextStyle::Heading,
            FontId::new(26.0, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(16.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Small,
            FontId::new(13.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(14.0, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.slider_width = 180.0;
    style.spacing.interact_size.y = 24.0;
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
}
