//! A horizontal stacked bar with a legend: how a rate or a charge is built from its parts.
use bevy_egui::egui::{self, Color32, Sense, Vec2};

/// One part of the bar.
pub struct Part {
    pub label: String,
    pub value: f64,
    /// The value as text, e.g. "1.00%".
    pub text: String,
    /// What the part pays for, on hover.
    pub tooltip: String,
}

/// Colours for up to six parts, distinguishable with the common colour-vision deficiencies.
pub const PALETTE: [Color32; 6] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(213, 94, 0),
];

/// Draws the bar and its legend; negative parts are drawn as zero.
pub fn stacked_bar(ui: &mut egui::Ui, parts: &[Part]) {
    let total: f64 = parts.iter().map(|p| p.value.max(0.0)).sum();
    let width = ui.available_width().clamp(160.0, 640.0);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 26.0), Sense::hover());
    let mut x = rect.left();
    for (i, p) in parts.iter().enumerate() {
        if total <= 0.0 {
            break;
        }
        let w = (p.value.max(0.0) / total) as f32 * rect.width();
        let segment = egui::Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, 26.0));
        ui.painter()
            .rect_filled(segment, 0.0, PALETTE[i % PALETTE.len()]);
        // The part's number, matching the legend, so the bar reads without its colours.
        if w >= 16.0 {
            ui.painter().text(
                segment.center(),
                egui::Align2::CENTER_CENTER,
                (i + 1).to_string(),
                egui::FontId::proportional(14.0),
                super::contrast::text_on(PALETTE[i % PALETTE.len()]),
            );
        }
        let response = ui.interact(segment, ui.id().with(("bar", i)), Sense::hover());
        response.on_hover_text(format!("{}: {}\n{}", p.label, p.text, p.tooltip));
        x += w;
    }
    ui.horizontal_wrapped(|ui| {
        for (i, p) in parts.iter().enumerate() {
            // The swatch is a coloured glyph of the label itself, so it never ends a line alone.
            let mut job = egui::text::LayoutJob::default();
            let font = egui::TextStyle::Body.resolve(ui.style());
            job.append(
                "■ ",
                0.0,
                egui::TextFormat::simple(font.clone(), PALETTE[i % PALETTE.len()]),
            );
            job.append(
                &format!("{}. {} {}", i + 1, p.label, p.text),
                0.0,
                egui::TextFormat::simple(font, ui.visuals().text_color()),
            );
            ui.label(job).on_hover_text(&p.tooltip);
            ui.add_space(8.0);
        }
    });
}
