//! The translation layer: every player-facing string comes from the Fluent files in
//! assets/i18n, in French or English.
pub mod format;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
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
    }
}
