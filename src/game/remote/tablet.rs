//! The facilitator's tablet: the console of a whole class in a browser, opened from the link with the room's secret (`#host=` in its address): every table's month and who is still deciding, stop, resume or play the month at one table or all, a message for the room, a bot for a seat, the time per month and before a bot takes an empty seat, and the projector's class debrief.
use bevy_egui::egui;

use super::Remote;
use crate::game::panels;
use crate::game::widgets::hook;
use crate::i18n::Translations;
use crate::net::{Command, SeatState, TableState};
use crate::session::Command as Do;

/// What the facilitator's page shows and holds between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tablet {
    /// The projector's class debrief rather than the console.
    pub projector: bool,
    /// The message being written for the room.
    pub message: String,
}

/// The room as it last reached the facilitator's page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Console {
    pub tables: Vec<TableState>,
    /// Seconds a seat may stay empty before a bot plays it (0: never).
    pub away: u32,
    /// Where the server serves the class's report (`/report/KEY/`), if it does.
    pub report: Option<String>,
}

/// The longest time per month and before a bot takes an empty seat the tablet offers, in
/// minutes (the room's console takes any).
const MAX_MINUTES: u32 = 30;

/// The tables whose seats the console shows open from the start, at most.
const OPEN_SEATS_UP_TO: usize = 8;

/// Buttons and text large enough for a finger on a 10-inch tablet.
fn for_touch(ui: &mut egui::Ui) {
    let style = ui.style_mut();
    style.spacing.button_padding = egui::vec2(14.0, 10.0);
    style.spacing.interact_size.y = 44.0;
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    for (text_style, font) in style.text_styles.iter_mut() {
        if matches!(text_style, egui::TextStyle::Body | egui::TextStyle::Button) {
            font.size = font.size.max(17.0);
        }
    }
}

/// A button found by its label (by touch, or by the page's test hook).
fn button(ui: &mut egui::Ui, label: &str) -> bool {
    let response = ui.add(egui::Button::new(label).min_size(egui::vec2(64.0, 44.0)));
    hook::pressed(ui, &response, label)
}

/// The facilitator's page: the console or the projector, chosen at the top.
pub fn show(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote) {
    egui::Panel::top("tablet-tabs").show(ui, |ui| {
        for_touch(ui);
        ui.horizontal_wrapped(|ui| {
            ui.strong(tr.format("room-in", &[("room", remote.code.clone().into())]));
            ui.separator();
            for (projector, key) in [(false, "tablet-console"), (true, "tablet-projector")] {
                let label = tr.get(key);
                let chosen = remote.tablet.projector == projector;
                let tab = ui.add(
                    egui::Button::selectable(chosen, &label).min_size(egui::vec2(120.0, 44.0)),
                );
                if hook::pressed(ui, &tab, &label) {
                    remote.tablet.projector = projector;
                }
            }
            // The report opens in a tab of its own; its address (a key to the class's answers)
            // is never drawn, since this page may be the one on the projector.
            let report = remote.console.as_ref().and_then(|c| c.report.clone());
            if let Some(path) = report
                && button(ui, &tr.get("tablet-report"))
            {
                let url = crate::net::report_page(&path, tr.language());
                if let Err(why) = crate::platform::open_page(&url) {
                    remote.notice = Some(tr.message(&why));
                }
            }
        });
        if let Some(n) = &remote.notice {
            ui.colored_label(ui.visuals().error_fg_color, n);
        }
    });
    if remote.tablet.projector {
        super::class::show(ui, tr, remote.class.as_deref());
        return;
    }
    egui::CentralPanel::default().show(ui, |ui| {
        for_touch(ui);
        egui::ScrollArea::vertical().show(ui, |ui| {
            let Some(console) = remote.console.clone() else {
                ui.spinner();
                ui.label(tr.get("room-waiting"));
                return;
            };
            every_table(ui, tr, remote, &console);
            // Every seat in view for a few tables; a large class opens the tables it needs.
            let open_seats = console.tables.len() <= OPEN_SEATS_UP_TO;
            ui.separator();
            // Cards side by side as the width allows, one under the other on a tablet upright.
            let width = ui.available_width();
            let columns = ((width / 420.0).floor() as usize).clamp(1, 4);
            let card = (width - 12.0 * (columns as f32 - 1.0)) / columns as f32;
            for row in console.tables.chunks(columns) {
                ui.horizontal_top(|ui| {
                    for t in row {
                        ui.vertical(|ui| {
                            ui.set_width(card - 16.0);
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(card - 30.0);
                                table_card(ui, tr, remote, t, open_seats);
                            });
                        });
                    }
                });
                ui.add_space(8.0);
            }
        });
    });
}

/// Commands for every table at once: stop, resume, play the month, a message, the times.
fn every_table(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, console: &Console) {
    let done = console.tables.iter().filter(|t| t.finished).count();
    ui.heading(tr.format(
        "tablet-tables",
        &[
            ("tables", console.tables.len().into()),
            ("finished", done.into()),
        ],
    ));
    ui.horizontal_wrapped(|ui| {
        if button(ui, &tr.get("tablet-pause-all")) {
            remote.facilitate(None, Command::Table(Do::Pause { question: None }));
        }
        if button(ui, &tr.get("tablet-resume-all")) {
            remote.facilitate(None, Command::Table(Do::Resume));
        }
        if button(ui, &tr.get("tablet-play-all")) {
            remote.facilitate(None, Command::Table(Do::Advance));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let text = tr.get("console-message");
        let label = ui.label(&text);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut remote.tablet.message)
                    .hint_text(tr.get("console-message-hint"))
                    .char_limit(crate::session::MAX_ANNOUNCEMENT_CHARS)
                    .min_size(egui::vec2(260.0, 40.0)),
            )
            .labelled_by(label.id);
        hook::place(ui, &field, &text);
        let ready = !remote.tablet.message.trim().is_empty();
        if ready && button(ui, &tr.get("console-send")) {
            let message = std::mem::take(&mut remote.tablet.message);
            remote.facilitate(None, Command::Table(Do::Announce { message }));
        }
    });
    let minutes = console.tables.first().map_or(0, |t| t.minutes);
    if let Some(m) = stepper(ui, tr, "tablet-minutes", minutes) {
        remote.facilitate(None, Command::Minutes { minutes: m });
    }
    if let Some(m) = stepper(ui, tr, "tablet-away", console.away / 60) {
        remote.facilitate(
            None,
            Command::Away {
                seconds: m.saturating_mul(60),
            },
        );
    }
}

/// A number of minutes with a button less and a button more (a finger misses a slider's
/// notch); the new value when one was pressed. 0 reads "no limit".
fn stepper(ui: &mut egui::Ui, tr: &Translations, key: &str, minutes: u32) -> Option<u32> {
    let mut out = None;
    ui.horizontal(|ui| {
        ui.label(tr.get(key));
        let less = format!("− {}", tr.get(key));
        let more = format!("+ {}", tr.get(key));
        let minus = ui.add_enabled(
            minutes > 0,
            egui::Button::new("−").min_size(egui::vec2(48.0, 44.0)),
        );
        if minutes > 0 && hook::pressed(ui, &minus, &less) {
            out = Some(minutes - 1);
        }
        ui.strong(if minutes == 0 {
            tr.get("tablet-no-limit")
        } else {
            tr.format("tablet-min", &[("minutes", minutes.into())])
        });
        let plus = ui.add_enabled(
            minutes < MAX_MINUTES,
            egui::Button::new("+").min_size(egui::vec2(48.0, 44.0)),
        );
        if minutes < MAX_MINUTES && hook::pressed(ui, &plus, &more) {
            out = Some(minutes + 1);
        }
    });
    out
}

/// One table: its month, layer and state, its seats, and its own commands.
fn table_card(
    ui: &mut egui::Ui,
    tr: &Translations,
    remote: &mut Remote,
    t: &TableState,
    open_seats: bool,
) {
    let number = t.table + 1;
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr.format("tablet-table", &[("table", number.into())]));
        if let Some(layer) = t.treatment {
            ui.label(tr.get(crate::i18n::layer_key(layer)));
        }
    });
    let state = if t.finished {
        tr.get("tablet-finished")
    } else {
        tr.format(
            "month-of",
            &[
                ("month", t.turn.min(t.turns).into()),
                ("turns", t.turns.into()),
            ],
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong(state);
        if t.paused {
            ui.colored_label(ui.visuals().warn_fg_color, tr.get("tablet-paused"));
        }
    });
    let count = |f: fn(&SeatState) -> bool| t.seats.iter().filter(|s| f(s)).count();
    let deciding = count(|s| !s.bot && s.taken && s.connected && !s.done);
    ui.label(tr.format(
        "tablet-counts",
        &[
            ("deciding", deciding.into()),
            ("done", count(|s| s.done && !s.bot).into()),
            ("bots", count(|s| s.bot).into()),
            ("away", count(|s| s.taken && !s.connected && !s.bot).into()),
        ],
    ));
    if !t.finished {
        ui.horizontal_wrapped(|ui| {
            let (label, command) = if t.paused {
                (
                    tr.format("tablet-resume", &[("table", number.into())]),
                    Do::Resume,
                )
            } else {
                (
                    tr.format("tablet-pause", &[("table", number.into())]),
                    Do::Pause { question: None },
                )
            };
            if button(ui, &label) {
                remote.facilitate(Some(t.table), Command::Table(command));
            }
            if button(ui, &tr.format("tablet-play", &[("table", number.into())])) {
                remote.facilitate(Some(t.table), Command::Table(Do::Advance));
            }
        });
    }
    egui::CollapsingHeader::new(tr.get("tablet-seats"))
        .id_salt(("tablet-seats", t.table))
        .default_open(open_seats)
        .show(ui, |ui| {
            egui::Grid::new(("tablet-seat-grid", t.table))
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for s in &t.seats {
                        let code = crate::net::seat_code(s.seat);
                        ui.label(format!("{} · {code}", tr.get(panels::role_key(s.seat))));
                        ui.label(tr.get(s.state_key()));
                        let label = tr.format(
                            "tablet-bot",
                            &[("table", number.into()), ("seat", code.into())],
                        );
                        if !s.bot && !t.finished {
                            let b = ui
                                .add(
                                    egui::Button::new(tr.get("host-bot"))
                                        .min_size(egui::vec2(64.0, 40.0)),
                                )
                                .on_hover_text(tr.get("host-bot-why"));
                            if hook::pressed(ui, &b, &label) {
                                remote.facilitate(Some(t.table), Command::StandIn { seat: s.seat });
                            }
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}
