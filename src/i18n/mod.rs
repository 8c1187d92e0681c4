//! The translation layer: every player-facing string comes from the Fluent files in
//! assets/i18n, in French or English.
pub mod format;
mod message;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use message::{Arg, Message, out_of_bounds};
use unic_langid::LanguageIdentifier;

/// A language of the game.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];

    /// The ISO code: "en" or "fr".
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// The language of a code, if the game speaks it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| code.eq_ignore_ascii_case(l.code()))
    }

    /// The language of a locale such as `fr_FR.UTF-8` or `fr-BE` (the environment's `LANG`);
    /// `None` for a language the game does not speak.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let code = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
        Language::from_code(code)
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set, French if it says so, otherwise English.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .next()
            .and_then(|locale| Language::from_locale(&locale))
            .unwrap_or_default()
    }

    /// The language's Fluent files: the game's screens, the command line, the error messages.
    fn sources(self) -> [&'static str; 3] {
        match self {
            Language::En => [
                include_str!("../../assets/i18n/en/game.ftl"),
                include_str!("../../assets/i18n/en/cli.ftl"),
                include_str!("../../assets/i18n/en/errors.ftl"),
            ],
            Language::Fr => [
                include_str!("../../assets/i18n/fr/game.ftl"),
                include_str!("../../assets/i18n/fr/cli.ftl"),
                include_str!("../../assets/i18n/fr/errors.ftl"),
            ],
        }
    }
}

/// A number inside an English message: grouped thousands, a point for decimals.
fn number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(Language::En, value)
}

/// A number inside a French message: narrow no-break spaces for thousands, a comma.
fn number_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(Language::Fr, value)
}

fn number_in(language: Language, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let v = n.value;
    if !n.options.use_grouping {
        return None;
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let sign = if v < 0.0 { "-" } else { "" };
        Some(format!("{sign}{}", format::count(language, v.abs() as u64)))
    } else {
        Some(format::decimal(language, v))
    }
}

/// The messages of one language.
pub struct Translations {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Translations {
    /// Loads a language's messages, built into the binary so the web build needs no files.
    pub fn new(language: Language) -> Translations {
        let id: LanguageIdentifier = language.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: they show as boxes in egui's fonts.
        bundle.set_use_isolating(false);
        // Numbers in messages as the language writes them ("2,408" / "2 408").
        bundle.set_formatter(Some(match language {
            Language::En => number_en,
            Language::Fr => number_fr,
        }));
        for source in language.sources() {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(resource, _)| resource);
            // A message defined twice keeps its first definition; a test checks the files are
            // clean.
            let _ = bundle.add_resource(resource);
        }
        Translations { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// A message without arguments; an unknown id shows as the id itself, never a panic.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with named arguments.
    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The ids of every message, for checks that both languages say everything.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for source in self.language.sources() {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            ids.extend(resource.entries().filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            }));
        }
        ids
    }
}

/// The message key naming a transparency layer.
pub fn layer_key(layer: crate::sim::Transparency) -> &'static str {
    match layer {
        crate::sim::Transparency::Opaque => "layer-opaque",
        crate::sim::Transparency::Disclosed => "layer-disclosed",
        crate::sim::Transparency::Glass => "layer-glass",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_parse_and_say_the_same_things() {
        for language in Language::ALL {
            for source in language.sources() {
                FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("{language:?}: {errors:?}"));
            }
        }
        let mut en = Translations::new(Language::En).ids();
        let mut fr = Translations::new(Language::Fr).ids();
        en.sort();
        fr.sort();
        // No message is defined twice, in one file or across files.
        for ids in [&en, &fr] {
            let twice: Vec<_> = ids.windows(2).filter(|w| w[0] == w[1]).collect();
            assert!(twice.is_empty(), "defined twice: {twice:?}");
        }
        let only_en: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        let only_fr: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        assert!(
            only_en.is_empty() && only_fr.is_empty(),
            "missing in French: {only_en:?}; missing in English: {only_fr:?}"
        );
    }

    #[test]
    fn plurals_and_arguments() {
        let fr = Translations::new(Language::Fr);
        assert_eq!(
            fr.format("scenario-turns", &[("turns", 24.into())]),
            "24 mois à jouer"
        );
        let en = Translations::new(Language::En);
        assert_eq!(
            en.format("scenario-turns", &[("turns", 1.into())]),
            "One month to play"
        );
        assert_eq!(en.get("no-such-message"), "no-such-message");
        // Numbers inside messages are grouped as the language writes them.
        assert_eq!(
            fr.format("chain-payments", &[("payments", 2408.into())]),
            "2\u{202f}408 paiements par carte"
        );
        assert_eq!(
            en.format("chain-payments", &[("payments", 2408.into())]),
            "2,408 card payments"
        );
    }

    #[test]
    fn the_environment_chooses_french_only_when_it_says_so() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Language::from_environment(env(&[("LANG", "fr_FR.UTF-8")])),
            Language::Fr
        );
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            Language::En
        );
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA")])),
            Language::Fr
        );
        assert_eq!(
            Language::from_environment(env(&[("LANG", "de_DE.UTF-8")])),
            Language::En
        );
        assert_eq!(Language::from_environment(env(&[])), Language::En);
    }
}
