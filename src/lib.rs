//! Glass Bank: a serious game that makes a bank economy's business model visible. The `sim`
//! module is the pure economy, `scenario` reads RON scenarios into it, and `game` (behind the
//! default "game" feature) is the Bevy + egui interface that shows it.
pub mod feedback;
#[cfg(feature = "game")]
pub mod game;
pub mod headless;
pub mod i18n;
pub mod net;
pub mod platform;
pub mod scenario;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod serve;
pub mod session;
pub mod sim;

/// The scenario the game opens with, built into the binary (it is also scenarios/one_town.ron).
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/one_town.ron");

/// Every shipped scenario, built into the binary (the browser has no files): (path, text).
pub const SHIPPED_SCENARIOS: [(&str, &str); 4] = [
    ("scenarios/one_town.ron", DEFAULT_SCENARIO),
    (
        "scenarios/card_fees.ron",
        include_str!("../scenarios/card_fees.ron"),
    ),
    (
        "scenarios/rate_shock.ron",
        include_str!("../scenarios/rate_shock.ron"),
    ),
    (
        "scenarios/hidden_fees.ron",
        include_str!("../scenarios/hidden_fees.ron"),
    ),
];
