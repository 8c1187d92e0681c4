//! "Where did your EUR 100 go?": the card value chain as a Sankey diagram, for the latest card
//! payment (scaled to EUR 100) or for every card payment of the game so far.
use bevy_egui::egui::{self, Color32};

use crate::game::widgets::{glossary, sankey};
use crate::i18n::{Translations, format};
use crate::sim::{Money, SeatView, Stage, ValueChain};

/// Each stage's column and colour (Okabe-Ito, safe for colour-blind players).
fn place(stage: Stage) -> (usize, Color32) {
    match stage {
        Stage::Shoppers => (0, Color32::from_rgb(0, 114, 178)),
        Stage::Shops => (1, Color32::from_rgb(86, 180, 233)),
        Stage::CardFees => (2, Color32::from_rgb(204, 121, 167)),
        Stage::State => (2, Color32::from_rgb(230, 159, 0)),
        Stage::Suppliers => (2, Color32::from_rgb(0, 158, 115)),
        Stage::ShopKeeps => (2, Color32::from_rgb(86, 180, 233)),
        Stage::Issuer => (3, Color32::from_rgb(213, 94, 0)),
        Stage::Scheme => (3, Color32::from_rgb(240, 228, 66)),
        Stage::Acquirer => (3, Color32::from_rgb(204, 121, 167)),
    }
}

/// The glossary entry behind each flow's rule.
fn rule(to: Stage) -> Option<&'static str> {
    match to {
        Stage::State => Some("vat"),
        Stage::CardFees => Some("msc"),
        Stage::Issuer => Some("interchange"),
        Stage::Scheme => Some("scheme-fee"),
        Stage::Acquirer => Some("acquirer-margin"),
        Stage::ShopKeeps => Some("markup"),
        _ => None,
    }
}

/// Nodes and links of a chain, amounts scaled by `scale` (1.0, or 100 / paid for "your EUR 100").
pub fn diagram(
    tr: &Translations,
    chain: &ValueChain,
    scale: f64,
) -> (Vec<sankey::Node>, Vec<sankey::Link>) {
    let lang = tr.language();
    let mut stages: Vec<Stage> = Vec::new();
    for f in &chain.flows {
        for s in [f.from, f.to] {
            if !stages.contains(&s) {
                stages.push(s);
            }
        }
    }
    // Column order, then the order stages were met, so ribbons do not cross needlessly.
    stages.sort_by_key(|s| place(*s).0);
    let nodes = stages
        .iter()
        .map(|s| sankey::Node {
            label: tr.get(&format!("stage-{}", s.key())),
            column: place(*s).0,
            color: place(*s).1,
        })
        .collect();
    let index = |s: Stage| stages.iter().position(|x| *x == s).unwrap_or(0);
    let links = chain
        .flows
        .iter()
        .map(|f| {
            let value = f
                .amount
                .shown()
                .map(|m| m.as_cents() as f64 / 100.0 * scale);
            let amount =
                value.map(|v| format::money(lang, Money::cents((v * 100.0).round() as i64)));
            let who = tr.get(&format!("stage-{}", f.to.key()));
            let why = rule(f.to)
                .map(|k| glossary::explain(tr, k))
                .unwrap_or_default();
            sankey::Link {
                from: index(f.from),
                to: index(f.to),
                value,
                label: amount.clone().unwrap_or_else(|| "?".into()),
                tooltip: {
                    let (amount, why) = match amount {
                        Some(a) => (a, why),
                        None => (tr.get("hidden"), tr.get("hidden-why")),
                    };
                    tr.format(
                        "chain-flow",
                        &[
                            ("who", who.into()),
                            ("amount", amount.into()),
                            ("why", why.into()),
                        ],
                    )
                },
            }
        })
        .collect();
    (nodes, links)
}

/// Which payments the value-chain view follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Span {
    /// The latest card payment, scaled to EUR 100.
    #[default]
    Payment,
    /// Every card payment of last month.
    Month,
    /// Every card payment of the game so far.
    Game,
}

/// The value-chain tab.
pub fn show(ui: &mut egui::Ui, tr: &Translations, view: &SeatView, span: &mut Span) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(span, Span::Payment, tr.get("chain-last-payment"));
        ui.selectable_value(span, Span::Month, tr.get("chain-last-month"));
        ui.selectable_value(span, Span::Game, tr.get("chain-whole-game"));
    });
    let many = |chain: &ValueChain| {
        tr.format(
            "chain-payments",
            &[("payments", (chain.payments as i64).into())],
        )
    };
    let (chain, scale, title) = if *span == Span::Game {
        (Some(&view.game_chain), 1.0, many(&view.game_chain))
    } else if *span == Span::Month {
        (Some(&view.month_chain), 1.0, many(&view.month_chain))
    } else {
        let chain = view.last_payment_chain.as_ref();
        let paid = chain.map_or(0, |c| c.paid.as_cents());
        (
            chain,
            if paid > 0 {
                10_000.0 / paid as f64
            } else {
                1.0
            },
            tr.get("chain-your-100"),
        )
    };
    ui.heading(title);
    match chain.filter(|c| c.paid.is_positive()) {
        None => {
            ui.label(tr.get("chain-none-yet"));
        }
        Some(chain) => {
            let (nodes, links) = diagram(tr, chain, scale);
            ui.add(sankey::Sankey {
                nodes: &nodes,
                links: &links,
                height: (ui.available_height() - 120.0).clamp(220.0, 520.0),
                hidden_text: &tr.get("hidden-why"),
            });
            ui.label(egui::RichText::new(tr.get("chain-hover")).small().weak());
            in_words(ui, tr, &nodes, &links);
            card_fees_zoom(ui, tr, chain, scale);
        }
    }
}

/// The same ribbons as lines of text, for the keyboard, screen readers and anyone who would
/// rather read than point: "Shops → VAT: €16.67 — the rule".
fn in_words(ui: &mut egui::Ui, tr: &Translations, nodes: &[sankey::Node], links: &[sankey::Link]) {
    egui::CollapsingHeader::new(tr.get("chain-in-words"))
        .id_salt("chain-in-words")
        .show(ui, |ui| {
            for l in links {
                let name = |i: usize| nodes.get(i).map_or("", |n| n.label.as_str());
                ui.label(format!("{} → {}", name(l.from), l.tooltip));
            }
        });
}

/// The card fees are a thin ribbon: a bar shows how they split, or that the split is hidden.
fn card_fees_zoom(ui: &mut egui::Ui, tr: &Translations, chain: &ValueChain, scale: f64) {
    let lang = tr.language();
    ui.add_space(8.0);
    glossary::term(ui, tr, "msc");
    let parts: Option<Vec<crate::game::widgets::bars::Part>> = [
        (Stage::Issuer, "interchange"),
        (Stage::Scheme, "scheme-fee"),
        (Stage::Acquirer, "acquirer-margin"),
    ]
    .iter()
    .map(|&(stage, key)| {
        let amount = chain.amount(Stage::CardFees, stage).shown()?;
        let value = amount.as_cents() as f64 / 100.0 * scale;
        Some(crate::game::widgets::bars::Part {
            label: tr.get(&format!("stage-{}", stage.key())),
            value,
            text: format::money(lang, Money::cents((value * 100.0).round() as i64)),
            tooltip: glossary::explain(tr, key),
        })
    })
    .collect();
    match parts {
        Some(parts) => crate::game::widgets::bars::stacked_bar(ui, &parts),
        None => {
            crate::game::widgets::hidden(ui, tr);
        }
    }
}
