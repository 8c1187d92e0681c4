//! "Pass the computer": between two players of a hot-seat game, a screen that shows nothing
//! private, only who plays next.
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::enter_pressed;
use crate::game::{Action, Screen, Table, Tr, panels, root_ui};
use crate::i18n::Translations;
use crate::session::Session;

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(
            in_state(Screen::Handover).and_then(crate::game::facilitator::players_see_their_screen),
        ),
    );
}

pub fn show(ui: &mut egui::Ui, tr: &Translations, session: &Session) -> Vec<Action> {
    let mut actions = Vec::new();
    super::top_bar(ui, tr, "", &mut actions);
    let next = session
        .active()
        .and_then(|s| session.view(s))
        .map(|v| panels::seat_label(tr, &v))
        .unwrap_or_default();
    egui::CentralPanel::default().show(ui, |ui| {
        super::centred_page(ui, 0.3, |ui| {
            ui.label(
                egui::RichText::new(tr.format(
                    "month-of",
                    &[
                        ("month", session.turn().into()),
                        ("turns", session.scenario().turns().into()),
                    ],
                ))
                .size(20.0),
            );
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(tr.format("pass-to", &[("seat", next.into())]))
                    .size(30.0)
                    .strong(),
            );
            ui.add_space(8.0);
            ui.label(tr.get("pass-privacy"));
            ui.add_space(24.0);
            if ui
                .add_sized([220.0, 44.0], egui::Button::new(tr.get("ready")))
                .clicked()
                || enter_pressed(ui)
            {
                actions.push(Action::Ready);
            }
        });
    });
    actions
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    table: Res<Table>,
    mut out: MessageWriter<Action>,
) -> Result {
    let Some(session) = table.session.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(&mut root, &tr.0, session));
    Ok(())
}
