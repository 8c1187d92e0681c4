//! The debrief: each role's outcome against the scenario's objectives, where the money went
//! (in total and per product), what each player could not see, the discussion prompts, and the
//! questionnaire, player after player, after consent.
use crate::game::widgets::hook;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::feedback::Answer;
use crate::game::records::Records;
use crate::game::widgets::glossary;
use crate::game::{Action, Screen, Table, Tr, panels, root_ui};
use crate::i18n::{Translations, format};
use crate::scenario::QuestionSpec;
use crate::session::Session;
use crate::sim::{Money, Own, Product, SeatView, Secret, Transparency, secrets};

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        system.run_if(in_state(Screen::Debrief)),
    );
}

/// The parts of the debrief.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Results,
    Money,
    Hidden,
    Tables,
    Lessons,
    Discussion,
    Questionnaire,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Results,
        Part::Money,
        Part::Hidden,
        Part::Tables,
        Part::Lessons,
        Part::Discussion,
        Part::Questionnaire,
    ];

    fn key(self) -> &'static str {
        match self {
            Part::Results => "debrief-results",
            Part::Money => "debrief-money",
            Part::Hidden => "debrief-hidden",
            Part::Tables => "debrief-tables",
            Part::Lessons => "debrief-lessons",
            Part::Discussion => "debrief-discussion",
            Part::Questionnaire => "debrief-questionnaire",
        }
    }
}

pub fn show(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    records: &mut Records,
    part: &mut Part,
    compare: &mut super::tables::Comparison,
) -> Vec<Action> {
    let mut actions = Vec::new();
    super::top_bar(ui, tr, &tr.get("debrief"), &mut actions);
    egui::Panel::bottom("debrief-buttons").show(ui, |ui| {
        // The log's path is long: it wraps rather than run off the window.
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.get("new-game")).clicked() {
                actions.push(Action::NewGame);
            }
            if cfg!(target_arch = "wasm32") && ui.button(tr.get("download-session-log")).clicked() {
                actions.push(Action::DownloadSessionLog);
            }
            if let Some(path) = &records.session_log {
                ui.label(
                    egui::RichText::new(tr.format(
                        "session-log-at",
                        &[("path", path.display().to_string().into())],
                    ))
                    .small()
                    .weak(),
                );
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for p in Part::ALL {
                let label = tr.get(p.key());
                let tab = ui.selectable_label(*part == p, &label);
                if hook::pressed(ui, &tab, &label) {
                    *part = p;
                }
            }
        });
        ui.separator();
        // Both ways: a wide table scrolls sideways instead of pushing the vertical bar off the
        // window (at 200%).
        egui::ScrollArea::both()
            .id_salt(("debrief", part.key()))
            .auto_shrink(false)
            .show(ui, |ui| match part {
                Part::Results => results(ui, tr, session),
                Part::Money => money(ui, tr, session),
                Part::Hidden => hidden(ui, tr, session),
                Part::Tables => super::tables::show(ui, tr, session, compare),
                Part::Lessons => super::tables::lessons(ui, tr, session.scenario(), compare),
                Part::Discussion => discussion(ui, tr, session),
                Part::Questionnaire => questionnaire(ui, tr, session, records, &mut actions),
            });
    });
    actions
}

fn results(ui: &mut egui::Ui, tr: &Translations, session: &Session) {
    let lang = tr.language();
    let economy = session.economy();
    let code = lang.code();
    if !session.scenario().file.objectives.is_empty() {
        ui.strong(tr.get("objectives"));
        for o in &session.scenario().file.objectives {
            ui.label(format!("• {}", o.get(code)));
        }
        ui.add_space(8.0);
    }
    for &seat in session.humans() {
        let Some(view) = session.view(seat) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(panels::seat_label(tr, &view));
            ui.label(outcome(tr, session, &view));
        });
    }
    ui.add_space(8.0);
    let summary = economy.summary();
    ui.heading(tr.get("debrief-banks"));
    egui::Grid::new("debrief-banks")
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(tr.get("profit"));
            glossary::term(ui, tr, "nim");
            ui.strong(tr.get("nii-share"));
            glossary::term(ui, tr, "cost-of-risk");
            ui.strong(tr.get("roe"));
            ui.strong(tr.get("clients"));
            ui.end_row();
            for bank in &summary.banks {
                let r = &bank.ratios;
                ui.label(&bank.name);
                ui.label(format::money(lang, r.pnl.net_profit()));
                ui.label(format::rate(lang, r.net_interest_margin));
                ui.label(format::rate(lang, r.nii_share));
                ui.label(format::rate(lang, r.cost_of_risk));
                ui.label(format::rate(lang, r.return_on_equity));
                ui.label(bank.clients.to_string());
                ui.end_row();
            }
        });
    let m = &summary.merchants;
    ui.label(tr.format(
        "debrief-shops",
        &[
            ("sales", format::euros(lang, m.sales).into()),
            ("fees", format::euros(lang, m.card_fees).into()),
            ("income", format::euros(lang, m.net_income).into()),
        ],
    ));
    if summary.turns_played > 0 {
        ui.label(tr.format(
            "debrief-households",
            &[("trust", summary.households.average_trust.into())],
        ));
    }
}

/// One seat's outcome in a sentence.
fn outcome(tr: &Translations, session: &Session, view: &SeatView) -> String {
    let lang = tr.language();
    match &view.own {
        Own::Client(c) => tr.format(
            "outcome-client",
            &[
                ("balance", format::money(lang, c.balance).into()),
                ("savings", format::money(lang, c.savings).into()),
                ("trust", c.trust.into()),
            ],
        ),
        Own::Bank(b) => {
            let r = session.economy().bank_ratios(b.bank);
            tr.format(
                "outcome-bank",
                &[
                    ("profit", format::money(lang, r.pnl.net_profit()).into()),
                    ("nim", format::rate(lang, r.net_interest_margin).into()),
                    ("roe", format::rate(lang, r.return_on_equity).into()),
                    ("clients", b.last_activity.clients.into()),
                ],
            )
        }
        Own::Merchant(m) => {
            let income = m
                .history
                .iter()
                .fold(Money::ZERO, |a, s| a.saturating_add(s.net_income));
            let fees = m
                .history
                .iter()
                .fold(Money::ZERO, |a, s| a.saturating_add(s.card_fees));
            tr.format(
                "outcome-merchant",
                &[
                    ("income", format::money(lang, income).into()),
                    ("fees", format::money(lang, fees).into()),
                ],
            )
        }
    }
}

fn money(ui: &mut egui::Ui, tr: &Translations, session: &Session) {
    let lang = tr.language();
    let economy = session.economy();
    let turns = economy.reports().len() as u16;
    ui.heading(tr.get("chain-whole-game"));
    let chain = economy
        .card_value_chain(1..=turns)
        .as_seen(Transparency::Glass);
    let (nodes, links) = panels::chain::diagram(tr, &chain, 1.0);
    ui.add(crate::game::widgets::sankey::Sankey {
        nodes: &nodes,
        links: &links,
        height: 300.0,
        hidden_text: &tr.get("hidden-why"),
    });
    ui.add_space(12.0);
    ui.heading(tr.get("debrief-products"));
    ui.label(tr.get("debrief-products-intro"));
    let products = Product::OF_BANKS;
    egui::Grid::new("products").striped(true).show(ui, |ui| {
        ui.label("");
        for p in products {
            ui.strong(tr.get(&format!("product-{}", p.key())));
        }
        ui.strong(tr.get("product-none"));
        ui.strong(tr.get("profit"));
        ui.end_row();
        for bank in economy.banks() {
            ui.label(&bank.name);
            // The tax belongs to no product: with it, the row adds up.
            for p in products.into_iter().chain([Product::None]) {
                let m = economy.bank_margin(bank.id, p, 1..=turns);
                // A lending product with its yearly return on the capital its loans tie up.
                let lends = matches!(
                    p,
                    Product::ConsumerLoan | Product::Mortgage | Product::BusinessLoan
                );
                match m.return_on_capital(turns).filter(|_| lends) {
                    Some(r) => ui.label(format!(
                        "{} ({})",
                        format::euros(lang, m.margin),
                        format::rate(lang, r)
                    )),
                    None => ui.label(format::euros(lang, m.margin)),
                };
            }
            ui.label(format::euros(
                lang,
                economy.bank_ratios(bank.id).pnl.net_profit(),
            ));
            ui.end_row();
        }
    });
}

fn hidden(ui: &mut egui::Ui, tr: &Translations, session: &Session) {
    let lang = tr.language();
    let economy = session.economy();
    ui.label(tr.get("debrief-hidden-intro"));
    if session.humans().is_empty() {
        ui.label(tr.get("debrief-no-players"));
    }
    let bank_name =
        |b: crate::sim::BankId| economy.bank(b).map(|b| b.name.clone()).unwrap_or_default();
    for &seat in session.humans() {
        let Some(view) = session.view(seat) else {
            continue;
        };
        ui.add_space(8.0);
        ui.strong(panels::seat_label(tr, &view));
        let found = secrets(economy, seat);
        if found.is_empty() {
            ui.label(tr.get("nothing-hidden"));
            continue;
        }
        egui::Grid::new(("secrets", format!("{seat:?}")))
            .striped(true)
            .show(ui, |ui| {
                ui.strong(tr.get("secret-what"));
                ui.strong(tr.get("secret-you-saw"));
                ui.strong(tr.get("secret-truth"));
                ui.end_row();
                for s in found {
                    let (what, truth) = match s {
                        Secret::IrregularFee { bank, fee } => (
                            tr.format("secret-irregular", &[("bank", bank_name(bank).into())]),
                            format::money(lang, fee),
                        ),
                        Secret::OverdraftRate { bank, rate } => (
                            tr.format("secret-overdraft", &[("bank", bank_name(bank).into())]),
                            format::rate(lang, rate),
                        ),
                        Secret::LoanMargin { bank, margin } => (
                            tr.format("secret-loan-margin", &[("bank", bank_name(bank).into())]),
                            format::rate(lang, margin),
                        ),
                        Secret::BankProfit { bank, profit } => (
                            tr.format("secret-profit", &[("bank", bank_name(bank).into())]),
                            format::money(lang, profit),
                        ),
                        Secret::BankMargin { bank, nim } => (
                            tr.format("secret-nim", &[("bank", bank_name(bank).into())]),
                            format::rate(lang, nim),
                        ),
                        Secret::CardFee { bank, msc } => (
                            tr.format("secret-card-fee", &[("bank", bank_name(bank).into())]),
                            format::rate(lang, msc),
                        ),
                        Secret::OwnRate { rate } => (
                            tr.get("secret-own-rate"),
                            tr.format(
                                "secret-rate-parts",
                                &[
                                    ("funds", format::rate(lang, rate.cost_of_funds).into()),
                                    ("cost", format::rate(lang, rate.operating_cost).into()),
                                    ("loss", format::rate(lang, rate.expected_loss).into()),
                                    ("capital", format::rate(lang, rate.cost_of_capital).into()),
                                    ("margin", format::rate(lang, rate.margin).into()),
                                ],
                            ),
                        ),
                        Secret::OwnCardFees { split } | Secret::CardFeesOfTheGame { split } => (
                            if matches!(s, Secret::OwnCardFees { .. }) {
                                tr.get("secret-own-card-fees")
                            } else {
                                tr.get("secret-game-card-fees")
                            },
                            tr.format(
                                "secret-fee-split",
                                &[
                                    ("interchange", format::money(lang, split.interchange).into()),
                                    ("scheme", format::money(lang, split.scheme_fee).into()),
                                    (
                                        "acquirer",
                                        format::money(lang, split.acquirer_margin).into(),
                                    ),
                                ],
                            ),
                        ),
                    };
                    ui.label(what);
                    crate::game::widgets::hidden(ui, tr);
                    ui.label(truth);
                    ui.end_row();
                }
            });
    }
}

fn discussion(ui: &mut egui::Ui, tr: &Translations, session: &Session) {
    let code = tr.language().code();
    let prompts = &session.scenario().file.discussion;
    if prompts.is_empty() {
        ui.label(tr.get("no-discussion"));
    }
    for (i, p) in prompts.iter().enumerate() {
        ui.label(egui::RichText::new(format!("{}. {}", i + 1, p.get(code))).size(20.0));
        ui.add_space(10.0);
    }
}

fn questionnaire(
    ui: &mut egui::Ui,
    tr: &Translations,
    session: &Session,
    records: &mut Records,
    actions: &mut Vec<Action>,
) {
    let code = tr.language().code();
    let q = &mut records.questionnaire;
    ui.heading(tr.format("respondent", &[("n", q.respondent.into())]));
    match q.consent {
        None => {
            ui.label(tr.get("consent-what"));
            ui.label(tr.get("consent-anonymous"));
            ui.horizontal(|ui| {
                for (key, consent) in [("consent-yes", true), ("consent-no", false)] {
                    let label = tr.get(key);
                    let button = ui.button(&label);
                    if hook::pressed(ui, &button, &label) {
                        q.consent = Some(consent);
                    }
                }
            });
            return;
        }
        Some(false) => {
            ui.label(tr.get("consent-declined"));
        }
        Some(true) if q.saved => {
            ui.label(tr.get("answers-saved"));
            if let Some(path) = &records.feedback_log {
                ui.label(
                    egui::RichText::new(path.display().to_string())
                        .monospace()
                        .small(),
                );
            }
        }
        Some(true) => {
            for question in &session.scenario().file.debrief {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ask(ui, tr, code, question, &mut q.answers);
                });
            }
            if let Some(e) = &q.error {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr.format("save-failed", &[("error", e.clone().into())]),
                );
                #[cfg(not(target_arch = "wasm32"))]
                ui.horizontal(|ui| {
                    ui.label(tr.get("save-elsewhere"));
                    ui.text_edit_singleline(&mut q.other_path);
                    if ui.button(tr.get("save-there")).clicked() && !q.other_path.trim().is_empty()
                    {
                        actions.push(Action::SaveAnswersTo(q.other_path.trim().to_string()));
                    }
                });
                // The browser cannot keep them: the player takes them as a file.
                #[cfg(target_arch = "wasm32")]
                if ui.button(tr.get("download-answers")).clicked() {
                    actions.push(Action::DownloadAnswers);
                }
            }
            let ready = !q.answers.is_empty();
            let label = tr.get("save-answers");
            let save = ui.add_enabled(ready, egui::Button::new(&label));
            if ready && hook::pressed(ui, &save, &label) {
                actions.push(Action::SaveAnswers);
            }
        }
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        let label = tr.get("next-respondent");
        let next = ui.button(&label);
        if hook::pressed(ui, &next, &label) {
            actions.push(Action::NextRespondent);
        }
        if records.feedback_log.is_some() && ui.button(tr.get("export-answers")).clicked() {
            actions.push(Action::ExportFeedback);
        }
    });
    for path in &records.exported {
        ui.label(
            egui::RichText::new(path.display().to_string())
                .monospace()
                .small(),
        );
    }
}

/// One question and its answer widget.
pub(crate) fn ask(
    ui: &mut egui::Ui,
    tr: &Translations,
    code: &str,
    question: &QuestionSpec,
    answers: &mut std::collections::BTreeMap<String, Answer>,
) {
    let id = question.id().to_string();
    match question {
        QuestionSpec::Likert { prompt, scale, .. } => {
            ui.label(prompt.get(code));
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(tr.get("likert-low")).small());
                for n in 1..=*scale {
                    let chosen = answers.get(&id) == Some(&Answer::Likert(n));
                    let mark = ui.selectable_label(chosen, n.to_string());
                    // Named for a test by the question's id: every scale has its "3".
                    if hook::pressed(ui, &mark, &format!("{id}: {n}")) {
                        answers.insert(id.clone(), Answer::Likert(n));
                    }
                }
                ui.label(egui::RichText::new(tr.get("likert-high")).small());
            });
        }
        QuestionSpec::Choice {
            prompt, options, ..
        } => {
            ui.label(prompt.get(code));
            for (i, o) in options.iter().enumerate() {
                let chosen =
                    matches!(answers.get(&id), Some(Answer::Choice { index, .. }) if *index == i);
                let radio = ui.radio(chosen, o.get(code));
                if hook::pressed(ui, &radio, &format!("{id}: {}", o.en)) {
                    answers.insert(
                        id.clone(),
                        Answer::Choice {
                            index: i,
                            text: o.en.clone(),
                        },
                    );
                }
            }
        }
        QuestionSpec::FreeText { prompt, .. } => {
            ui.label(prompt.get(code));
            let mut text = match answers.get(&id) {
                Some(Answer::FreeText(t)) => t.clone(),
                _ => String::new(),
            };
            if ui.text_edit_multiline(&mut text).changed() {
                if text.trim().is_empty() {
                    answers.remove(&id);
                } else {
                    answers.insert(id, Answer::FreeText(text));
                }
            }
        }
    }
}

fn system(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    mut table: ResMut<Table>,
    mut records: ResMut<Records>,
    mut out: MessageWriter<Action>,
) -> Result {
    let table = &mut *table;
    let Some(session) = table.session.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    out.write_batch(show(
        &mut root,
        &tr.0,
        session,
        &mut records,
        &mut table.debrief,
        &mut table.compare,
    ));
    Ok(())
}
