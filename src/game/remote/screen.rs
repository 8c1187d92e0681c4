//! The networked player's screens: the room's code, the free seats, the month (the same panels
//! as at one table, drawn from the view the room sent) and the debrief's questionnaire.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Month, Phase, Remote};
use crate::game::screens::turn::{NARROW, Tab};
use crate::game::screens::{centred_page, enter_pressed, top_bar};
use crate::game::widgets::{glossary, hook};
use crate::game::{Action, Screen, Tr, charts, panels, root_ui};
use crate::i18n::Translations;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, join_from_address).add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Remote)),
    );
}

/// A page opened from the projector's QR code (`?room=ABCD`) goes straight into the room.
fn join_from_address(
    mut remote: ResMut<Remote>,
    settings: Res<crate::game::Settings>,
    records: Res<crate::game::records::Records>,
    mut next: ResMut<NextState<Screen>>,
) {
    remote.store = Some(records.data_dir.join("rooms"));
    if let (Some(code), Some(address)) = (
        crate::platform::room_requested(),
        crate::platform::room_socket(),
    ) {
        remote.join(address, code, settings.language);
        remote.facilitator = crate::platform::host_secret_requested();
        if let Some(mine) = crate::platform::personal_token_requested() {
            remote.use_personal_link(mine);
        }
        remote.wanted = crate::platform::seat_requested()
            .as_deref()
            .and_then(crate::net::parse_seat_code);
        next.set(Screen::Remote);
    }
}

pub fn show(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote) -> Vec<Action> {
    let mut actions = Vec::new();
    let title = match &remote.month {
        Some(m) if remote.phase == Phase::Playing => tr.format(
            "month-of",
            &[
                ("month", m.turn.min(m.turns).into()),
                ("turns", m.turns.into()),
            ],
        ),
        _ if remote.phase == Phase::Facilitating => tr.get("tablet-title"),
        _ => tr.get("room-title"),
    };
    top_bar(ui, tr, &title, &mut actions);
    match remote.phase.clone() {
        Phase::Form => form(ui, tr, remote, &mut actions),
        Phase::Connecting => {
            let text = tr.format("room-connecting", &[("room", remote.code.clone().into())]);
            waiting(ui, tr, remote, &text)
        }
        Phase::Choosing(free) => choose(ui, tr, remote, &free),
        Phase::Facilitating => super::tablet::show(ui, tr, remote),
        Phase::Playing => match remote.month.clone() {
            None => waiting(ui, tr, remote, &tr.get("room-waiting")),
            Some(Month {
                quiz: Some(due), ..
            }) => quiz(ui, tr, remote, &due),
            Some(m) if m.finished => debrief(ui, tr, remote, &m),
            Some(m) if m.paused => paused(ui, tr, &m),
            Some(m) => month(ui, tr, remote, &m),
        },
    }
    actions
}

/// The room's code (and its address, on a desktop) and the button to go in.
fn form(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        centred_page(ui, 0.2, |ui| {
            crate::game::screens::at_most(ui, 520.0);
            ui.heading(tr.get("room-title"));
            ui.label(tr.get("room-explain"));
            ui.add_space(12.0);
            let in_page = crate::platform::room_socket();
            if in_page.is_none() {
                let label = ui.label(tr.get("room-address"));
                ui.add(
                    egui::TextEdit::singleline(&mut remote.address).hint_text("192.168.1.10:8080"),
                )
                .labelled_by(label.id);
            }
            let label = ui.label(tr.get("room-code"));
            let mut code = remote.code.clone();
            ui.add(
                egui::TextEdit::singleline(&mut code)
                    .hint_text("ABCD")
                    .char_limit(12),
            )
            .labelled_by(label.id);
            remote.code = code.to_uppercase();
            ui.add_space(8.0);
            let ready = !remote.code.trim().is_empty()
                && (in_page.is_some() || !remote.address.trim().is_empty());
            let go = ui.add_enabled(ready, egui::Button::new(tr.get("room-join")));
            let enter = ready && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if go.clicked() || enter {
                let address = in_page.unwrap_or_else(|| socket_address(&remote.address));
                let code = remote.code.clone();
                let language = remote.language;
                remote.join(address, code, language);
            }
            ui.add_space(8.0);
            if ui.button(tr.get("back")).clicked() {
                actions.push(Action::Open(Screen::Title));
            }
        });
    });
}

/// `host:port` as the room's WebSocket address.
fn socket_address(typed: &str) -> String {
    let typed = typed.trim().trim_end_matches('/');
    let bare = typed
        .trim_start_matches("http://")
        .trim_start_matches("ws://");
    if bare.contains("/ws") {
        format!("ws://{bare}")
    } else {
        format!("ws://{bare}/ws")
    }
}

/// Connecting, or waiting for the room's first view; the last problem, and a way back.
fn waiting(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, text: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        centred_page(ui, 0.3, |ui| {
            ui.spinner();
            ui.label(egui::RichText::new(text).size(20.0));
            notice(ui, remote);
            ui.add_space(12.0);
            if ui.button(tr.get("room-leave")).clicked() {
                remote.phase = Phase::Form;
            }
        });
    });
}

fn notice(ui: &mut egui::Ui, remote: &Remote) {
    if let Some(n) = &remote.notice {
        ui.colored_label(ui.visuals().error_fg_color, n);
    }
}

/// The free seats, one button each: the role and the actor's name.
fn choose(
    ui: &mut egui::Ui,
    tr: &Translations,
    remote: &mut Remote,
    free: &[crate::net::OpenSeat],
) {
    egui::CentralPanel::default().show(ui, |ui| {
        centred_page(ui, 0.12, |ui| {
            ui.heading(tr.format("room-in", &[("room", remote.code.clone().into())]));
            if let Some(table) = remote.table {
                ui.strong(tr.format("room-at-table", &[("table", (table + 1).into())]));
            }
            ui.label(tr.get("room-pick-seat"));
            ui.add_space(8.0);
            if free.is_empty() {
                ui.label(tr.get("room-no-seat"));
            }
            for open in free {
                let label = format!("{} — {}", tr.get(panels::role_key(open.seat)), open.name);
                let width = ui.available_width().min(320.0);
                let button = ui.add_sized([width, 32.0], egui::Button::new(&label).wrap());
                if hook::pressed(ui, &button, &label) {
                    remote.claim(open.seat);
                }
            }
            notice(ui, remote);
            ui.add_space(12.0);
            if ui.button(tr.get("room-leave")).clicked() {
                remote.phase = Phase::Form;
            }
        });
    });
}

/// Stopped for discussion: the question, nothing else.
fn paused(ui: &mut egui::Ui, tr: &Translations, m: &Month) {
    egui::CentralPanel::default().show(ui, |ui| {
        centred_page(ui, 0.25, |ui| {
            ui.label(
                egui::RichText::new(tr.get("paused-title"))
                    .size(36.0)
                    .strong(),
            );
            if let Some(q) = &m.question {
                ui.add_space(16.0);
                ui.label(egui::RichText::new(q.get(tr.language().code())).size(28.0));
            }
        });
    });
}

/// The month: the seat's facts, its decisions and the tabs, as at one table.
fn month(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, m: &Month) {
    let view = &m.view;
    let left = m.seconds_left.map(|(left, at)| {
        let spent = crate::platform::now()
            .saturating_duration_since(at)
            .as_secs();
        left.saturating_sub(u32::try_from(spent).unwrap_or(u32::MAX))
    });
    crate::game::screens::turn::month_facts(ui, tr, left, view);
    let narrow = ui.available_width() < NARROW;
    if !narrow && remote.tab == Tab::Decide {
        remote.tab = Tab::News;
    }
    let bar = |ui: &mut egui::Ui, remote: &mut Remote| commit_bar(ui, tr, remote, m);
    if narrow {
        egui::Panel::bottom("commit").show(ui, |ui| bar(ui, remote));
    } else {
        egui::Panel::left("decide")
            .default_size(400.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::Panel::bottom("commit").show(ui, |ui| bar(ui, remote));
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| decisions(ui, tr, remote, m));
                });
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if narrow {
                ui.selectable_value(&mut remote.tab, Tab::Decide, tr.get("tab-decide"));
            }
            for t in Tab::ALL {
                ui.selectable_value(&mut remote.tab, t, tr.get(t.key()));
            }
        });
        ui.separator();
        egui::ScrollArea::both().show(ui, |ui| match remote.tab {
            Tab::Decide if narrow => decisions(ui, tr, remote, m),
            Tab::News | Tab::Decide => panels::news(ui, tr, &m.news, view),
            Tab::Market => panels::market(ui, tr, view),
            Tab::ValueChain => panels::chain::show(ui, tr, view, &mut remote.chain),
            Tab::Pricing => panels::pricing(ui, tr, view),
            Tab::Charts => charts::charts(ui, tr, view),
            Tab::Accounts => panels::accounts(ui, tr, view),
            Tab::Glossary => glossary::list(ui, tr),
        });
    });
}

/// The seat's decision panel, editing the draft the room will receive; read-only once done.
fn decisions(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, m: &Month) {
    let Some(mut draft) = remote.draft else {
        return;
    };
    ui.add_enabled_ui(!m.committed, |ui| {
        panels::decide::decide(ui, tr, &m.view, &mut draft, &mut remote.verdicts);
    });
    remote.draft = Some(draft);
}

/// Done for the month (Ctrl+Enter), or who the table is waiting for.
fn commit_bar(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, m: &Month) {
    ui.add_space(4.0);
    notice(ui, remote);
    if m.committed {
        ui.label(tr.format("room-waiting-others", &[("count", remote.deciding.into())]));
    } else {
        let label = tr.get("commit");
        let done = ui
            .add_sized([240.0, 36.0], egui::Button::new(&label))
            .on_hover_text(tr.get("commit-key"));
        let shortcut = ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter));
        if hook::pressed(ui, &done, &label) || shortcut {
            remote.notice = None;
            remote.commit(crate::platform::now());
        }
    }
    ui.add_space(4.0);
}

/// The quiz, before the first month and after the debrief: each question with its options, a
/// consent to keep the answers, and a way to skip it.
fn quiz(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, due: &crate::net::QuizDue) {
    let code = tr.language().code();
    // The consent and the buttons stay in view at the bottom, on a phone too; the questions
    // scroll above them.
    egui::Panel::bottom("quiz-actions").show(ui, |ui| {
        ui.add_space(6.0);
        let consent = tr.get("quiz-consent");
        let tick = ui.checkbox(&mut remote.quiz_consent, &consent);
        if !tick.clicked() && hook::pressed(ui, &tick, &consent) {
            remote.quiz_consent = !remote.quiz_consent;
        }
        ui.label(egui::RichText::new(tr.get("consent-anonymous")).small());
        notice(ui, remote);
        ui.horizontal_wrapped(|ui| {
            let all = due
                .questions
                .iter()
                .all(|q| remote.quiz_choices.contains_key(&q.id));
            let (send, skip) = (tr.get("quiz-send"), tr.get("quiz-skip"));
            let ready = all && remote.quiz_consent;
            let button = ui.add_enabled(
                ready,
                egui::Button::new(&send).min_size(egui::vec2(160.0, 40.0)),
            );
            if ready && hook::pressed(ui, &button, &send) {
                remote.send_quiz(due.phase, true);
            }
            let button = ui.add(egui::Button::new(&skip).min_size(egui::vec2(120.0, 40.0)));
            if hook::pressed(ui, &button, &skip) {
                remote.send_quiz(due.phase, false);
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            crate::game::screens::at_most(ui, 640.0);
            ui.heading(tr.get(match due.phase {
                crate::feedback::QuizPhase::Before => "quiz-before",
                crate::feedback::QuizPhase::After => "quiz-after",
            }));
            ui.label(tr.get("quiz-why"));
            for (i, q) in due.questions.iter().enumerate() {
                ui.add_space(10.0);
                ui.strong(format!("{}. {}", i + 1, q.prompt.get(code)));
                for (j, option) in q.options.iter().enumerate() {
                    let chosen = remote.quiz_choices.get(&q.id) == Some(&j);
                    // Large enough for a finger on a phone; a round mark shows the choice, as
                    // a radio button does.
                    let mark = if chosen { "●" } else { "○" };
                    let text = format!("{mark}  {}", option.get(code));
                    let button = egui::Button::selectable(chosen, text)
                        .wrap()
                        .min_size(egui::vec2(ui.available_width().min(560.0), 36.0));
                    let button = ui.add(button);
                    if hook::pressed(ui, &button, option.get(code)) {
                        remote.quiz_choices.insert(q.id.clone(), j);
                    }
                }
            }
        });
    });
}

/// The end: the seat's accounts, and the questionnaire with consent.
fn debrief(ui: &mut egui::Ui, tr: &Translations, remote: &mut Remote, m: &Month) {
    egui::CentralPanel::default().show(ui, |ui| {
        // Text wraps at the window's width (a phone); only the accounts' table scrolls sideways.
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(tr.get("room-over"));
            ui.add_space(8.0);
            egui::ScrollArea::horizontal()
                .id_salt("room-over-accounts")
                .show(ui, |ui| panels::accounts(ui, tr, &m.view));
            ui.add_space(16.0);
            ui.heading(tr.get("debrief-questionnaire"));
            if let Some(count) = remote.recorded {
                ui.label(if count > 0 {
                    tr.get("answers-saved")
                } else {
                    tr.get("consent-declined")
                });
                return;
            }
            ui.label(tr.get("consent-what"));
            ui.label(tr.get("consent-anonymous"));
            ui.horizontal_wrapped(|ui| {
                for (key, consent) in [("consent-yes", true), ("consent-no", false)] {
                    let label = tr.get(key);
                    let button = ui.selectable_label(remote.consent == Some(consent), &label);
                    if hook::pressed(ui, &button, &label) {
                        remote.consent = Some(consent);
                    }
                }
            });
            if remote.consent == Some(true) {
                for q in &m.questions {
                    ui.add_space(8.0);
                    crate::game::screens::debrief::ask(
                        ui,
                        tr,
                        tr.language().code(),
                        q,
                        &mut remote.answers,
                    );
                }
            }
            ui.add_space(8.0);
            notice(ui, remote);
            let label = tr.get("save-answers");
            let save = ui.add_enabled(remote.consent.is_some(), egui::Button::new(&label));
            if (remote.consent.is_some() && hook::pressed(ui, &save, &label))
                || (remote.consent.is_some() && enter_pressed(ui) && remote.consent == Some(false))
            {
                remote.send_answers();
            }
        });
    });
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    settings: Res<crate::game::Settings>,
    mut remote: ResMut<Remote>,
    mut out: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    remote.language = settings.language;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, &mut remote));
    Ok(())
}
