//! The debrief's two tables: this game beside the same scenario, seed and players' decisions
//! held under another transparency layer, so the room sees what transparency changed; and beside
//! them the scenario's lessons, played by bots over many seeds while the part is open.
use bevy_egui::egui;

use crate::headless::{Finding, Study};
use crate::i18n::{Language, Message, Translations, format};
use crate::scenario::Scenario;
use crate::session::Session;
use crate::sim::{Money, Summary, Transparency};

/// The second table: its layer, and its outcome once played.
#[derive(Default)]
pub struct Comparison {
    /// The facilitator's choice; otherwise the opposite of this table's layer.
    pub layer: Option<Transparency>,
    played: Option<Played>,
    lessons: Option<Lessons>,
}

use crate::headless::LESSON_SEEDS;

/// Games played in one frame while the lessons are being worked out.
const GAMES_PER_FRAME: usize = 4;

/// The scenario's lessons, played by bots seed after seed.
struct Lessons {
    /// The scenario they belong to.
    scenario: String,
    study: Study,
    failed: Option<Message>,
}

struct Played {
    layer: Transparency,
    /// The months played and the books after the last: what both outcomes were read from.
    months: usize,
    fingerprint: Option<u64>,
    this: Summary,
    other: Result<Summary, crate::i18n::Message>,
}

impl Comparison {
    /// The layer the second table is held under.
    pub fn layer_for(&self, session: &Session) -> Transparency {
        self.layer
            .unwrap_or(match session.economy().params().transparency {
                Transparency::Glass => Transparency::Opaque,
                Transparency::Opaque | Transparency::Disclosed => Transparency::Glass,
            })
    }

    /// Both tables' outcomes, played again only when the game or the layer changed.
    fn outcomes(
        &mut self,
        session: &Session,
    ) -> (&Summary, &Result<Summary, crate::i18n::Message>) {
        let layer = self.layer_for(session);
        let months = session.played().len();
        let fingerprint = session.played().last().map(|p| p.fingerprint);
        let fresh = self.played.as_ref().is_some_and(|p| {
            p.layer == layer && p.months == months && p.fingerprint == fingerprint
        });
        if !fresh {
            self.played = None;
        }
        let played = self.played.get_or_insert_with(|| Played {
            layer,
            months,
            fingerprint,
            this: session.economy().summary(),
            other: session.treatment(layer).map(|t| t.economy().summary()),
        });
        (&played.this, &played.other)
    }
}

impl Comparison {
    /// Plays a few more games of the scenario's lessons; true once they are all played.
    pub fn work_on_lessons(&mut self, scenario: &Scenario, games: usize) -> bool {
        let fresh = self
            .lessons
            .as_ref()
            .is_some_and(|l| l.scenario == scenario.id());
        if !fresh {
            self.lessons = Some(Lessons {
                scenario: scenario.id().to_string(),
                study: Study::new(scenario, (1..=LESSON_SEEDS).collect()),
                failed: None,
            });
        }
        let Some(l) = self.lessons.as_mut() else {
            return true;
        };
        for _ in 0..games {
            if l.failed.is_some() || l.study.is_done() {
                break;
            }
            if let Err(why) = l.study.step() {
                l.failed = Some(why);
            }
        }
        l.failed.is_some() || l.study.is_done()
    }
}

/// The part of the debrief that shows both tables side by side, and the scenario's lessons over
/// many games beside them when the window is wide enough (a part of their own otherwise).
pub fn show(ui: &mut egui::Ui, tr: &Translations, session: &Session, compare: &mut Comparison) {
    if ui.available_width() >= WIDE {
        // Columns justify their text; these read better ragged.
        let ragged = egui::Layout::top_down(egui::Align::Min);
        ui.columns(2, |columns| {
            columns[0].with_layout(ragged, |ui| tables(ui, tr, session, compare));
            columns[1].with_layout(ragged, |ui| lessons(ui, tr, session.scenario(), compare));
        });
    } else {
        tables(ui, tr, session, compare);
        if !session.scenario().lessons().is_empty() {
            ui.add_space(12.0);
            ui.label(tr.get("lessons-see-part"));
        }
    }
}

/// The width from which the lessons go beside the two tables rather than under them.
const WIDE: f32 = 1_100.0;

/// This game and the same game under another layer, side by side.
fn tables(ui: &mut egui::Ui, tr: &Translations, session: &Session, compare: &mut Comparison) {
    let lang = tr.language();
    ui.heading(tr.get("tables-title"));
    ui.label(tr.get("tables-why"));
    let chosen = compare.layer_for(session);
    ui.horizontal(|ui| {
        ui.label(tr.get("tables-second-layer"));
        for layer in Transparency::ALL {
            if ui
                .selectable_label(chosen == layer, tr.get(crate::game::layer_key(layer)))
                .clicked()
            {
                compare.layer = Some(layer);
            }
        }
    });
    ui.add_space(6.0);
    let (this, other) = match compare.outcomes(session) {
        (this, Ok(other)) => (this, other),
        (_, Err(e)) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr.format("tables-failed", &[("reason", tr.message(e).into())]),
            );
            return;
        }
    };
    let layers = |o: &Summary| {
        o.layers
            .iter()
            .map(|l| tr.get(crate::game::layer_key(*l)))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    // Wider than the window at 200%: it scrolls sideways rather than lose its last column.
    egui::ScrollArea::horizontal()
        .id_salt("tables-scroll")
        .show(ui, |ui| {
            egui::Grid::new("tables")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.label("");
                    ui.strong(tr.format("tables-this", &[("layers", layers(this).into())]));
                    ui.strong(tr.format("tables-other", &[("layers", layers(other).into())]));
                    ui.strong(tr.get("tables-difference"));
                    ui.end_row();
                    for (a, b) in this.banks.iter().zip(&other.banks) {
                        // "Bank A: profit", in the language's punctuation.
                        let row = |what: &str| {
                            tr.format(
                                "tables-bank-row",
                                &[
                                    ("bank", a.name.clone().into()),
                                    ("what", tr.get(what).into()),
                                ],
                            )
                        };
                        let (pa, pb) = (&a.ratios.pnl, &b.ratios.pnl);
                        money_row(ui, lang, &row("profit"), pa.net_profit(), pb.net_profit());
                        money_row(
                            ui,
                            lang,
                            &row("tables-fee-income"),
                            pa.fee_income,
                            pb.fee_income,
                        );
                        count_row(
                            ui,
                            &row("clients"),
                            i64::from(a.clients),
                            i64::from(b.clients),
                        );
                    }
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-fees-paid"),
                        this.households.fees_paid,
                        other.households.fees_paid,
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-surprise-fees"),
                        this.households.surprise_fees,
                        other.households.surprise_fees,
                    );
                    count_row(
                        ui,
                        &tr.get("tables-complaints"),
                        i64::from(this.households.complaints),
                        i64::from(other.households.complaints),
                    );
                    count_row(
                        ui,
                        &tr.get("tables-switched"),
                        i64::from(this.households.switched_bank),
                        i64::from(other.households.switched_bank),
                    );
                    count_row(
                        ui,
                        &tr.get("tables-trust"),
                        i64::from(this.households.average_trust),
                        i64::from(other.households.average_trust),
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-household-money"),
                        this.households.money,
                        other.households.money,
                    );
                    money_row(
                        ui,
                        lang,
                        &tr.get("tables-card-fees"),
                        this.merchants.card_fees,
                        other.merchants.card_fees,
                    );
                    count_row(
                        ui,
                        &tr.get("tables-shops-cards"),
                        i64::from(this.merchants.accepting_cards),
                        i64::from(other.merchants.accepting_cards),
                    );
                });
        });
}

/// The scenario's lessons over many games of bots, with their spread and whether luck could
/// explain them; worked out a few games a frame while the part is open.
pub fn lessons(
    ui: &mut egui::Ui,
    tr: &Translations,
    scenario: &Scenario,
    compare: &mut Comparison,
) {
    ui.heading(tr.get("lessons-heading"));
    if scenario.lessons().is_empty() {
        ui.label(tr.get("lessons-none-here"));
        return;
    }
    ui.label(tr.format("lessons-intro", &[("seeds", (LESSON_SEEDS as i64).into())]));
    if !compare.work_on_lessons(scenario, GAMES_PER_FRAME) {
        ui.ctx().request_repaint();
    }
    let Some(l) = compare.lessons.as_ref() else {
        return;
    };
    if let Some(why) = &l.failed {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr.format(
                "lessons-failed-to-play",
                &[("reason", tr.message(why).into())],
            ),
        );
        return;
    }
    if !l.study.is_done() {
        let (done, of) = (l.study.played(), l.study.games());
        ui.add(
            egui::ProgressBar::new(done as f32 / of.max(1) as f32).text(tr.format(
                "lessons-playing",
                &[("done", (done as i64).into()), ("of", (of as i64).into())],
            )),
        );
        return;
    }
    for f in l.study.findings() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            finding(ui, tr, scenario, &f);
        });
    }
}

/// One lesson: what moved, from what to what, over how many games, and whether it is luck.
fn finding(ui: &mut egui::Ui, tr: &Translations, scenario: &Scenario, f: &Finding) {
    use crate::headless::{lesson_change, metric_label, metric_value, variant_label};
    let lang = tr.language();
    let l = f.lesson;
    let unit = l.metric.unit();
    let v = |x: f64| metric_value(lang, unit, x);
    ui.label(
        egui::RichText::new(
            tr.format(
                "lesson-sentence",
                &[
                    ("games", (f.seeds as i64).into()),
                    (
                        "metric",
                        tr.message(&metric_label(l.metric, scenario)).into(),
                    ),
                    ("first", tr.message(&variant_label(l.compare, 0)).into()),
                    ("second", tr.message(&variant_label(l.compare, 1)).into()),
                    ("from", v(f.first.median).into()),
                    ("to", v(f.second.median).into()),
                    (
                        "change",
                        f.change()
                            .map_or_else(|| "-".to_string(), |c| lesson_change(lang, c))
                            .into(),
                    ),
                ],
            ),
        )
        .strong(),
    );
    ui.label(tr.format(
        "lesson-ranges",
        &[
            ("first", tr.message(&variant_label(l.compare, 0)).into()),
            ("first_low", v(f.first.p10).into()),
            ("first_high", v(f.first.p90).into()),
            ("second", tr.message(&variant_label(l.compare, 1)).into()),
            ("second_low", v(f.second.p10).into()),
            ("second_high", v(f.second.p90).into()),
        ],
    ));
    let verdict = if f.holds() {
        "lesson-verdict-holds"
    } else if f.direction {
        "lesson-verdict-luck"
    } else {
        "lesson-verdict-wrong-way"
    };
    ui.label(egui::RichText::new(tr.get(verdict)).italics());
}

fn money_row(ui: &mut egui::Ui, lang: Language, label: &str, a: Money, b: Money) {
    ui.label(label);
    ui.label(format::euros(lang, a));
    ui.label(format::euros(lang, b));
    let d = b.saturating_sub(a);
    // Under a euro either way is no difference worth a sign.
    ui.label(match d.as_cents() {
        -49..=49 => "0".to_string(),
        c if c > 0 => format!("+{}", format::euros(lang, d)),
        _ => format::euros(lang, d),
    });
    ui.end_row();
}

fn count_row(ui: &mut egui::Ui, label: &str, a: i64, b: i64) {
    ui.label(label);
    ui.label(a.to_string());
    ui.label(b.to_string());
    ui.label(match b - a {
        0 => "0".to_string(),
        d => format!("{d:+}"),
    });
    ui.end_row();
}
