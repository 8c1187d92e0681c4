//! The panels of the turn screen, each drawn from a `SeatView`: the decision panel, the news,
//! the market's offers, the value chain, the pricing rules and the seat's own accounts.
pub mod chain;
pub mod decide;

use bevy_egui::egui;

use crate::game::widgets::{self, glossary};
use crate::i18n::{Translations, format};
use crate::scenario::Text;
use crate::sim::{Own, SeatView, Shown, SimEvent};

/// A seat's name for players: "Retail banker, Bank A".
pub fn seat_label(tr: &Translations, view: &SeatView) -> String {
    let role = tr.get(role_key(view.seat));
    match &view.own {
        Own::Client(_) => role,
        Own::Bank(b) => format!("{role}, {}", b.name),
        Own::Merchant(m) => format!("{role}, {}", m.name),
    }
}

/// The translation key of a seat's role.
pub fn role_key(seat: crate::sim::Seat) -> &'static str {
    match seat.role() {
        crate::sim::Role::Client => "role-client",
        crate::sim::Role::RetailBanker => "role-retail",
        crate::sim::Role::BusinessBanker => "role-business",
        crate::sim::Role::Merchant => "role-merchant",
    }
}

/// The month's news: the scenario's messages, then what happened to this seat last month.
pub fn news(ui: &mut egui::Ui, tr: &Translations, messages: &[Text], view: &SeatView) {
    let lang = tr.language();
    if messages.is_empty() && view.news.is_empty() {
        ui.label(tr.get("no-news"));
    }
    for m in messages {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(egui::RichText::new(m.get(lang.code())).size(18.0).strong());
        });
    }
    for e in &view.news {
        let text = match e {
            SimEvent::Shock(s) => shock_text(tr, s),
            SimEvent::LoanGranted { .. } => tr.get("news-loan-granted"),
            SimEvent::LoanRefused { reason, .. } => tr.format(
                "news-loan-refused",
                &[(
                    "reason",
                    tr.get(&format!("refusal-{reason:?}").to_lowercase()).into(),
                )],
            ),
            SimEvent::LoanDefaulted { loss, .. } => tr.format(
                "news-loan-defaulted",
                &[("loss", format::money(lang, *loss).into())],
            ),
            SimEvent::LoanRepaid { .. } => tr.get("news-loan-repaid"),
            SimEvent::InstalmentMissed { missed, .. } => tr.format(
                "news-instalment-missed",
                &[("missed", i64::from(*missed).into())],
            ),
            SimEvent::HardTimes { .. } => tr.get("news-hard-times"),
            SimEvent::Misfortune { bill, .. } => tr.format(
                "news-misfortune",
                &[("bill", format::money(lang, *bill).into())],
            ),
            SimEvent::ComplaintRefunded { amount, .. } => tr.format(
                "news-complaint-refunded",
                &[("amount", format::money(lang, *amount).into())],
            ),
            SimEvent::ComplaintRefused { amount, .. } => tr.format(
                "news-complaint-refused",
                &[("amount", format::money(lang, *amount).into())],
            ),
            SimEvent::ClientSwitched { .. } => tr.get("news-client-switched"),
            SimEvent::MerchantSwitched { .. } => tr.get("news-merchant-switched"),
            SimEvent::CardFraud { amount, .. } => tr.format(
                "news-card-fraud",
                &[("amount", format::money(lang, *amount).into())],
            ),
            SimEvent::MerchantClosed {
                merchant,
                written_off,
                ..
            } => {
                let key = if view.seat == crate::sim::Seat::Merchant(*merchant) {
                    "news-own-shop-closed"
                } else {
                    "news-shop-closed"
                };
                tr.format(
                    key,
                    &[("written_off", format::money(lang, *written_off).into())],
                )
            }
            SimEvent::BankResolved {
                bank,
                acquirer,
                guaranteed,
                bailed_in,
            } => {
                let name = |b: &crate::sim::BankId| {
                    view.offers
                        .get(b.index())
                        .map(|o| o.name.clone())
                        .unwrap_or_default()
                };
                let money = |m: &crate::sim::Money| format::money(lang, *m);
                match acquirer {
                    Some(to) => tr.format(
                        "news-bank-resolved",
                        &[
                            ("bank", name(bank).into()),
                            ("acquirer", name(to).into()),
                            ("guaranteed", money(guaranteed).into()),
                            ("bailed_in", money(bailed_in).into()),
                        ],
                    ),
                    None => tr.format(
                        "news-bank-recapitalised",
                        &[
                            ("bank", name(bank).into()),
                            ("guaranteed", money(guaranteed).into()),
                            ("bailed_in", money(bailed_in).into()),
                        ],
                    ),
                }
            }
        };
        ui.label(format!("• {text}"));
    }
}

/// A shock in words.
pub fn shock_text(tr: &Translations, shock: &crate::sim::Shock) -> String {
    use crate::sim::Shock;
    let lang = tr.language();
    let cap =
        |c: Option<crate::sim::Bp>| c.map_or_else(|| tr.get("no-cap"), |c| format::rate(lang, c));
    let fee = |c: Option<crate::sim::Money>| {
        c.map_or_else(|| tr.get("no-cap"), |c| format::money(lang, c))
    };
    match *shock {
        Shock::PolicyRate(r) => tr.format(
            "shock-policy-rate",
            &[("rate", format::rate(lang, r).into())],
        ),
        Shock::InterchangeCap { debit, credit } => tr.format(
            "shock-interchange-cap",
            &[("debit", cap(debit).into()), ("credit", cap(credit).into())],
        ),
        Shock::FeeCap {
            per_payment,
            per_month,
        } => tr.format(
            "shock-fee-cap",
            &[
                ("payment", fee(per_payment).into()),
                ("month", fee(per_month).into()),
            ],
        ),
        Shock::Recession {
            months, income_cut, ..
        } => tr.format(
            "shock-recession",
            &[
                ("months", months.into()),
                ("cut", format::rate(lang, income_cut).into()),
            ],
        ),
        Shock::FraudWave { months, .. } => tr.format("shock-fraud", &[("months", months.into())]),
        Shock::Transparency(layer) => tr.format(
            "shock-layer",
            &[("layer", tr.get(crate::game::layer_key(layer)).into())],
        ),
    }
}

/// Every bank's public offer; small print the layer hides shows as hidden.
pub fn market(ui: &mut egui::Ui, tr: &Translations, view: &SeatView) {
    let lang = tr.language();
    egui::Grid::new("offers")
        .striped(true)
        .num_columns(view.offers.len() + 1)
        .show(ui, |ui| {
            ui.label("");
            for o in view.offers.iter() {
                ui.strong(&o.name);
            }
            ui.end_row();
            // One row per term of the offers, in the sim's order.
            for term in crate::sim::Term::ALL {
                if term.explained() {
                    glossary::term(ui, tr, term.key());
                } else {
                    ui.label(tr.get(term.key()));
                }
                for o in view.offers.iter() {
                    match o.term(term) {
                        Shown::Shown(price) => {
                            ui.label(match price {
                                crate::sim::Price::Money(m) => format::money(lang, m),
                                crate::sim::Price::Rate(r) => format::rate(lang, r),
                                crate::sim::Price::NotOffered => tr.get("not-offered"),
                            });
                        }
                        Shown::Hidden => {
                            widgets::hidden(ui, tr);
                        }
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    ui.heading(tr.get("banks-results"));
    egui::Grid::new("banks").striped(true).show(ui, |ui| {
        ui.label("");
        ui.strong(tr.get("clients"));
        ui.strong(tr.get("merchants"));
        glossary::term(ui, tr, "nim");
        ui.strong(tr.get("profit"));
        ui.end_row();
        for b in view.banks.iter() {
            ui.label(&b.name);
            ui.label(b.clients.to_string());
            ui.label(b.merchants.to_string());
            widgets::rate(ui, tr, b.net_interest_margin);
            widgets::money(ui, tr, b.profit);
            ui.end_row();
        }
    });
}

/// How prices are built: the loan rate's five parts and the card charge's three.
pub fn pricing(ui: &mut egui::Ui, tr: &Translations, view: &SeatView) {
    ui.heading(tr.get("pricing-loan"));
    ui.label(tr.get("pricing-loan-intro"));
    match &view.own {
        Own::Client(c) => decide::rate_view_bar(ui, tr, &c.loan_quote),
        Own::Bank(b) => decide::rate_bar(ui, tr, &b.consumer_rate),
        Own::Merchant(m) => decide::rate_view_bar(ui, tr, &m.loan_quote),
    }
    ui.add_space(16.0);
    ui.heading(tr.get("pricing-msc"));
    ui.label(tr.get("pricing-msc-intro"));
    for o in view.offers.iter() {
        ui.label(egui::RichText::new(&o.name).strong());
        match o.msc_debit {
            Shown::Shown(msc) => decide::msc_bar(ui, tr, view, msc),
            Shown::Hidden => {
                crate::game::widgets::hidden(ui, tr);
            }
        }
    }
}

/// The seat's own statement.
pub fn accounts(ui: &mut egui::Ui, tr: &Translations, view: &SeatView) {
    let lang = tr.language();
    let m = |x| format::money(lang, x);
    egui::Grid::new("accounts")
        .striped(true)
        .min_col_width(240.0)
        .show(ui, |ui| {
            let mut line = |label: String, value: String| {
                ui.label(label);
                ui.label(value);
                ui.end_row();
            };
            match &view.own {
                Own::Client(c) => {
                    line(tr.get("current-account"), m(c.balance));
                    line(tr.get("savings"), m(c.savings));
                    line(tr.get("income"), m(c.income));
                    line(tr.get("fixed-costs"), m(c.fixed_costs));
                    line(tr.get("spending-budget"), m(c.spending_budget));
                    line(tr.get("fees-paid"), m(c.fees_paid));
                    line(tr.get("fees-expected-last"), m(c.last_expected_fees));
                    line(tr.get("surprise-fees"), m(c.surprise_fees));
                    line(tr.get("fees-expected-next"), m(c.expected_fees));
                    let most = crate::game::widgets::number::plain(tr.language(), 1000.0);
                    line(tr.get("trust"), format!("{} / {most}", c.trust));
                    if let Some(l) = c.loan {
                        line(tr.get("loan-outstanding"), m(l.outstanding));
                        line(tr.get("loan-instalment"), m(l.instalment));
                        if l.past_due.is_positive() {
                            line(tr.get("past-due"), m(l.past_due));
                        }
                    }
                    if let Some(l) = c.mortgage {
                        line(tr.get("mortgage-outstanding"), m(l.outstanding));
                        line(tr.get("mortgage-instalment"), m(l.instalment));
                        if l.past_due.is_positive() {
                            line(tr.get("past-due"), m(l.past_due));
                        }
                    }
                    if c.fragile {
                        let (per_payment, per_month) = view.caps.irregular_fees(true);
                        let cap = |m: Option<crate::sim::Money>| {
                            m.map_or_else(|| tr.get("no-cap"), |m| format::money(lang, m))
                        };
                        line(
                            tr.get("fragile-client"),
                            tr.format(
                                "fragile-caps",
                                &[
                                    ("per_payment", cap(per_payment).into()),
                                    ("per_month", cap(per_month).into()),
                                ],
                            ),
                        );
                    }
                    if let Some(l) = c.card_credit {
                        line(tr.get("card-credit-outstanding"), m(l.outstanding));
                        line(tr.get("card-credit-least"), m(l.instalment));
                        if l.past_due.is_positive() {
                            line(tr.get("past-due"), m(l.past_due));
                        }
                    }
                }
                Own::Bank(b) => {
                    let s = &b.sheet;
                    line(
                        tr.get("reserves"),
                        m(s.reserves.max(crate::sim::Money::ZERO)),
                    );
                    if s.central_bank_borrowing().is_positive() {
                        line(
                            tr.get("central-bank-borrowing"),
                            m(s.central_bank_borrowing()),
                        );
                    }
                    line(tr.get("consumer-loans"), m(s.consumer_loans));
                    line(tr.get("mortgages"), m(s.mortgages));
                    line(tr.get("business-loans"), m(s.business_loans));
                    line(tr.get("loan-loss-allowance"), m(s.loan_loss_allowance));
                    line(tr.get("deposits"), m(s.deposits));
                    line(tr.get("savings"), m(s.savings));
                    line(tr.get("equity"), m(s.equity));
                    let p = &b.last_pnl;
                    line(tr.get("interest-income"), m(p.interest_income));
                    line(tr.get("interest-expense"), m(p.interest_expense));
                    line(tr.get("fee-income"), m(p.fee_income));
                    line(tr.get("operating-costs"), m(p.operating_costs));
                    line(tr.get("credit-losses"), m(p.credit_losses));
                    let a = &b.last_activity;
                    line(
                        tr.get("missed-instalments"),
                        tr.format(
                            "missed-and-defaults",
                            &[
                                ("missed", i64::from(a.missed_instalments).into()),
                                ("defaults", i64::from(a.defaults).into()),
                            ],
                        ),
                    );
                    line(tr.get("profit-tax"), m(p.tax));
                    line(tr.get("profit"), m(p.net_profit()));
                    let c = &b.capital;
                    line(tr.get("risk-weighted-assets"), m(c.rwa));
                    line(
                        tr.get("cet1-ratio"),
                        tr.format(
                            "cet1-of-requirement",
                            &[
                                ("ratio", format::rate(lang, c.ratio()).into()),
                                ("requirement", format::rate(lang, c.requirement).into()),
                            ],
                        ),
                    );
                }
                Own::Merchant(s) => {
                    line(tr.get("business-account"), m(s.balance));
                    line(tr.get("rent"), m(s.rent));
                    if let Some(r) = s.last {
                        line(tr.get("sales"), m(r.sales));
                        line(tr.get("term-vat"), m(r.vat));
                        line(tr.get("cost-of-goods"), m(r.cost_of_goods));
                        line(tr.get("term-msc"), m(r.card_fees));
                        match r.split {
                            Shown::Shown(split) => {
                                line(tr.get("term-interchange"), m(split.interchange));
                                line(tr.get("term-scheme-fee"), m(split.scheme_fee));
                                line(tr.get("term-acquirer-margin"), m(split.acquirer_margin));
                            }
                            Shown::Hidden => line(tr.get("fee-split"), tr.get("hidden")),
                        }
                        line(tr.get("bank-fees"), m(r.bank_fees));
                        line(tr.get("net-income"), m(r.net_income));
                    }
                }
            }
        });
}
