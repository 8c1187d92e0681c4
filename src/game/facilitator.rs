//! The facilitator's console, a screen of its own in facilitator mode (F2; F3 for the
//! projector): the table's progress, stop for discussion, play the month now, bots for a few
//! months, go back and branch, the layer, the policy rate and other rules, the timeline's events
//! now, a message to the room, the turn timer and the second table of the debrief.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Action, Screen, Settings, Table, Tr};
use crate::i18n::{Translations, format};
use crate::scenario::Scripted;
use crate::session::{Command as Do, Question, Session};
use crate::sim::{Bp, Money, Shock, Transparency, Turn};

/// What the facilitator asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command to the table's game, the same as the terminal's and the browser's.
    Table(Do),
    /// Minutes each player has for a month (0: no limit).
    Timer(u32),
    /// The layer of the second table the debrief compares this one with.
    Compare(Transparency),
    Show(View),
}

/// What the screen shows during a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The players' own screen (hand-over, decisions).
    #[default]
    Players,
    Console,
    /// Large type and the shared picture, for the whole room.
    Projector,
}

/// The console's own state: what the screen shows and what is being prepared.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Console {
    pub view: View,
    pub rewind_to: Turn,
    pub months: u16,
    pub policy_rate: f64,
    /// Interchange caps for debit and credit cards, in hundredths of a percent.
    pub interchange_debit_bp: i32,
    pub interchange_credit_bp: i32,
    /// A cap on each irregular-payment fee, in euros.
    pub fee_cap_euros: i64,
    pub message: String,
    pub timer_minutes: u32,
}

impl Default for Console {
    fn default() -> Self {
        Console {
            view: View::Players,
            rewind_to: 0,
            months: 1,
            policy_rate: 3.0,
            interchange_debit_bp: 20,
            interchange_credit_bp: 30,
            fee_cap_euros: 8,
            message: String::new(),
            timer_minutes: 0,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Console>().add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Turn).or_else(in_state(Screen::Handover))),
    );
}

/// Whether the players' own screen is showing (not the console or the projector): the run
/// condition of the month's and the hand-over's screens.
pub fn players_see_their_screen(console: Res<Console>) -> bool {
    console.view == View::Players
}

/// F2 switches between the players' screen and the console, F3 between the console and the
/// projector, only in facilitator mode; the console and the projector take the whole window.
fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    settings: Res<Settings>,
    table: Res<Table>,
    mut console: ResMut<Console>,
    mut out: MessageWriter<Action>,
) -> Result {
    if !settings.facilitator {
        console.view = View::Players;
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let (f2, f3) = ctx.input(|i| (i.key_pressed(egui::Key::F2), i.key_pressed(egui::Key::F3)));
    if f2 {
        console.view = match console.view {
            View::Console => View::Players,
            View::Players | View::Projector => View::Console,
        };
    }
    if f3 {
        console.view = match console.view {
            View::Projector => View::Console,
            View::Players | View::Console => View::Projector,
        };
    }
    let mut root = super::root_ui(ctx);
    match (console.view, table.session.as_ref()) {
        (View::Console, _) => {
            let commands = screen(&mut root, &tr.0, &table, &mut console);
            out.write_batch(commands.into_iter().map(Action::Facilitate));
        }
        (View::Projector, Some(session)) => projector(&mut root, &tr.0, session),
        _ => {}
    }
    Ok(())
}

/// Carries out a command on the table's session.
pub fn apply(
    table: &mut Table,
    console: &mut Console,
    command: &Command,
) -> Result<(), crate::i18n::Message> {
    match command {
        Command::Timer(minutes) => {
            table.timer.limit_secs = minutes.saturating_mul(60);
            return Ok(());
        }
        Command::Compare(layer) => {
            table.compare.layer = Some(*layer);
            return Ok(());
        }
        Command::Show(view) => {
            console.view = *view;
            return Ok(());
        }
        _ => {}
    }
    let (Some(session), Command::Table(command)) = (table.session.as_mut(), command) else {
        return Ok(());
    };
    session.facilitate(command.clone())
}

/// The console as a screen of its own: the commands on the left, the table on the right.
pub fn screen(
    ui: &mut egui::Ui,
    tr: &Translations,
    table: &Table,
    console: &mut Console,
) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Panel::top("console-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(tr.get("console"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr.get("console-to-players")).clicked() {
                    out.push(Command::Show(View::Players));
                }
                if ui.button(tr.get("console-to-projector")).clicked() {
                    out.push(Command::Show(View::Projector));
                }
            });
        });
        if let Some(error) = &table.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    let Some(session) = table.session.as_ref() else {
        return out;
    };
    // On a narrow window (200%), the table then the commands in one column.
    if ui.available_width() < crate::game::screens::turn::NARROW {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("console-one-column")
                .show(ui, |ui| {
                    out.extend(table_status(ui, tr, session, table, console));
                    ui.separator();
                    out.extend(show(ui, tr, session, console, true));
                });
        });
        return out;
    }
    egui::Panel::right("console-table")
        .default_size(ui.available_width() * 0.45)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("console-table-scroll")
                .show(ui, |ui| {
                    out.extend(table_status(ui, tr, session, table, console));
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("console-commands")
            .show(ui, |ui| out.extend(show(ui, tr, session, console, true)));
    });
    out
}

/// Where the table stands: who is still deciding, a message for the room, the second table.
fn table_status(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    table: &Table,
    console: &mut Console,
) -> Vec<Command> {
    let mut out = Vec::new();
    ui.strong(tr.get("console-table"));
    if session.is_finished() {
        ui.label(tr.get("console-finished"));
    } else if session.humans().is_empty() {
        ui.label(tr.get("console-no-humans"));
    } else {
        let waiting = session.waiting();
        for &seat in session.humans() {
            let Some(view) = session.view(seat) else {
                continue;
            };
            let key = if waiting.contains(&seat) {
                "console-deciding"
            } else {
                "console-done"
            };
            ui.label(format!(
                "{} — {}",
                super::panels::seat_label(tr, &view),
                tr.get(key)
            ));
        }
        if play_now_button(ui, tr, session) {
            out.push(Command::Table(Do::Advance));
        }
    }
    ui.separator();
    if let Some(message) = message_box(ui, tr, console) {
        out.push(Command::Table(Do::Announce { message }));
    }
    ui.separator();
    ui.strong(tr.get("console-second-table"));
    ui.label(egui::RichText::new(tr.get("console-second-table-why")).small());
    let chosen = table.compare.layer_for(session);
    ui.horizontal(|ui| {
        for layer in Transparency::ALL {
            if ui
                .selectable_label(chosen == layer, tr.get(super::layer_key(layer)))
                .clicked()
            {
                out.push(Command::Compare(layer));
            }
        }
    });
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(tr.get("console-timer"));
        let mut minutes = console.timer_minutes;
        if ui
            .add(egui::Slider::new(&mut minutes, 0..=10).suffix(" min"))
            .changed()
        {
            console.timer_minutes = minutes;
            out.push(Command::Timer(minutes));
        }
    });
    out
}

/// "Play the month now" (not while stopped for discussion): whether it was clicked.
pub fn play_now_button(ui: &mut egui::Ui, tr: &Translations, session: &Session) -> bool {
    ui.add_enabled(
        session.paused().is_none(),
        egui::Button::new(tr.get("console-play-now")),
    )
    .on_hover_text(tr.get("console-play-now-why"))
    .clicked()
}

/// A message for the room: the text, once sent.
pub fn message_box(ui: &mut egui::Ui, tr: &Translations, console: &mut Console) -> Option<String> {
    ui.strong(tr.get("console-message"));
    ui.add(
        egui::TextEdit::multiline(&mut console.message)
            .desired_rows(2)
            .char_limit(crate::session::MAX_ANNOUNCEMENT_CHARS)
            .hint_text(tr.get("console-message-hint")),
    );
    let send = ui.button(tr.get("console-send")).clicked() && !console.message.trim().is_empty();
    send.then(|| std::mem::take(&mut console.message))
}

/// The commands on the game itself; `run_bots`: offer bots for a few months.
pub fn show(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    console: &mut Console,
    run_bots: bool,
) -> Vec<Command> {
    let mut out = Vec::new();
    let lang = tr.language();
    let code = lang.code();
    let turn = session.turn();
    ui.label(tr.format(
        "month-of",
        &[
            ("month", turn.into()),
            ("turns", session.scenario().turns().into()),
        ],
    ));
    for note in session
        .scenario()
        .file
        .facilitator_notes
        .iter()
        // A note for month k shows while month k is being decided; month 0's before month 1.
        .filter(|n| n.turn == turn || (n.turn == 0 && turn == 1))
    {
        ui.label(egui::RichText::new(note.text.get(code)).italics());
    }
    ui.separator();
    if session.paused().is_some() {
        if ui.button(tr.get("console-resume")).clicked() {
            out.push(Command::Table(Do::Resume));
        }
    } else {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.get("console-pause")).clicked() {
                out.push(Command::Table(Do::Pause { question: None }));
            }
            for (i, q) in session.scenario().file.discussion.iter().enumerate() {
                if ui
                    .button(format!("{} {}", tr.get("console-pause-on"), i + 1))
                    .on_hover_text(q.get(code))
                    .clicked()
                {
                    out.push(Command::Table(Do::Pause {
                        question: Some(Question::Discussion(i)),
                    }));
                }
            }
        });
    }
    // Bots for a few months only at one table: in a networked room the players are there.
    if run_bots {
        ui.horizontal(|ui| {
            ui.add(egui::Slider::new(&mut console.months, 1..=12));
            let months = i64::from(console.months);
            if ui
                .button(tr.format("console-run-bots", &[("months", months.into())]))
                .clicked()
            {
                out.push(Command::Table(Do::RunBots {
                    months: console.months,
                }));
            }
        });
    }
    if turn > 1 {
        ui.horizontal(|ui| {
            console.rewind_to = console.rewind_to.min(turn - 1);
            ui.add(egui::Slider::new(&mut console.rewind_to, 0..=turn - 1));
            if ui.button(tr.get("console-rewind")).clicked() {
                out.push(Command::Table(Do::Rewind {
                    after: console.rewind_to,
                }));
            }
        });
    }
    ui.separator();
    if let Some(layer) = layer_picker(ui, tr, session.economy().params().transparency) {
        out.push(Command::Table(Do::Shock {
            shock: Shock::Transparency(layer),
        }));
    }
    ui.horizontal(|ui| {
        ui.label(tr.get("term-policy-rate"));
        ui.add(
            crate::game::widgets::number::percent(&mut console.policy_rate, -1.0..=10.0, lang)
                .step_by(0.25),
        );
        if ui.button(tr.get("console-apply")).clicked() {
            out.push(Command::Table(Do::Shock {
                shock: Shock::PolicyRate(Bp((console.policy_rate * 100.0).round() as i32)),
            }));
        }
    });
    let caps = session.economy().params().caps;
    let percent = move |v: f64, _| crate::i18n::format::rate(lang, Bp(v.round() as i32));
    ui.label(tr.get("console-interchange-cap"));
    ui.indent("interchange-cap", |ui| {
        egui::Grid::new("interchange-cap-grid").show(ui, |ui| {
            ui.label(tr.get("card-debit"));
            ui.add(
                egui::Slider::new(&mut console.interchange_debit_bp, 5..=150)
                    .custom_formatter(percent),
            );
            ui.end_row();
            ui.label(tr.get("card-credit"));
            ui.add(
                egui::Slider::new(&mut console.interchange_credit_bp, 5..=200)
                    .custom_formatter(percent),
            );
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.button(tr.get("console-apply")).clicked() {
                out.push(Command::Table(Do::Shock {
                    shock: Shock::InterchangeCap {
                        debit: Some(Bp(console.interchange_debit_bp)),
                        credit: Some(Bp(console.interchange_credit_bp)),
                    },
                }));
            }
            if (caps.interchange_debit.is_some() || caps.interchange_credit.is_some())
                && ui.button(tr.get("console-lift")).clicked()
            {
                out.push(Command::Table(Do::Shock {
                    shock: Shock::InterchangeCap {
                        debit: None,
                        credit: None,
                    },
                }));
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("console-fee-cap"));
        ui.add(
            egui::Slider::new(&mut console.fee_cap_euros, 0..=30).custom_formatter(move |v, _| {
                crate::i18n::format::euros(lang, crate::sim::Money::cents(v.round() as i64 * 100))
            }),
        );
        if ui.button(tr.get("console-apply")).clicked() {
            out.push(Command::Table(Do::Shock {
                shock: Shock::FeeCap {
                    per_payment: Some(Money::euros(console.fee_cap_euros)),
                    per_month: caps.irregular_fees_per_month,
                },
            }));
        }
        if caps.irregular_fee_per_payment.is_some() && ui.button(tr.get("console-lift")).clicked() {
            out.push(Command::Table(Do::Shock {
                shock: Shock::FeeCap {
                    per_payment: None,
                    per_month: caps.irregular_fees_per_month,
                },
            }));
        }
    });
    let upcoming: Vec<_> = session
        .scenario()
        .timeline()
        .iter()
        .filter(|e| e.turn > turn)
        .filter_map(|e| match &e.what {
            Scripted::Shock(s) => Some((e.turn, *s)),
            Scripted::Message(_) | Scripted::Pause(_) => None,
        })
        .collect();
    if !upcoming.is_empty() {
        ui.separator();
        ui.label(tr.get("console-upcoming"));
        for (at, shock) in upcoming {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} {at}: {}",
                    tr.get("console-month"),
                    super::panels::shock_text(tr, &shock)
                ));
                if ui.button(tr.get("console-now")).clicked() {
                    out.push(Command::Table(Do::Shock { shock }));
                }
            });
        }
    }
    ui.label(
        egui::RichText::new(tr.format(
            "console-rate-now",
            &[(
                "rate",
                format::rate(lang, session.economy().params().policy_rate).into(),
            )],
        ))
        .small()
        .weak(),
    );
    out
}

/// The layer and the other two to choose from, on one line: the one clicked, if not `current`.
pub fn layer_picker(
    ui: &mut egui::Ui,
    tr: &Translations,
    current: Transparency,
) -> Option<Transparency> {
    ui.horizontal(|ui| {
        ui.label(tr.get("term-layer"));
        let mut chosen = None;
        for layer in Transparency::ALL {
            let on = layer == current;
            if ui
                .selectable_label(on, tr.get(super::layer_key(layer)))
                .clicked()
                && !on
            {
                chosen = Some(layer);
            }
        }
        chosen
    })
    .inner
}

/// The projector view: the month, the news, the whole game's value chain and the shared charts,
/// in large type, as the room may see them under the current layer.
pub fn projector(ui: &mut egui::Ui, tr: &Translations, session: &Session) {
    let code = tr.language().code();
    // What the room sees: a seat with nothing of its own to hide, the first household's.
    let Some(view) = session.view(crate::sim::Seat::Client(crate::sim::ClientId(0))) else {
        return;
    };
    egui::Panel::top("projector-title").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(session.scenario().title().get(code))
                    .size(34.0)
                    .strong(),
            );
            ui.separator();
            ui.label(
                egui::RichText::new(tr.format(
                    "month-of",
                    &[
                        ("month", session.turn().into()),
                        ("turns", session.scenario().turns().into()),
                    ],
                ))
                .size(30.0),
            );
        });
        for m in session.news() {
            ui.label(egui::RichText::new(m.get(code)).size(26.0));
        }
    });
    // The diagram's height: given, or what is left under its title.
    let chain = |ui: &mut egui::Ui, height: Option<f32>| {
        ui.label(egui::RichText::new(tr.get("chain-whole-game")).size(28.0));
        let (nodes, links) = super::panels::chain::diagram(tr, &view.game_chain, 1.0);
        ui.add(super::widgets::sankey::Sankey {
            nodes: &nodes,
            links: &links,
            height: height.unwrap_or_else(|| (ui.available_height() - 8.0).max(200.0)),
            hidden_text: &tr.get("hidden-why"),
        });
    };
    // On a narrow window (200%), the value chain then the charts, one below the other.
    if ui.available_width() < crate::game::screens::turn::NARROW {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("projector-one-column")
                .show(ui, |ui| {
                    chain(ui, Some(420.0));
                    super::charts::charts(ui, tr, &view);
                });
        });
        return;
    }
    egui::Panel::right("projector-charts")
        .default_size(ui.available_width() * 0.42)
        .show(ui, |ui| super::charts::charts(ui, tr, &view));
    egui::CentralPanel::default().show(ui, |ui| chain(ui, None));
}
