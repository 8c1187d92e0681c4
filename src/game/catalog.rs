//! The scenarios a player can choose from: one given on the command line, the shipped ones
//! (built into the binary) and, on the desktop, other files in the `scenarios` folder. A file
//! that does not load stays in the list with its error.
use bevy::prelude::*;

use crate::i18n::Message;
use crate::scenario::{self, Scenario};

/// A scenario file and what loading it gave.
pub struct CatalogEntry {
    /// The file's path, for the player and for error messages.
    pub path: String,
    /// The scenario, or why it does not load, to put into the player's language.
    pub scenario: Result<Scenario, Message>,
}

/// Every scenario on offer, and the one chosen.
#[derive(Resource, Default)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    pub chosen: usize,
}

impl Catalog {
    /// The shipped scenarios after `first`, and other files of `scenarios/` on the desktop.
    pub fn load(first: Option<(String, Result<Scenario, Message>)>) -> Catalog {
        let mut entries: Vec<CatalogEntry> = first
            .into_iter()
            .map(|(path, scenario)| CatalogEntry { path, scenario })
            .collect();
        for (path, text) in crate::SHIPPED_SCENARIOS {
            if entries.iter().any(|e| e.path == path) {
                continue;
            }
            entries.push(CatalogEntry {
                path: path.to_string(),
                scenario: scenario::load(text, path).map_err(Message::from),
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        for path in crate::platform::list_files(std::path::Path::new("scenarios"), "ron") {
            let name = path.display().to_string();
            if entries.iter().any(|e| e.path == name) {
                continue;
            }
            let scenario = crate::platform::read_text(&path)
                .and_then(|text| scenario::load(&text, &name).map_err(Message::from));
            entries.push(CatalogEntry {
                path: name,
                scenario,
            });
        }
        Catalog { entries, chosen: 0 }
    }

    /// Puts a scenario the player opened first in the list and chooses it; a file of the same
    /// name opened again replaces the earlier one.
    pub fn open(&mut self, name: &str, text: &str) {
        self.entries.retain(|e| e.path != name);
        self.entries.insert(
            0,
            CatalogEntry {
                path: name.to_string(),
                scenario: scenario::load(text, name).map_err(Message::from),
            },
        );
        self.chosen = 0;
    }

    pub fn chosen(&self) -> Option<&CatalogEntry> {
        self.entries.get(self.chosen)
    }
}
