//! A test hook for the browser: a test names a control by its label (`window.glassbankPress`) and the next frame presses it, and the labels of the controls it can press are published each frame (`window.glassbankLabels`), so browser tests never click by coordinates.
use bevy_egui::egui;

fn press_id() -> egui::Id {
    egui::Id::new("glassbank-test-press")
}

fn labels_id() -> egui::Id {
    egui::Id::new("glassbank-test-labels")
}

/// At the start of a frame: the control a test asks to press, if any.
pub fn begin(ctx: &egui::Context) {
    let asked = crate::platform::take_press();
    ctx.data_mut(|d| {
        if let Some(label) = asked {
            d.insert_temp(press_id(), label);
        }
        d.insert_temp(labels_id(), Vec::<String>::new());
    });
}

/// Whether a control was pressed: clicked, or named by a test this frame.
pub fn pressed(ui: &egui::Ui, response: &egui::Response, label: &str) -> bool {
    // Asked outside the context's lock: a response reads the context too.
    let clicked = response.clicked();
    let asked = ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<String>>(labels_id())
            .push(label.to_string());
        let asked = d.get_temp::<String>(press_id()).is_some_and(|p| p == label);
        if asked {
            d.remove::<String>(press_id());
        }
        asked
    });
    clicked || asked
}

/// At the end of a frame: the labels a test may press, published when they change.
pub fn end(ctx: &egui::Context, last: &mut Vec<String>) {
    let labels: Vec<String> = ctx.data(|d| d.get_temp(labels_id()).unwrap_or_default());
    if *last != labels {
        crate::platform::show_labels(&labels);
        *last = labels;
    }
}
