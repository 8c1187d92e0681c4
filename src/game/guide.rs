//! The first-month guide: a few pages for each role, shown over the month's screen the first
//! time a person plays a seat; Enter goes on, Escape skips, and it can be turned off for good.
use std::collections::HashSet;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Action, Screen, Settings, Table, Tr};
use crate::i18n::Translations;
use crate::sim::{Role, Seat};

/// How many pages each role's guide has (`guide-ROLE-1` to `guide-ROLE-PAGES`).
pub const PAGES: usize = 4;

pub fn plugin(app: &mut App) {
    app.init_resource::<Guide>().add_systems(
        EguiPrimaryContextPass,
        system
            .run_if(in_state(Screen::Turn).and_then(super::facilitator::players_see_their_screen)),
    );
}

/// Which seats have been guided in this game, and the page open now.
#[derive(Resource, Default, Debug)]
pub struct Guide {
    seen: HashSet<Seat>,
    /// The seat being guided and its page, from 0.
    open: Option<(Seat, usize)>,
}

impl Guide {
    /// Whether a guide page is on screen (Escape is then the guide's).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Opens the guide for a seat played for the first time in this game.
    pub fn offer(&mut self, seat: Seat) {
        if self.open.is_none() && self.seen.insert(seat) {
            self.open = Some((seat, 0));
        }
    }

    /// A new game: every seat gets its guide again.
    pub fn restart(&mut self) {
        *self = Guide::default();
    }

    /// The page shown, if any.
    pub fn page(&self) -> Option<(Seat, usize)> {
        self.open
    }
}

/// The message key of a role's guide.
pub fn role_part(role: Role) -> &'static str {
    match role {
        Role::Client => "client",
        Role::RetailBanker => "retail",
        Role::BusinessBanker => "business",
        Role::Merchant => "merchant",
    }
}

/// What the player did with the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Back,
    /// Skip the rest of this seat's guide.
    Skip,
    /// Skip it, and do not show guides again.
    Never,
}

/// Draws the open page; the player's step, if they took one.
pub fn show(ctx: &egui::Context, tr: &Translations, seat: Seat, page: usize) -> Option<Step> {
    let mut step = None;
    let role = role_part(seat.role());
    let title = tr.format(
        "guide-title",
        &[
            ("role", tr.get(super::panels::role_key(seat)).into()),
            ("page", (page as i64 + 1).into()),
            ("pages", (PAGES as i64).into()),
        ],
    );
    egui::Window::new(title)
        .id(egui::Id::new("first-month-guide"))
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            crate::game::screens::at_most(ui, 460.0);
            ui.label(tr.get(&format!("guide-{role}-{}", page + 1)));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let last = page + 1 == PAGES;
                let next = ui.button(tr.get(if last { "guide-done" } else { "guide-next" }));
                // The first button has the focus, so Enter or Space goes on.
                if page == 0 && ui.memory(|m| m.focused().is_none()) {
                    next.request_focus();
                }
                if next.clicked() {
                    step = Some(Step::Next);
                }
                if page > 0 && ui.button(tr.get("guide-back")).clicked() {
                    step = Some(Step::Back);
                }
                if ui
                    .button(tr.get("guide-skip"))
                    .on_hover_text(tr.get("guide-skip-key"))
                    .clicked()
                {
                    step = Some(Step::Skip);
                }
                if ui.button(tr.get("guide-never")).clicked() {
                    step = Some(Step::Never);
                }
            });
        });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        step = Some(Step::Skip);
    }
    step
}

/// Moves the guide by the player's step; `true` if the guides are to be turned off.
pub fn take(guide: &mut Guide, step: Step) -> bool {
    let Some((seat, page)) = guide.open else {
        return false;
    };
    guide.open = match step {
        Step::Next if page + 1 < PAGES => Some((seat, page + 1)),
        Step::Back => Some((seat, page.saturating_sub(1))),
        Step::Next | Step::Skip | Step::Never => None,
    };
    step == Step::Never
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    settings: Res<Settings>,
    table: Res<Table>,
    mut guide: ResMut<Guide>,
    mut out: MessageWriter<Action>,
) -> Result {
    if !settings.tutorials {
        guide.open = None;
        return Ok(());
    }
    let Some(seat) = table.session.as_ref().and_then(|s| s.active()) else {
        return Ok(());
    };
    guide.offer(seat);
    let Some((seat, page)) = guide.open else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    if let Some(step) = show(ctx, &tr.0, seat, page)
        && take(&mut guide, step)
    {
        out.write(Action::SetTutorials(false));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::BankId;

    #[test]
    fn each_seat_is_guided_once_and_can_skip() {
        let mut guide = Guide::default();
        let banker = Seat::RetailBanker(BankId(0));
        guide.offer(banker);
        assert_eq!(guide.page(), Some((banker, 0)));
        assert!(!take(&mut guide, Step::Next));
        assert!(!take(&mut guide, Step::Back));
        assert_eq!(guide.page(), Some((banker, 0)));
        for _ in 0..PAGES {
            take(&mut guide, Step::Next);
        }
        assert!(!guide.is_open());
        guide.offer(banker);
        assert!(!guide.is_open(), "a seat is guided once a game");
        let shop = Seat::BusinessBanker(BankId(0));
        guide.offer(shop);
        assert!(take(&mut guide, Step::Never));
        assert!(!guide.is_open());
        guide.restart();
        guide.offer(banker);
        assert!(guide.is_open());
    }

    #[test]
    fn every_page_of_every_role_is_written_in_both_languages() {
        for language in crate::i18n::Language::ALL {
            let tr = Translations::new(language);
            for role in Role::ALL {
                for page in 1..=PAGES {
                    let id = format!("guide-{}-{page}", role_part(role));
                    assert_ne!(tr.get(&id), id, "{language:?}");
                }
            }
        }
    }
}
