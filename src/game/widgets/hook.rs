//! A test hook for the browser: a test names a control by its label (`window.glassbankPress`) and the next frame presses it; the labels of the controls it can press, and where each is drawn, are published each frame (`window.glassbankLabels`, `window.glassbankControls`), so browser tests never click by coordinates they guessed.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// The hook's two ends of every frame: before any screen draws, and after all have.
pub fn plugin(app: &mut App) {
    app.add_systems(Update, begin_frame)
        .add_systems(Last, end_frame);
}

fn begin_frame(mut contexts: EguiContexts) -> Result {
    begin(contexts.ctx_mut()?);
    Ok(())
}

fn end_frame(mut contexts: EguiContexts, mut last: Local<Vec<Control>>) -> Result {
    end(contexts.ctx_mut()?, &mut last);
    Ok(())
}

fn press_id() -> egui::Id {
    egui::Id::new("glassbank-test-press")
}

fn controls_id() -> egui::Id {
    egui::Id::new("glassbank-test-controls")
}

/// A control a test can press: its label, and its rectangle in the page's CSS pixels.
pub type Control = (String, [f32; 4]);

/// At the start of a frame: the control a test asks to press, if any.
pub fn begin(ctx: &egui::Context) {
    let asked = crate::platform::take_press();
    ctx.data_mut(|d| {
        if let Some(label) = asked {
            d.insert_temp(press_id(), label);
        }
        d.insert_temp(controls_id(), Vec::<Control>::new());
    });
}

/// Publishes where a control is, by its label, for a test to tap or type into (a text field).
pub fn place(ui: &egui::Ui, response: &egui::Response, label: &str) {
    let place = page_rect(ui, response);
    ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Control>>(controls_id())
            .push((label.to_string(), place));
    });
}

/// A control's rectangle in the page's pixels: egui's zoom on top of the browser's.
fn page_rect(ui: &egui::Ui, response: &egui::Response) -> [f32; 4] {
    let zoom = ui.ctx().zoom_factor();
    let r = response.rect;
    [
        r.min.x * zoom,
        r.min.y * zoom,
        r.width() * zoom,
        r.height() * zoom,
    ]
}

/// Whether a control was pressed: clicked, or named by a test this frame.
pub fn pressed(ui: &egui::Ui, response: &egui::Response, label: &str) -> bool {
    // Asked outside the context's lock: a response reads the context too.
    let clicked = response.clicked();
    let place = page_rect(ui, response);
    let asked = ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Control>>(controls_id())
            .push((label.to_string(), place));
        let asked = d.get_temp::<String>(press_id()).is_some_and(|p| p == label);
        if asked {
            d.remove::<String>(press_id());
        }
        asked
    });
    clicked || asked
}

/// At the end of a frame: the controls a test may press, published when they change.
pub fn end(ctx: &egui::Context, last: &mut Vec<Control>) {
    let controls: Vec<Control> = ctx.data(|d| d.get_temp(controls_id()).unwrap_or_default());
    if *last != controls {
        crate::platform::show_controls(&controls);
        *last = controls;
    }
}
