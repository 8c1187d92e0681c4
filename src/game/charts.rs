//! Charts over the months (egui_plot): each bank's clients, profits where the layer shows them,
//! the households' trust and the policy rate.
use bevy_egui::egui;
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::i18n::Translations;
use crate::sim::SeatView;

fn plot(ui: &mut egui::Ui, id: &str, title: String, lines: Vec<(String, Vec<[f64; 2]>)>) {
    ui.label(egui::RichText::new(title).strong());
    Plot::new(id)
        .height(150.0)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show(ui, |p| {
            for (name, points) in lines {
                p.line(Line::new(name, PlotPoints::from(points)));
            }
        });
}

pub fn charts(ui: &mut egui::Ui, tr: &Translations, view: &SeatView) {
    if view.history.is_empty() {
        ui.label(tr.get("charts-none-yet"));
        return;
    }
    let month = |t: crate::sim::Turn| f64::from(t);
    let per_bank = |f: &dyn Fn(&crate::sim::MonthSummary, usize) -> Option<f64>| {
        view.banks
            .iter()
            .enumerate()
            .map(|(b, bank)| {
                (
                    bank.name.clone(),
                    view.history
                        .iter()
                        .filter_map(|m| f(m, b).map(|v| [month(m.turn), v]))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, points)| !points.is_empty())
            .collect::<Vec<_>>()
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        plot(
            ui,
            "clients",
            tr.get("chart-clients"),
            per_bank(&|m, b| m.clients.get(b).map(|c| f64::from(*c))),
        );
        let profits = per_bank(&|m, b| {
            m.profit
                .get(b)
                .and_then(|p| p.shown())
                .map(|p| p.as_cents() as f64 / 100.0)
        });
        plot(ui, "profit", tr.get("chart-profit"), profits);
        if view.banks.iter().any(|b| b.profit.shown().is_none()) {
            ui.label(
                egui::RichText::new(tr.get("chart-profit-hidden"))
                    .small()
                    .weak(),
            );
        }
        plot(
            ui,
            "trust",
            tr.get("chart-trust"),
            vec![(
                tr.get("term-trust"),
                view.history
                    .iter()
                    .map(|m| [month(m.turn), f64::from(m.average_trust)])
                    .collect(),
            )],
        );
        plot(
            ui,
            "policy",
            tr.get("chart-policy-rate"),
            vec![(
                tr.get("term-policy-rate"),
                view.history
                    .iter()
                    .map(|m| [month(m.turn), f64::from(m.policy_rate.0) / 100.0])
                    .collect(),
            )],
        );
    });
}
