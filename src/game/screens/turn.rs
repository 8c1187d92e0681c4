//! The month's screen: the active player's decision panel on the left, and tabs for the news,
//! the market, the value chain, the pricing rules, the charts and the player's own accounts.
//! With no human at the table, the bots play and the screen watches one seat.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::widgets::glossary;
use crate::game::{Action, Screen, Table, Tr, charts, panels, root_ui};
use crate::i18n::{Translations, format};
use crate::session::Session;
use crate::sim::{BankId, Seat};

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(
            in_state(Screen::Turn).and_then(crate::game::facilitator::players_see_their_screen),
        ),
    );
}

/// The tabs of the turn screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The decisions, as a tab of their own when the window is narrow (see `NARROW`).
    Decide,
    #[default]
    News,
    Market,
    ValueChain,
    Pricing,
    Charts,
    Accounts,
    Glossary,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::News,
        Tab::Market,
        Tab::ValueChain,
        Tab::Pricing,
        Tab::Charts,
        Tab::Accounts,
        Tab::Glossary,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Tab::Decide => "tab-decide",
            Tab::News => "tab-news",
            Tab::Market => "tab-market",
            Tab::ValueChain => "tab-value-chain",
            Tab::Pricing => "tab-pricing",
            Tab::Charts => "tab-charts",
            Tab::Accounts => "tab-accounts",
            Tab::Glossary => "tab-glossary",
        }
    }
}

/// Below this width (in points, after the zoom) the month's screen has one column.
pub const NARROW: f32 = 760.0;

/// The active player's decisions, or word that the bots play.
fn decisions(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &mut Session,
    seat: Seat,
    view: &crate::sim::SeatView,
    human: bool,
) {
    if !human {
        ui.label(tr.get("bots-play"));
    } else if let Some((draft, verdicts)) = session.draft_and_verdicts_mut(seat) {
        panels::decide::decide(ui, tr, view, draft, verdicts);
    }
}

/// The last refusal, and the button that ends the month (Ctrl+Enter) or plays it with bots.
fn commit_bar(
    ui: &mut egui::Ui,
    tr: &Translations,
    error: Option<&str>,
    human: bool,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    if let Some(e) = error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    use crate::game::widgets::hook;
    if human {
        let label = tr.get("commit");
        let done = ui
            .add_sized([240.0, 36.0], egui::Button::new(&label))
            .on_hover_text(tr.get("commit-key"));
        let shortcut = ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter));
        if hook::pressed(ui, &done, &label) || shortcut {
            actions.push(Action::Commit);
        }
    } else {
        let label = tr.get("play-month");
        let play = ui.add_sized([240.0, 36.0], egui::Button::new(&label));
        if hook::pressed(ui, &play, &label) {
            actions.push(Action::PlayMonth);
        }
    }
    ui.add_space(4.0);
}

/// The seat shown: the active human, or with no human, the scenario's first seat.
pub fn shown_seat(session: &Session) -> Seat {
    session
        .active()
        .or_else(|| session.scenario().human_seats().first().copied())
        .unwrap_or(Seat::RetailBanker(BankId(0)))
}

pub fn show(ui: &mut egui::Ui, tr: &Translations, table: &mut Table) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(session) = table.session.as_mut() else {
        return actions;
    };
    let seat = shown_seat(session);
    let Some(view) = session.view(seat) else {
        return actions;
    };
    let lang = tr.language();
    let title = tr.format(
        "month-of",
        &[
            ("month", session.turn().into()),
            ("turns", session.scenario().turns().into()),
        ],
    );
    super::top_bar(ui, tr, &title, &mut actions);
    let remaining = table
        .timer
        .remaining((session.turn(), session.active()), crate::platform::now());
    month_facts(ui, tr, remaining, &view);
    let human = session.active().is_some();
    // At 200% on a small screen there is no room for two columns: the decisions become the
    // first tab, and the button to end the month stays at the bottom.
    let narrow = ui.available_width() < NARROW;
    if !narrow && table.tab == Tab::Decide {
        // The decisions are on the left already.
        table.tab = Tab::News;
    }
    if narrow {
        egui::Panel::bottom("commit").show(ui, |ui| {
            commit_bar(ui, tr, table.error.as_deref(), human, &mut actions)
        });
    } else {
        egui::Panel::left("decide")
            .default_size(400.0)
            .resizable(true)
            .show(ui, |ui| {
                // The button stays in sight below the decisions, however long they are.
                egui::Panel::bottom("commit").show(ui, |ui| {
                    commit_bar(ui, tr, table.error.as_deref(), human, &mut actions)
                });
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| decisions(ui, tr, session, seat, &view, human));
                });
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(question) = session.paused() {
            // Stopped for discussion: one question for the whole room, nothing else.
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.25);
                ui.label(
                    egui::RichText::new(tr.get("paused-title"))
                        .size(36.0)
                        .strong(),
                );
                if let Some(q) = question {
                    ui.add_space(16.0);
                    ui.label(egui::RichText::new(q.get(lang.code())).size(28.0));
                }
            });
            return;
        }
        ui.horizontal_wrapped(|ui| {
            if narrow {
                ui.selectable_value(&mut table.tab, Tab::Decide, tr.get(Tab::Decide.key()));
            }
            for t in Tab::ALL {
                ui.selectable_value(&mut table.tab, t, tr.get(t.key()));
            }
        });
        ui.separator();
        // Both ways, so a wide table never pushes the vertical bar off the window.
        egui::ScrollArea::both().show(ui, |ui| match table.tab {
            Tab::Decide if narrow => decisions(ui, tr, session, seat, &view, human),
            Tab::News | Tab::Decide => panels::news(ui, tr, session.news(), &view),
            Tab::Market => panels::market(ui, tr, &view),
            Tab::ValueChain => panels::chain::show(ui, tr, &view, &mut table.chain),
            Tab::Pricing => panels::pricing(ui, tr, &view),
            Tab::Charts => charts::charts(ui, tr, &view),
            Tab::Accounts => panels::accounts(ui, tr, &view),
            Tab::Glossary => glossary::list(ui, tr),
        });
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    mut table: ResMut<Table>,
    mut times: ResMut<crate::game::UiTimes>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let start = crate::platform::now();
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, &mut table));
    times
        .turn_screen
        .push(start.elapsed().as_secs_f32() * 1_000.0);
    Ok(())
}

/// The bar above a month: the time left if the month is timed, the seat, the policy rate and
/// the layer; the same at one table and in a networked room.
pub fn month_facts(
    ui: &mut egui::Ui,
    tr: &Translations,
    seconds_left: Option<u32>,
    view: &crate::sim::SeatView,
) {
    let lang = tr.language();
    egui::Panel::top("turn-facts").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(left) = seconds_left {
                let text = if left == 0 {
                    egui::RichText::new(tr.get("time-up")).color(ui.visuals().error_fg_color)
                } else {
                    egui::RichText::new(tr.format(
                        "time-left",
                        &[("time", format!("{}:{:02}", left / 60, left % 60).into())],
                    ))
                };
                ui.label(text.strong());
                ui.separator();
                // Keep the clock moving on screen.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(500));
            }
            ui.strong(panels::seat_label(tr, view));
            ui.separator();
            glossary::term(ui, tr, "policy-rate");
            ui.label(format::rate(lang, view.policy_rate));
            ui.separator();
            glossary::term(ui, tr, "layer");
            ui.label(tr.get(crate::game::layer_key(view.layer)));
        });
    });
}
