//! Settings: language, size of the interface, full screen, the first-turn guides, facilitator
//! mode; remembered between games. Escape opens them, F11 toggles full screen, Ctrl and +/-
//! zoom from 75% to 200%, Ctrl+0 goes back to 100%.
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use serde::{Deserialize, Serialize};

use super::records::Records;
use super::{Action, Settings, Tr};
use crate::i18n::{Language, Translations};

/// The sizes of the interface a player can choose.
pub const SCALES: std::ops::RangeInclusive<f32> = 0.75..=2.0;
/// One step of Ctrl +/-.
pub const SCALE_STEP: f32 = 0.25;

pub fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, window)
        .add_systems(Update, (apply_to_window, remember));
}

/// What the game remembers of the settings, in `settings.ron` in the data directory (the
/// browser's storage on the web).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub language: String,
    pub ui_scale: f32,
    pub fullscreen: bool,
    pub tutorials: bool,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered::of(&Settings::new(Language::En))
    }
}

impl Remembered {
    fn of(settings: &Settings) -> Remembered {
        Remembered {
            language: settings.language.code().to_string(),
            ui_scale: settings.ui_scale,
            fullscreen: settings.fullscreen,
            tutorials: settings.tutorials,
        }
    }

    fn path(data_dir: &std::path::Path) -> std::path::PathBuf {
        data_dir.join("settings.ron")
    }
}

/// Takes the remembered settings from the data directory, if any; the language too unless the
/// command line chose one. A missing or unreadable file changes nothing.
pub fn recall(settings: &mut Settings, data_dir: &std::path::Path, keep_language: bool) {
    let path = Remembered::path(data_dir);
    if !crate::platform::exists(&path) {
        return;
    }
    let Some(r) = crate::platform::read_text(&path)
        .ok()
        .and_then(|text| ron::from_str::<Remembered>(&text).ok())
    else {
        return;
    };
    if !keep_language && let Some(l) = Language::from_code(&r.language) {
        settings.language = l;
    }
    settings.ui_scale = r.ui_scale.clamp(*SCALES.start(), *SCALES.end());
    settings.fullscreen = r.fullscreen;
    settings.tutorials = r.tutorials;
}

/// Writes the settings down when a remembered one changes.
pub fn remember(
    settings: Res<Settings>,
    records: Res<Records>,
    mut last: Local<Option<Remembered>>,
) {
    if last.is_some() && !settings.is_changed() {
        return;
    }
    let now = Remembered::of(&settings);
    if last.as_ref() == Some(&now) {
        return;
    }
    // The first look only notes what the game started with.
    if last.replace(now.clone()).is_none() {
        return;
    }
    if let Ok(text) = ron::ser::to_string_pretty(&now, ron::ser::PrettyConfig::default()) {
        crate::platform::create_dir_all(&records.data_dir);
        // Settings are a comfort: if they cannot be written, the game goes on as it is.
        if crate::platform::write_atomically(&Remembered::path(&records.data_dir), &text).is_err() {
            warn!("the settings could not be saved");
        }
    }
}

/// "%" as each language writes it after a number.
fn percent_sign(lang: Language) -> &'static str {
    match lang {
        Language::En => "%",
        Language::Fr => "\u{a0}%",
    }
}

/// The next size of the interface, one step up or down, within 75% to 200%.
pub fn scale_step(scale: f32, up: bool) -> f32 {
    let next = if up {
        scale + SCALE_STEP
    } else {
        scale - SCALE_STEP
    };
    (next / SCALE_STEP).round() * SCALE_STEP
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
        let mut percent = (settings.ui_scale * 100.0).round();
        let lang = settings.language;
        let slider = egui::Slider::new(&mut percent, 75.0..=200.0)
            .step_by(25.0)
            .custom_formatter(move |v, _| {
                super::widgets::number::plain(lang, v) + percent_sign(lang)
            });
        if ui
            .add(slider)
            .on_hover_text(tr.get("ui-scale-keys"))
            .changed()
        {
            actions.push(Action::SetScale(percent / 100.0));
        }
        ui.end_row();
        ui.label(tr.get("fullscreen"));
        let mut full = settings.fullscreen;
        if ui.checkbox(&mut full, tr.get("fullscreen-key")).changed() {
            actions.push(Action::SetFullscreen(full));
        }
        ui.end_row();
        ui.label(tr.get("tutorials"));
        let mut on = settings.tutorials;
        if ui
            .checkbox(&mut on, tr.get("tutorials-first-month"))
            .changed()
        {
            actions.push(Action::SetTutorials(on));
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
    guide: Res<super::guide::Guide>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (escape, f11, f1) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::F11),
            i.key_pressed(egui::Key::F1),
        )
    });
    // Escape closes what is open on top (the guide, the glossary) before it opens the settings.
    let guiding = guide.is_open();
    if escape && !guiding && !settings.glossary {
        out.write(Action::ToggleSettings);
    } else if escape && settings.glossary && !guiding {
        out.write(Action::ToggleGlossary);
    }
    if f11 {
        out.write(Action::SetFullscreen(!settings.fullscreen));
    }
    if f1 {
        out.write(Action::ToggleGlossary);
    }
    // The zoom keys move the remembered size, in steps, within 75% to 200%.
    let zoom = ctx.input_mut(|i| {
        let cmd = egui::Modifiers::COMMAND;
        if i.consume_key(cmd, egui::Key::Plus) || i.consume_key(cmd, egui::Key::Equals) {
            Some(scale_step(settings.ui_scale, true))
        } else if i.consume_key(cmd, egui::Key::Minus) {
            Some(scale_step(settings.ui_scale, false))
        } else if i.consume_key(cmd, egui::Key::Num0) {
            Some(1.0)
        } else {
            None
        }
    });
    if let Some(scale) = zoom {
        out.write(Action::SetScale(scale));
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
    if settings.glossary {
        let mut open = true;
        egui::Window::new(tr.0.get("glossary-title"))
            .open(&mut open)
            .collapsible(false)
            .default_size([620.0, 480.0])
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                super::widgets::glossary::screen(ui, &tr.0);
            });
        if !open {
            out.write(Action::ToggleGlossary);
        }
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
        // Ctrl +/- go through the settings (remembered, within 75% to 200%), not egui's own zoom.
        // A press is a click however long it is held, as a browser's or a desktop's buttons
        // are (egui's default takes a press over 0.8 s for a long touch, and this game has no
        // action for one): a player who presses slowly, or a tablet whose frame takes long
        // between the finger's press and its lift, would lose the tap.
        ctx.options_mut(|o| {
            o.zoom_with_keyboard = false;
            o.input_options.max_click_duration = f64::INFINITY;
        });
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
    // Text that reads at WCAG AA (4.5:1) on every background, in both themes: egui's own weak
    // text and error red fall short (see `tests::text_reads_at_aa`).
    let v = &mut style.visuals;
    if v.dark_mode {
        v.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(180);
        v.weak_text_color = Some(egui::Color32::from_gray(150));
        v.error_fg_color = egui::Color32::from_rgb(255, 110, 110);
        v.hyperlink_color = egui::Color32::from_rgb(110, 180, 255);
    } else {
        v.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(40);
        v.weak_text_color = Some(egui::Color32::from_gray(95));
        v.error_fg_color = egui::Color32::from_rgb(180, 0, 0);
        v.warn_fg_color = egui::Color32::from_rgb(150, 70, 0);
        v.hyperlink_color = egui::Color32::from_rgb(0, 85, 170);
    }
    // Scroll bars always drawn, so a player sees there is more below.
    style.spacing.scroll = egui::style::ScrollStyle::solid();
    style.spacing.slider_width = 180.0;
    style.spacing.interact_size.y = 24.0;
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::widgets::contrast::{AA, ratio};

    /// Every kind of text on every background it is drawn on, in the dark and the light theme.
    #[test]
    fn text_reads_at_aa() {
        // egui's own weak text does not, which is why `readable` sets it.
        let dark = egui::Visuals::dark();
        assert!(ratio(dark.weak_text_color(), dark.panel_fill) < AA);
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            let mut style = egui::Style {
                visuals,
                ..egui::Style::default()
            };
            readable(&mut style);
            let v = &style.visuals;
            let w = &v.widgets;
            let striped = crate::game::widgets::contrast::over(v.faint_bg_color, v.panel_fill);
            let pairs = [
                ("text", v.text_color(), v.panel_fill),
                ("text in a window", v.text_color(), v.window_fill),
                ("text on a striped row", v.text_color(), striped),
                ("weak text", v.weak_text_color(), v.panel_fill),
                ("weak text in a window", v.weak_text_color(), v.window_fill),
                ("weak text on a striped row", v.weak_text_color(), striped),
                ("strong text", v.strong_text_color(), v.panel_fill),
                ("error", v.error_fg_color, v.panel_fill),
                ("warning", v.warn_fg_color, v.panel_fill),
                ("link", v.hyperlink_color, v.panel_fill),
                (
                    "button",
                    w.inactive.fg_stroke.color,
                    w.inactive.weak_bg_fill,
                ),
                (
                    "hovered button",
                    w.hovered.fg_stroke.color,
                    w.hovered.weak_bg_fill,
                ),
                (
                    "pressed button",
                    w.active.fg_stroke.color,
                    w.active.weak_bg_fill,
                ),
                ("open tab", v.selection.stroke.color, v.selection.bg_fill),
                ("text field", v.text_color(), v.text_edit_bg_color()),
            ];
            for (what, text, background) in pairs {
                let r = ratio(text, background);
                assert!(
                    r >= AA,
                    "{what} ({}): {r:.2} < {AA}",
                    if v.dark_mode { "dark" } else { "light" }
                );
            }
        }
    }

    #[test]
    fn zoom_steps_stay_between_75_and_200_percent() {
        assert_eq!(scale_step(1.0, true), 1.25);
        assert_eq!(
            scale_step(0.75, false),
            0.5,
            "clamped by the action, not here"
        );
        assert_eq!(scale_step(1.1, false), 0.75);
    }
}
