//! Loading scenario files: syntax errors with a snippet, every semantic problem at once with its
//! path, references between actors, and the defaults of a minimal file.
use super::*;

/// A minimal valid scenario with `extra` fields added at the end.
fn file(extra: &str) -> String {
    format!(
        r#"(
    id: "t",
    title: (en: "T", fr: "T"),
    description: (en: "D", fr: "D"),
    turns: 12,
    seed: 1,
    banks: [(id: "a", name: "A", capital: 1000), (id: "b", name: "B", capital: 1000)],
    {extra}
)"#
    )
}

fn problems(text: &str) -> Vec<String> {
    match load(text, "t.ron") {
        Err(ScenarioError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(e) => panic!("expected semantic problems, got {e}"),
        Ok(_) => Vec::new(),
    }
}

#[test]
fn syntax_errors_say_where_with_a_snippet() {
    let err = load("(\n  id: \"x\",\n  title: oops\n)", "bad.ron").unwrap_err();
    let ScenarioError::Syntax {
        line,
        column,
        snippet,
        ..
    } = &err
    else {
        panic!("{err}")
    };
    assert_eq!((*line, *column), (3, 10));
    assert!(err.to_string().starts_with("bad.ron:3:10: "), "{err}");
    assert_eq!(snippet, "3 |   title: oops\n  |          ^");
}

#[test]
fn unknown_fields_are_syntax_errors_naming_the_field() {
    let err = load(&file("colour: \"red\","), "t.ron").unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
}

#[test]
fn a_minimal_file_loads_with_defaults() {
    let s = load(&file(""), "t.ron").unwrap();
    let config = s.economy();
    assert_eq!(config.banks.len(), 2);
    assert!(config.merchants.is_empty() && config.clients.is_empty());
    assert_eq!(config.params, crate::sim::euro_area_params());
    // Both banker seats of each bank when the file names none.
    assert_eq!(s.human_seats().len(), 4);
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let found = problems(&file(
        r#"
    merchants: [
        (id: "m", name: "M", bank: "bnp", goods: [], markup_bp: 100, rent: -5),
    ],
    clients: [
        (id: "c", bank: "a", income: 2000, fixed_costs: 800, spending_budget: 900,
         pd_bp: 12000, shops: ["m", "nowhere"]),
    ],
    events: [
        (turn: 13, event: policy_rate(rate_bp: 450)),
        (turn: 0, event: recession(months: 0, income_cut_bp: 500, pd_rise_bp: 100)),
    ],
    human_seats: [(role: merchant, actor: "a")],
    debrief: [free_text(id: "q", prompt: (en: "?", fr: "?")), free_text(id: "q", prompt: (en: "?", fr: ""))],
"#,
    ));
    let expected = [
        "merchants[0].goods: a shop needs at least one good",
        "merchants[0].bank: no bank with id \"bnp\"",
        "merchants[0].rent: must be >= 0, found -5",
        "clients[0].shops[1]: no merchant with id \"nowhere\"",
        "clients[0].pd_bp: must be <= 10000, found 12000",
        "events[0].turn: turn 13 is after the last turn (12)",
        "events[1].turn: must be >= 1 (events happen at the start of a turn)",
        "events[1].event.months: must be >= 1, found 0",
        "debrief[1].id: the id \"q\" is already used by debrief[0]",
        "debrief[1].prompt.fr: must not be empty",
        "human_seats[0].actor: no merchant with id \"a\"",
    ];
    for e in expected {
        assert!(found.iter().any(|f| f == e), "missing {e:?} in {found:#?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn the_design_example_reads_as_written() {
    let text = file("").replace(
        "(id: \"b\", name: \"B\", capital: 1000)",
        "(id: \"b\", name: \"B\", capital: 1000, products: [consumer_loan(rate: (margin_bp: -50))])",
    );
    assert_eq!(
        problems(&text),
        ["banks[1].products[0].rate.margin_bp: must be >= 0, found -50"]
    );
}

#[test]
fn ids_must_be_unique_and_populations_named_apart() {
    let found = problems(&file(
        r#"
    clients: [
        (id: "household-2", bank: "a", income: 1, fixed_costs: 0, spending_budget: 0),
        (id: "x", bank: "a", income: 1, fixed_costs: 0, spending_budget: 0),
        (id: "x", bank: "a", income: 1, fixed_costs: 0, spending_budget: 0),
    ],
    client_populations: [(count: 3), (count: 2, id_prefix: "household-1"), (count: 2, id_prefix: "household-b")],
"#,
    ));
    assert!(found.contains(&"clients[2].id: the id \"x\" is already used by clients[1].id".into()));
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("clients[0].id: the id \"household-2\""))
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("client_populations[1].id_prefix"))
    );
}

#[test]
fn products_overlay_the_ordinary_bank_and_may_not_repeat() {
    let text = file("").replace(
        "(id: \"b\", name: \"B\", capital: 1000)",
        "(id: \"b\", name: \"B\", capital: 1000, products: [savings(rate_bp: 100), \
         acquiring(margin_bp: 50), savings(rate_bp: 200)])",
    );
    assert_eq!(
        problems(&text),
        ["banks[1].products[2]: savings is listed twice (also products[0])"]
    );
    let text = text.replace(", savings(rate_bp: 200)", "");
    let config = load(&text, "t.ron").unwrap().economy();
    let (a, b) = (&config.banks[0], &config.banks[1]);
    assert_eq!(b.retail.savings_rate, crate::sim::Bp(100));
    assert_eq!(b.business.merchant_fees.acquirer_margin, crate::sim::Bp(50));
    assert_eq!(b.retail.consumer_loans, a.retail.consumer_loans);
}

#[test]
fn amounts_are_euros_rounded_to_the_cent() {
    let text = file(
        r#"clients: [(id: "c", bank: "a", income: 1234.567, fixed_costs: 0.1, spending_budget: 3)],"#,
    );
    let config = load(&text, "t.ron").unwrap().economy();
    assert_eq!(config.clients[0].income, crate::sim::Money::cents(123_457));
    assert_eq!(config.clients[0].fixed_costs, crate::sim::Money::cents(10));
    let found = problems(&file(
        r#"clients: [(id: "c", bank: "a", income: 1e300, fixed_costs: 0, spending_budget: 0)],"#,
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("clients[0].income: must be a number of at most"));
}

#[test]
fn huge_populations_are_refused_before_anything_is_drawn() {
    let found = problems(&file("client_populations: [(count: 4000000000)],"));
    assert_eq!(
        found,
        ["client_populations: at most 1000000 households in all, found 4000000000"]
    );
}

#[test]
fn population_members_can_take_seats_and_timelines_sort_by_turn() {
    let s = load(
        &file(
            r#"
    merchant_populations: [(count: 4)],
    client_populations: [(count: 10)],
    human_seats: [(role: client, actor: "household-10"), (role: merchant, actor: "shop-4")],
    events: [
        (turn: 5, event: transparency(glass)),
        (turn: 2, event: message(en: "Hello", fr: "Bonjour")),
        (turn: 5, event: interchange_cap(debit_bp: 20, credit_bp: None)),
    ],
"#,
        ),
        "t.ron",
    )
    .unwrap();
    use crate::sim::{ClientId, MerchantId, Seat, Shock, Transparency};
    assert_eq!(
        s.human_seats(),
        [Seat::Client(ClientId(9)), Seat::Merchant(MerchantId(3))]
    );
    let turns: Vec<_> = s.timeline().iter().map(|e| e.turn).collect();
    assert_eq!(turns, [2, 5, 5]);
    assert_eq!(
        s.timeline()[1].what,
        Scripted::Shock(Shock::Transparency(Transparency::Glass))
    );
}

#[test]
fn written_back_a_scenario_reads_the_same() {
    let text = crate::DEFAULT_SCENARIO;
    let first = parse(text, "one_town.ron").unwrap();
    let again = parse(&to_ron(&first), "again.ron").unwrap();
    assert_eq!(first, again);
}

#[test]
fn windows_line_ends_and_a_byte_order_mark_are_fine() {
    let text = format!("\u{feff}{}", file("").replace('\n', "\r\n"));
    assert!(load(&text, "t.ron").is_ok());
}

/// Every message a scenario error can hold, put into words in a language: neither a bare id
/// (a message missing from that language) nor a `{$argument}` left unfilled.
fn assert_reads_in_both_languages(message: &crate::i18n::Message) {
    use crate::i18n::{Arg, Language, Translations};
    for language in Language::ALL {
        let text = Translations::shared(language).message(message);
        // Braces quoted in backticks are ron's syntax, shown on purpose.
        let unquoted = text.replace("`{`", "").replace("`}`", "");
        assert!(
            text != message.id && !unquoted.contains('{'),
            "{language:?}: {}: {text:?}",
            message.id
        );
    }
    for (_, arg) in &message.args {
        match arg {
            Arg::Message(inner) => assert_reads_in_both_languages(inner),
            Arg::Lines(lines) => lines.iter().for_each(assert_reads_in_both_languages),
            Arg::Number(_) | Arg::Text(_) | Arg::Amount(..) => {}
        }
    }
}

/// The ids of a message and of the messages inside it.
fn ids(message: &crate::i18n::Message, out: &mut std::collections::BTreeSet<&'static str>) {
    use crate::i18n::Arg;
    out.insert(message.id);
    for (_, arg) in &message.args {
        match arg {
            Arg::Message(inner) => ids(inner, out),
            Arg::Lines(lines) => lines.iter().for_each(|m| ids(m, out)),
            Arg::Number(_) | Arg::Text(_) | Arg::Amount(..) => {}
        }
    }
}

#[test]
fn every_problem_of_a_scenario_reads_in_both_languages() {
    let many = file(
        r#"
    merchants: [
        (id: "m", name: "M", bank: "bnp", goods: [], markup_bp: 100, rent: -5),
        (id: "n", name: "", bank: "a", goods: [(name: "g", unit_cost: 0)], markup_bp: 100, rent: 5),
        (id: "shop-1", name: "S", bank: "a", goods: [(name: "g", unit_cost: 1)], markup_bp: 100, rent: 5),
    ],
    merchant_populations: [(count: 200000)],
    clients: [
        (id: "c", bank: "a", income: 1e300, fixed_costs: 800, spending_budget: 900,
         pd_bp: 12000, shops: ["m", "nowhere"]),
        (id: "c", bank: "a", income: 1, fixed_costs: 0, spending_budget: 0),
    ],
    client_populations: [
        (count: 3, income: (min: 3000, max: 1000)),
        (count: 2000000, id_prefix: "household-1"),
    ],
    events: [
        (turn: 13, event: policy_rate(rate_bp: 450)),
        (turn: 0, event: recession(months: 0, income_cut_bp: 500, pd_rise_bp: 100)),
    ],
    human_seats: [
        (role: merchant, actor: "a"),
        (role: client, actor: "nobody"),
        (role: retail_banker, actor: "a"),
        (role: retail_banker, actor: "a"),
    ],
    debrief: [
        free_text(id: "q", prompt: (en: "?", fr: "?")),
        free_text(id: "q", prompt: (en: "?", fr: "")),
        choice(id: "r", prompt: (en: "?", fr: "?"), options: [(en: "yes", fr: "oui")]),
    ],
    lessons: [
        (metric: bank_clients("nobody"), compare: layers(glass, glass), expect: lower),
        (metric: households_fees_paid, compare: event(fraud_wave), expect: higher),
    ],
"#,
    )
    .replace(
        "(id: \"b\", name: \"B\", capital: 1000)",
        "(id: \"b\", name: \"B\", capital: 1000, products: [savings(), savings()])",
    );
    let no_banks = file("").replace(
        r#"[(id: "a", name: "A", capital: 1000), (id: "b", name: "B", capital: 1000)]"#,
        "[]",
    );
    let banks: Vec<String> = (0..=MAX_BANKS)
        .map(|i| format!("(id: \"b{i}\", name: \"B\", capital: 1000)"))
        .collect();
    let too_many_banks = file("").replace(
        r#"[(id: "a", name: "A", capital: 1000), (id: "b", name: "B", capital: 1000)]"#,
        &format!("[{}]", banks.join(", ")),
    );
    // A quiz too long, with a question of one option whose answer is not among them.
    let question = |i: usize| {
        format!(
            r#"(id: "q{i}", prompt: (en: "?", fr: "?"), options: [(en: "a", fr: "a"), (en: "b", fr: "b")], answer: 0)"#
        )
    };
    let mut questions: Vec<String> = (0..12).map(question).collect();
    questions.push(
        r#"(id: "odd", prompt: (en: "?", fr: "?"), options: [(en: "a", fr: "a")], answer: 3)"#
            .to_string(),
    );
    let quiz = file(&format!("    quiz: [{}],\n", questions.join(", ")));
    let mut seen = std::collections::BTreeSet::new();
    for text in [&many, &no_banks, &too_many_banks, &quiz] {
        let err = load(text, "t.ron").unwrap_err();
        assert!(matches!(err, ScenarioError::Invalid { .. }), "{err}");
        assert_reads_in_both_languages(&err.to_message());
        ids(&err.to_message(), &mut seen);
    }
    // Every problem of the error messages' file has been met above.
    let defined = include_str!("../../assets/i18n/en/errors.ftl")
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id);
    let framing = ["scenario-syntax", "scenario-problems", "scenario-problem"];
    for id in defined.filter(|id| id.starts_with("scenario-") && !framing.contains(id)) {
        assert!(seen.contains(id), "no test file shows {id}");
    }
}

#[test]
fn every_kind_of_syntax_error_reads_in_both_languages() {
    use ron::error::Error as Ron;
    let kinds = [
        Ron::Eof,
        Ron::ExpectedArray,
        Ron::ExpectedArrayEnd,
        Ron::ExpectedBoolean,
        Ron::ExpectedComma,
        Ron::ExpectedChar,
        Ron::ExpectedFloat,
        Ron::ExpectedInteger,
        Ron::ExpectedOption,
        Ron::ExpectedOptionEnd,
        Ron::ExpectedStructLikeEnd,
        Ron::ExpectedMap,
        Ron::ExpectedMapColon,
        Ron::ExpectedMapEnd,
        Ron::ExpectedStructLike,
        Ron::ExpectedNamedStructLike(""),
        Ron::ExpectedNamedStructLike("Text"),
        Ron::ExpectedDifferentStructName {
            expected: "Text",
            found: "oops".into(),
        },
        Ron::ExpectedUnit,
        Ron::ExpectedString,
        Ron::ExpectedStringEnd,
        Ron::ExpectedIdentifier,
        Ron::IntegerOutOfBounds,
        Ron::InvalidIntegerDigit {
            digit: 'z',
            base: 10,
        },
        Ron::FloatUnderscore,
        Ron::UnderscoreAtBeginning,
        Ron::UnclosedBlockComment,
        Ron::UnexpectedChar('§'),
        Ron::TrailingCharacters,
        Ron::ExceededRecursionLimit,
        Ron::InvalidValueForType {
            expected: "u16".into(),
            found: "the string \"x\"".into(),
        },
        Ron::InvalidValueForType {
            expected: "struct Text".into(),
            found: "the signed integer `-5`".into(),
        },
        Ron::InvalidValueForType {
            expected: "a sequence".into(),
            found: "a map".into(),
        },
        Ron::InvalidValueForType {
            expected: "something else".into(),
            found: "the floating point number `1.5`".into(),
        },
        Ron::ExpectedDifferentLength {
            expected: "a sequence of 2 elements".into(),
            found: 1,
        },
        Ron::NoSuchEnumVariant {
            expected: &["fair", "greedy"],
            found: "sneaky".into(),
            outer: Some("Strategy".into()),
        },
        Ron::NoSuchStructField {
            expected: &["id", "title", "turns"],
            found: "colour".into(),
            outer: None,
        },
        Ron::NoSuchStructField {
            expected: &[],
            found: "x".into(),
            outer: Some("Unit".into()),
        },
        Ron::NoSuchStructField {
            expected: &["only"],
            found: "x".into(),
            outer: None,
        },
        Ron::MissingStructField {
            field: "turns",
            outer: Some("scenario".into()),
        },
        Ron::DuplicateStructField {
            field: "turns",
            outer: None,
        },
        Ron::Message("a custom message".into()),
    ];
    for kind in &kinds {
        let error = ScenarioError::syntax("(\n  x\n)", "t.ron", 2, 3, syntax_message(kind));
        assert_reads_in_both_languages(&error.to_message());
    }
    // The place and the snippet stay, in French too.
    let err = load("(\n  id: \"x\",\n  title: oops\n)", "bad.ron").unwrap_err();
    let fr = err.describe(crate::i18n::Translations::shared(crate::i18n::Language::Fr));
    assert!(fr.starts_with("bad.ron:3:10 : "), "{fr}");
    assert!(fr.ends_with("3 |   title: oops\n  |          ^"), "{fr}");
}

#[test]
fn lessons_read_their_metric_comparison_and_direction() {
    use crate::scenario::{Compare, EventName, Expect};
    use crate::sim::{BankId, Metric, Transparency};
    let s = load(
        &file(
            r#"events: [(turn: 3, event: interchange_cap(debit_bp: 20, credit_bp: 30))],
    lessons: [
        (metric: bank_clients("b"), compare: layers(opaque, glass), expect: higher),
        (metric: merchants_card_fees, compare: event(interchange_cap), expect: lower),
    ],"#,
        ),
        "t.ron",
    )
    .unwrap();
    let l = s.lessons();
    assert_eq!(l[0].metric, Metric::BankClients(BankId(1)));
    assert_eq!(
        l[0].compare,
        Compare::Layers(Transparency::Opaque, Transparency::Glass)
    );
    assert_eq!(l[0].expect, Expect::Higher);
    assert_eq!(l[1].compare, Compare::Event(EventName::InterchangeCap));
    // Without the event, the timeline has nothing left to cap interchange.
    let [without, with] = l[1].compare.variants(&s);
    assert!(without.timeline().is_empty());
    assert_eq!(with.timeline().len(), 1);
    let [opaque, glass] = l[0].compare.variants(&s);
    assert_eq!(opaque.economy().params.transparency, Transparency::Opaque);
    assert_eq!(glass.economy().params.transparency, Transparency::Glass);
    let p = problems(&file(
        r#"lessons: [(metric: bank_nim("z"), compare: layers(opaque, opaque), expect: lower)],"#,
    ));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].starts_with("lessons[0].metric"), "{p:?}");
    assert!(p[1].starts_with("lessons[0].compare"), "{p:?}");
}
