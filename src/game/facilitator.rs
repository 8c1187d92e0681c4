//! The facilitator's console, first version (F2 during a game): stop for discussion on one of
//! the scenario's questions, let the bots play months, go back to an earlier month and branch,
//! change the transparency layer, and set off a timeline event or an ad-hoc one now.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Action, Screen, Table, Tr};
use crate::i18n::{Translations, format};
use crate::scenario::Scripted;
use crate::session::Session;
use crate::sim::{Bp, Shock, Transparency, Turn};

/// What the facilitator asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Stop for discussion, on the scenario's discussion question with this index if any.
    Pause(Option<usize>),
    Resume,
    RunBots(u16),
    /// Go back to the game as it stood after this month.
    Rewind(Turn),
    Shock(Shock),
    /// Minutes each player has for a month (0: no limit).
    Timer(u32),
}

/// The console's own state: open or not, and what is being prepared.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Console {
    pub open: bool,
    /// The projector view: large type and the shared picture, for the whole room (F3).
    pub projector: bool,
    pub rewind_to: Turn,
    pub months: u16,
    pub policy_rate: f64,
    pub timer_minutes: u32,
}

impl Default for Console {
    fn default() -> Self {
        Console {
            open: false,
            projector: false,
            rewind_to: 0,
            months: 1,
            policy_rate: 3.0,
            timer_minutes: 0,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Console>().add_systems(
        EguiPrimaryContextPass,
        window.run_if(in_state(Screen::Turn)),
    );
}

/// Carries out a command on the table's session.
pub fn apply(table: &mut Table, command: &Command) -> Result<(), String> {
    if let Command::Timer(minutes) = command {
        table.timer.limit_secs = minutes.saturating_mul(60);
        return Ok(());
    }
    let Some(session) = table.session.as_mut() else {
        return Ok(());
    };
    match command {
        Command::Pause(question) => {
            let text = question.and_then(|i| session.scenario().file.discussion.get(i).cloned());
            session.pause(text);
        }
        Command::Resume => session.resume(),
        Command::RunBots(n) => {
            session.run_bots(*n)?;
        }
        Command::Rewind(after) => {
            let back = session.rewound(*after)?;
            table.session = Some(back);
        }
        Command::Shock(shock) => session.apply_shock(*shock)?,
        Command::Timer(_) => {}
    }
    Ok(())
}

/// The console's content.
pub fn show(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    console: &mut Console,
) -> Vec<Command> {
    let mut out = show_game(ui, tr, session, console);
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

/// The commands on the game itself.
fn show_game(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    console: &mut Console,
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
            out.push(Command::Resume);
        }
    } else {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.get("console-pause")).clicked() {
                out.push(Command::Pause(None));
            }
            for (i, q) in session.scenario().file.discussion.iter().enumerate() {
                if ui
                    .button(format!("{} {}", tr.get("console-pause-on"), i + 1))
                    .on_hover_text(q.get(code))
                    .clicked()
                {
                    out.push(Command::Pause(Some(i)));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add(egui::Slider::new(&mut console.months, 1..=12));
        if ui.button(tr.get("console-run-bots")).clicked() {
            out.push(Command::RunBots(console.months));
        }
    });
    if turn > 1 {
        ui.horizontal(|ui| {
            console.rewind_to = console.rewind_to.min(turn - 1);
            ui.add(egui::Slider::new(&mut console.rewind_to, 0..=turn - 1));
            if ui.button(tr.get("console-rewind")).clicked() {
                out.push(Command::Rewind(console.rewind_to));
            }
        });
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(tr.get("term-layer"));
        for layer in [
            Transparency::Opaque,
            Transparency::Disclosed,
            Transparency::Glass,
        ] {
            let current = session.economy().params().transparency == layer;
            if ui
                .selectable_label(current, tr.get(&format!("layer-{layer:?}").to_lowercase()))
                .clicked()
                && !current
            {
                out.push(Command::Shock(Shock::Transparency(layer)));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr.get("term-policy-rate"));
        ui.add(
            egui::Slider::new(&mut console.policy_rate, -1.0..=10.0)
                .step_by(0.25)
                .suffix(" %"),
        );
        if ui.button(tr.get("console-apply")).clicked() {
            out.push(Command::Shock(Shock::PolicyRate(Bp(
                (console.policy_rate * 100.0).round() as i32,
            ))));
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
                    out.push(Command::Shock(shock));
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

fn window(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    mut table: ResMut<Table>,
    mut console: ResMut<Console>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if ctx.input(|i| i.key_pressed(egui::Key::F2)) {
        console.open = !console.open;
    }
    if ctx.input(|i| i.key_pressed(egui::Key::F3)) {
        console.projector = !console.projector;
    }
    if !console.open {
        return Ok(());
    }
    let Some(session) = table.session.as_ref() else {
        return Ok(());
    };
    let mut commands = Vec::new();
    egui::Window::new(tr.0.get("console"))
        .default_pos(egui::pos2(700.0, 120.0))
        .show(ctx, |ui| commands = show(ui, &tr.0, session, &mut console));
    for c in commands {
        if let Err(e) = apply(&mut table, &c) {
            table.error = Some(e);
        }
    }
    if table.session.as_ref().is_some_and(Session::is_finished) {
        actions.write(Action::Open(Screen::Debrief));
    }
    Ok(())
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
    egui::Panel::right("projector-charts")
        .default_size(ui.available_width() * 0.42)
        .show(ui, |ui| super::charts::charts(ui, tr, &view));
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(egui::RichText::new(tr.get("chain-whole-game")).size(28.0));
        let (nodes, links) = super::panels::chain::diagram(tr, &view.game_chain, 1.0);
        ui.add(super::widgets::sankey::Sankey {
            nodes: &nodes,
            links: &links,
            height: (ui.available_height() - 20.0).max(200.0),
            hidden_text: &tr.get("hidden-why"),
        });
    });
}
