//! The game in a web page: it tells the page which screen is open (the page drops its loading
//! indicator at the first one) and takes the scenario files the player opens in the page.
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::{Action, Screen};

pub fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, report_screen)
        .add_systems(Update, take_opened);
}

fn report_screen(screen: Res<State<Screen>>, mut last: Local<Option<Screen>>) {
    let now = *screen.get();
    if *last != Some(now) {
        *last = Some(now);
        crate::platform::show_screen(&format!("{now:?}"));
    }
}

fn take_opened(mut out: MessageWriter<Action>) {
    if let Some((name, text)) = crate::platform::take_opened_scenario() {
        out.write(Action::OpenScenarioText(name, text));
    }
}
