//! The windowed game: a Bevy app with an egui interface over the simulation.

#[cfg(not(target_arch = "wasm32"))]
mod screenshot;
mod ui;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

use crate::i18n::{Language, Translations};
use crate::scenario::Scenario;

/// How to start the game.
pub struct GameOptions {
    pub scenario: Scenario,
    pub language: Language,
    /// If set, save a screenshot of the window to this PNG file and quit.
    pub screenshot: Option<PathBuf>,
}

/// The scenario being played.
#[derive(Resource)]
struct CurrentScenario(Scenario);

/// The player's language and its messages.
#[derive(Resource)]
struct Text(Translations);

/// Opens the game window and runs until it is closed (or the screenshot is saved).
pub fn run(options: GameOptions) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Glass Bank".into(),
            resolution: WindowResolution::new(1280, 720),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(CurrentScenario(options.scenario))
    .insert_resource(Text(Translations::new(options.language)))
    .add_plugins(ui::plugin);
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(path) = options.screenshot {
        app.insert_resource(screenshot::AutoScreenshot::new(path))
            .add_plugins(screenshot::plugin);
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
