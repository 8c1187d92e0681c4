//! Charts over the months (egui_plot): each bank's clients, profits where the layer shows them,
//! the households' trust and the policy rate.
use bevy_egui::egui;
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

use crate::i18n::Translations;
use crate::sim::SeatView;

/// The height of a chart's data, in points, without its legend.
const PLOT_HEIGHT: f64 = 150.0;

fn plot(
    ui: &mut egui::Ui,
    lang: crate::i18n::Language,
    id: &str,
    title: String,
    lines: Vec<(String, Vec<[f64; 2]>)>,
) {
    ui.label(egui::RichText::new(title).strong());
    let number = move |mark: egui_plot::GridMark, _: &std::ops::RangeInclusive<f64>| {
        crate::game::widgets::number::plain(lang, mark.value)
    };
    // Room above the highest point for the legend, one row per series, so it covers no line.
    let values = lines
        .iter()
        .flat_map(|(_, points)| points.iter().map(|p| p[1]));
    let (low, high) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let legend_rows = 26.0 * lines.len() as f64 + 16.0;
    let headroom = (high - low).max(1.0) * legend_rows / PLOT_HEIGHT;
    Plot::new(id)
        .y_axis_formatter(number)
        // From zero, so a flat line is not drawn on the frame's edge.
        .include_y(0.0)
        .include_y(high + headroom)
        .height((PLOT_HEIGHT + legend_rows) as f32)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show(ui, |p| {
            // Each series has its colour, and also its own dash and marker shape, so the lines
            // read apart without colour; the legend shows all three.
            for (i, (name, points)) in lines.into_iter().enumerate() {
                let (color, style, shape) = series_look(i);
                p.line(
                    Line::new(name.clone(), PlotPoints::from(points.clone()))
                        .color(color)
                        .width(2.0)
                        .style(style),
                );
                p.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(color)
                        .shape(shape)
                        .radius(4.0),
                );
            }
        });
}

/// The colour, dash and marker of the `i`th series of a chart.
pub fn series_look(i: usize) -> (egui::Color32, LineStyle, MarkerShape) {
    let styles = [
        LineStyle::Solid,
        LineStyle::dashed_loose(),
        LineStyle::dotted_dense(),
        LineStyle::dashed_dense(),
        LineStyle::dotted_loose(),
    ];
    let shapes = [
        MarkerShape::Circle,
        MarkerShape::Square,
        MarkerShape::Diamond,
        MarkerShape::Up,
        MarkerShape::Cross,
        MarkerShape::Asterisk,
    ];
    let palette = crate::game::widgets::bars::PALETTE;
    (
        palette[i % palette.len()],
        styles[i % styles.len()],
        shapes[i % shapes.len()],
    )
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
    let euros = |m: crate::sim::Money| m.as_cents() as f64 / 100.0;
    egui::ScrollArea::vertical().show(ui, |ui| {
        match &view.own {
            crate::sim::Own::Bank(b) => {
                let series = |f: &dyn Fn(&crate::sim::BankPnl) -> crate::sim::Money| {
                    b.pnl_history
                        .iter()
                        .enumerate()
                        .map(|(i, p)| [i as f64 + 1.0, euros(f(p))])
                        .collect::<Vec<_>>()
                };
                plot(
                    ui,
                    tr.language(),
                    "own-bank",
                    tr.format("chart-own-bank", &[("bank", b.name.clone().into())]),
                    vec![
                        (
                            tr.get("chart-nii"),
                            series(&|p: &crate::sim::BankPnl| p.net_interest_income()),
                        ),
                        (
                            tr.get("fee-income"),
                            series(&|p: &crate::sim::BankPnl| p.fee_income),
                        ),
                        (
                            tr.get("profit"),
                            series(&|p: &crate::sim::BankPnl| p.net_profit()),
                        ),
                    ],
                );
            }
            crate::sim::Own::Merchant(m) => {
                let series = |f: &dyn Fn(&crate::sim::Statement) -> crate::sim::Money| {
                    m.history
                        .iter()
                        .enumerate()
                        .map(|(i, r)| [i as f64 + 1.0, euros(f(r))])
                        .collect::<Vec<_>>()
                };
                plot(
                    ui,
                    tr.language(),
                    "own-shop",
                    tr.format("chart-own-shop", &[("shop", m.name.clone().into())]),
                    vec![
                        (
                            tr.get("net-income"),
                            series(&|r: &crate::sim::Statement| r.net_income),
                        ),
                        (
                            tr.get("term-msc"),
                            series(&|r: &crate::sim::Statement| r.card_fees),
                        ),
                        (
                            tr.get("business-account"),
                            series(&|r: &crate::sim::Statement| r.balance),
                        ),
                    ],
                );
            }
            crate::sim::Own::Client(_) => {}
        }
        plot(
            ui,
            tr.language(),
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
        if !profits.is_empty() {
            plot(ui, tr.language(), "profit", tr.get("chart-profit"), profits);
        }
        if view.banks.iter().any(|b| b.profit.shown().is_none()) {
            ui.label(
                egui::RichText::new(tr.get("chart-profit-hidden"))
                    .small()
                    .weak(),
            );
        }
        plot(
            ui,
            tr.language(),
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
            tr.language(),
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
