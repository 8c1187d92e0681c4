//! The class debrief on the projector: the finished tables side by side by layer (each layer's mean and each table), the value chain an opaque table's households saw against a glass table's, and the scenario's lessons with the class's own figures beside the bots' spread over many games.
use bevy_egui::egui;

use crate::game::widgets::sankey;
use crate::headless::{lesson_change, metric_value};
use crate::i18n::{Translations, layer_key};
use crate::net::{ClassDebrief, LessonFigures, TableOutcome};
use crate::scenario::Expect;

/// The projector's page: the class debrief, or what it waits for.
pub fn show(ui: &mut egui::Ui, tr: &Translations, class: Option<&ClassDebrief>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("class-debrief")
            .show(ui, |ui| match class {
                None => {
                    ui.spinner();
                    ui.label(tr.get("room-waiting"));
                }
                Some(class) => debrief(ui, tr, class),
            });
    });
}

fn debrief(ui: &mut egui::Ui, tr: &Translations, class: &ClassDebrief) {
    ui.label(
        egui::RichText::new(tr.format(
            "class-title",
            &[
                ("finished", class.tables.len().into()),
                ("tables", class.of.into()),
            ],
        ))
        .size(28.0)
        .strong(),
    );
    if class.tables.is_empty() {
        ui.label(egui::RichText::new(tr.get("class-none-yet")).size(20.0));
    } else {
        side_by_side(ui, tr, class);
        ui.add_space(16.0);
        chains(ui, tr, class);
    }
    ui.add_space(16.0);
    lessons(ui, tr, class);
}

/// Every figure, a column per layer's mean then one per table under it.
fn side_by_side(ui: &mut egui::Ui, tr: &Translations, class: &ClassDebrief) {
    let lang = tr.language();
    ui.heading(tr.get("class-side-by-side"));
    let layers = class.layers();
    egui::ScrollArea::horizontal()
        .id_salt("class-tables-scroll")
        .show(ui, |ui| {
            egui::Grid::new("class-tables")
                .striped(true)
                .spacing(egui::vec2(18.0, 6.0))
                .show(ui, |ui| {
                    ui.label("");
                    for &layer in &layers {
                        ui.strong(first_upper(&tr.format(
                            "class-layer-mean",
                            &[
                                ("layer", tr.get(layer_key(layer)).into()),
                                ("tables", class.under(layer).count().into()),
                            ],
                        )));
                        for t in class.under(layer) {
                            ui.label(tr.format("tablet-table", &[("table", (t.table + 1).into())]));
                        }
                    }
                    ui.end_row();
                    for (i, figure) in class.figures.iter().enumerate() {
                        ui.label(first_upper(&figure.label));
                        for &layer in &layers {
                            let mean = class.mean(layer, i);
                            ui.strong(mean.map_or_else(
                                || "–".to_string(),
                                |v| metric_value(lang, figure.unit, v),
                            ));
                            for t in class.under(layer) {
                                let v = t.values.get(i).copied().flatten();
                                ui.label(v.map_or_else(
                                    || "–".to_string(),
                                    |v| metric_value(lang, figure.unit, v),
                                ));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The whole game's value chain as the households of two tables under different layers saw
/// it: the first finished table of each of the first two layers.
fn chains(ui: &mut egui::Ui, tr: &Translations, class: &ClassDebrief) {
    let firsts: Vec<&TableOutcome> = class
        .layers()
        .into_iter()
        .filter_map(|l| class.under(l).next())
        .take(2)
        .collect();
    ui.heading(tr.get("class-chains"));
    ui.label(tr.get("class-chains-why"));
    let hidden = tr.get("hidden-why");
    let draw = |ui: &mut egui::Ui, t: &TableOutcome| {
        ui.strong(tr.format(
            "class-chain-of",
            &[
                ("table", (t.table + 1).into()),
                ("layer", tr.get(layer_key(t.layer)).into()),
            ],
        ));
        let (nodes, links) = crate::game::panels::chain::diagram(tr, &t.chain, 1.0);
        ui.add(sankey::Sankey {
            nodes: &nodes,
            links: &links,
            height: 320.0,
            hidden_text: &hidden,
        });
    };
    if firsts.len() == 2 && ui.available_width() >= 900.0 {
        let ragged = egui::Layout::top_down(egui::Align::Min);
        ui.columns(2, |columns| {
            for (column, t) in columns.iter_mut().zip(&firsts) {
                column.with_layout(ragged, |ui| draw(ui, t));
            }
        });
    } else {
        for t in firsts {
            draw(ui, t);
        }
    }
}

/// Each lesson: what the bots show over many games, and what this class did.
fn lessons(ui: &mut egui::Ui, tr: &Translations, class: &ClassDebrief) {
    ui.heading(tr.get("lessons-heading"));
    if class.lessons.is_empty() {
        ui.label(tr.get("lessons-none-here"));
        return;
    }
    if class.bots_games > 0 && class.bots_played < class.bots_games {
        ui.add(
            egui::ProgressBar::new(class.bots_played as f32 / class.bots_games as f32).text(
                tr.format(
                    "lessons-playing",
                    &[
                        ("done", class.bots_played.into()),
                        ("of", class.bots_games.into()),
                    ],
                ),
            ),
        );
    }
    for lesson in &class.lessons {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            one_lesson(ui, tr, class, lesson);
        });
    }
}

fn one_lesson(ui: &mut egui::Ui, tr: &Translations, class: &ClassDebrief, l: &LessonFigures) {
    let lang = tr.language();
    let Some(figure) = class.figures.get(l.figure) else {
        return;
    };
    let v = |x: f64| metric_value(lang, figure.unit, x);
    let change = |a: f64, b: f64| {
        if a == 0.0 {
            "–".to_string()
        } else {
            lesson_change(lang, (b - a) / a.abs() * 100.0)
        }
    };
    ui.label(
        egui::RichText::new(first_upper(
            &tr.format(
                "class-lesson",
                &[
                    ("metric", figure.label.clone().into()),
                    ("first", l.first.clone().into()),
                    ("second", l.second.clone().into()),
                    (
                        "expect",
                        tr.get(match l.expect {
                            Expect::Lower => "class-expect-lower",
                            Expect::Higher => "class-expect-higher",
                        })
                        .into(),
                    ),
                ],
            ),
        ))
        .strong()
        .size(18.0),
    );
    match &l.bots {
        Some([a, b]) => {
            ui.label(tr.format(
                "class-bots",
                &[
                    ("games", a.games.into()),
                    ("from", v(a.median).into()),
                    ("to", v(b.median).into()),
                    ("change", change(a.median, b.median).into()),
                ],
            ));
            ui.label(tr.format(
                "lesson-ranges",
                &[
                    ("first", l.first.clone().into()),
                    ("first_low", v(a.p10).into()),
                    ("first_high", v(a.p90).into()),
                    ("second", l.second.clone().into()),
                    ("second_low", v(b.p10).into()),
                    ("second_high", v(b.p90).into()),
                ],
            ));
            let apart = match l.expect {
                Expect::Lower => b.p90 < a.p10,
                Expect::Higher => b.p10 > a.p90,
            };
            let verdict = if !l.expect.holds(a.median, b.median) {
                "lesson-verdict-wrong-way"
            } else if apart {
                "lesson-verdict-holds"
            } else {
                "lesson-verdict-luck"
            };
            ui.label(egui::RichText::new(tr.get(verdict)).italics());
        }
        None => {
            ui.label(tr.get("class-bots-not-yet"));
        }
    }
    let class_line = match (l.layers, class.class_moved(l)) {
        (None, _) => tr.get("class-same-events"),
        (Some(_), None) => tr.get("class-not-both"),
        (Some(_), Some((a, b, held))) => tr.format(
            if held {
                "class-moved-as-expected"
            } else {
                "class-moved-otherwise"
            },
            &[
                ("from", v(a).into()),
                ("to", v(b).into()),
                ("change", change(a, b).into()),
            ],
        ),
    };
    ui.label(egui::RichText::new(class_line).strong());
}

/// A label that starts a line: "households' fees paid" as "Households' fees paid".
fn first_upper(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
