//! The windowed game: a Bevy app with an egui interface over a `Session`. One plugin per screen;
//! screens draw from `SeatView`s and send `Action`s, which one system applies.
pub mod actions;
#[cfg(target_arch = "wasm32")]
mod browser;
mod catalog;
mod charts;
pub mod facilitator;
pub mod guide;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod host;
pub mod panels;
pub mod records;
pub mod remote;
pub mod screens;
#[cfg(not(target_arch = "wasm32"))]
mod screenshot;
pub mod settings;
pub mod widgets;

pub use actions::{Action, Seating, SeatingChoice};
pub use catalog::{Catalog, CatalogEntry};

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::{EguiPlugin, egui};

use crate::i18n::{Language, Translations};
use crate::scenario::Scenario;
use crate::session::Session;

/// How to start the game.
pub struct GameOptions {
    /// A scenario given on the command line, shown first in the list.
    pub scenario: Option<(String, Result<Scenario, crate::i18n::Message>)>,
    pub language: Language,
    /// Whether the language was chosen for this run (`--lang`): it then wins over the
    /// remembered one.
    pub language_given: bool,
    /// The size of the interface for this run (`--scale`), instead of the remembered one.
    pub ui_scale: Option<f32>,
    /// If set, save a screenshot of the window to this PNG file and quit.
    pub screenshot: Option<PathBuf>,
    /// If set, walk through every screen, saving one PNG each in this folder, and quit.
    pub tour: Option<PathBuf>,
    /// Start in facilitator mode (the console on F2).
    pub facilitator: bool,
}

/// The screens, in the order a game goes through them.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Choice,
    Seats,
    /// "Pass the computer to the next player": nothing private is shown.
    Handover,
    Turn,
    Debrief,
    /// A seat in a networked room (`glassbank serve`): joining, the month, the questionnaire.
    Remote,
    /// The facilitator hosts a networked room from this game (not in a browser).
    Host,
}

/// The player's language and its messages.
#[derive(Resource)]
pub struct Tr(pub Translations);

/// What the players chose in the settings.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    pub language: Language,
    /// egui's zoom: 1.0 is normal size.
    pub ui_scale: f32,
    pub fullscreen: bool,
    /// Facilitator mode: F2 opens the console, F3 the projector view.
    pub facilitator: bool,
    /// Whether each role's first month starts with its guide.
    pub tutorials: bool,
    /// Whether the settings window is open.
    pub open: bool,
    /// Whether the glossary is open (F1).
    pub glossary: bool,
}

impl Settings {
    /// The settings a first game starts with, in a language.
    pub fn new(language: Language) -> Settings {
        Settings {
            language,
            ui_scale: 1.0,
            fullscreen: false,
            facilitator: false,
            tutorials: true,
            open: false,
            glossary: false,
        }
    }
}

pub use crate::i18n::layer_key;

/// The game being played, once the seats are chosen.
#[derive(Resource, Default)]
pub struct Table {
    pub session: Option<Session>,
    /// The last error to show the players (a refused decision, a scenario that would not start).
    pub error: Option<String>,
    /// Which tab of the turn screen is open.
    pub tab: screens::turn::Tab,
    /// The value-chain view: the latest payment (per EUR 100), last month or the whole game.
    pub chain: panels::chain::Span,
    /// The open part of the debrief.
    pub debrief: screens::debrief::Part,
    /// The facilitator's time limit for each player's month.
    pub timer: TurnTimer,
    /// The second table the debrief compares this one with.
    pub compare: screens::tables::Comparison,
}

/// A time limit for each player's month, set by the facilitator; 0 is no limit.
#[derive(Clone, Copy, Debug, Default)]
pub struct TurnTimer {
    pub limit_secs: u32,
    started: Option<(
        (crate::sim::Turn, Option<crate::sim::Seat>),
        web_time::Instant,
    )>,
}

impl TurnTimer {
    /// Seconds left for this player's month, the clock restarting when the month or the player
    /// changes; `None` with no limit.
    pub fn remaining(
        &mut self,
        key: (crate::sim::Turn, Option<crate::sim::Seat>),
        now: web_time::Instant,
    ) -> Option<u32> {
        if self.limit_secs == 0 {
            self.started = None;
            return None;
        }
        let start = match self.started {
            Some((k, at)) if k == key => at,
            _ => {
                self.started = Some((key, now));
                now
            }
        };
        let spent = now.saturating_duration_since(start).as_secs();
        Some(u64::from(self.limit_secs).saturating_sub(spent) as u32)
    }
}

/// How long building the interface took, frame by frame, in milliseconds: the frame budget.
#[derive(Resource, Default)]
pub struct UiTimes {
    pub turn_screen: Vec<f32>,
}

impl UiTimes {
    /// Mean, 95th percentile and maximum, in milliseconds.
    pub fn summary(&self) -> Option<(f32, f32, f32)> {
        let mut v = self.turn_screen.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f32::total_cmp);
        let mean = v.iter().sum::<f32>() / v.len() as f32;
        let p95 = v[((v.len() - 1) as f32 * 0.95) as usize];
        Some((mean, p95, v[v.len() - 1]))
    }
}

/// Everything the game needs apart from rendering: states, resources and the action system.
/// Tests add this to a `MinimalPlugins` app.
pub fn logic_plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Action>()
        .init_resource::<Table>()
        .init_resource::<UiTimes>()
        .init_resource::<facilitator::Console>()
        .init_resource::<guide::Guide>()
        .add_systems(Update, actions::apply);
}

/// The resources a game starts with.
pub fn insert_resources(app: &mut App, catalog: Catalog, language: Language) {
    app.insert_resource(catalog)
        .insert_resource(Tr(Translations::new(language)))
        .insert_resource(Settings::new(language))
        .insert_resource(Seating::default())
        .insert_resource(records::Records::default());
}

/// Starts the game in a web page: the browser's language, facilitator mode if the address asks.
#[cfg(target_arch = "wasm32")]
pub fn run_in_browser() {
    let language = crate::platform::preferred_language()
        .and_then(|l| l.split('-').next().and_then(Language::from_code))
        .unwrap_or_default();
    run(GameOptions {
        scenario: None,
        language,
        language_given: false,
        ui_scale: None,
        screenshot: None,
        tour: None,
        facilitator: crate::platform::facilitator_requested(),
    });
}

/// Opens the game window and runs until it is closed (or the screenshots are saved).
pub fn run(options: GameOptions) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Glass Bank".into(),
            resolution: WindowResolution::new(1280, 720),
            // In a web page: the page's canvas, as large as the window.
            #[cfg(target_arch = "wasm32")]
            canvas: Some("#glassbank".into()),
            #[cfg(target_arch = "wasm32")]
            fit_canvas_to_parent: true,
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    insert_resources(&mut app, Catalog::load(options.scenario), options.language);
    app.world_mut().resource_mut::<Settings>().facilitator = options.facilitator;
    app.add_plugins((
        logic_plugin,
        settings::plugin,
        screens::title::plugin,
        screens::choice::plugin,
        screens::seats::plugin,
        screens::handover::plugin,
        screens::turn::plugin,
        screens::debrief::plugin,
        facilitator::plugin,
        guide::plugin,
        remote::plugin,
        widgets::hook::plugin,
    ));
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(browser::plugin);
    #[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
    app.add_plugins(host::plugin);
    // The remembered settings, except for pictures, which must come out the same every time.
    if options.screenshot.is_none() && options.tour.is_none() {
        let data_dir = app.world().resource::<records::Records>().data_dir.clone();
        let mut settings = app.world_mut().resource_mut::<Settings>();
        settings::recall(&mut settings, &data_dir, options.language_given);
        let language = settings.language;
        app.world_mut().resource_mut::<Tr>().0 = Translations::new(language);
    }
    if let Some(scale) = options.ui_scale {
        let range = settings::SCALES;
        app.world_mut().resource_mut::<Settings>().ui_scale =
            scale.clamp(*range.start(), *range.end());
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if let Some(path) = options.screenshot {
            app.insert_resource(screenshot::Tour::single(path))
                .add_plugins(screenshot::plugin);
        } else if let Some(dir) = options.tour {
            // The tour shows the facilitator's console and projector too.
            app.world_mut().resource_mut::<Settings>().facilitator = true;
            // The tour's own game keeps its logs beside its pictures.
            app.world_mut().resource_mut::<records::Records>().data_dir = dir.join("data");
            app.insert_resource(screenshot::Tour::every_screen(dir))
                .add_plugins(screenshot::plugin);
        }
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// The whole window as one egui `Ui`, for a screen to lay its panels in.
pub(crate) fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
