//! The decision panel of each role. Every control shows what it will do before the player
//! commits: the monthly cost of a fee, the rate a loan would carry, the shelf price a mark-up
//! gives. Every figure comes from the simulation's own functions.
use std::collections::BTreeMap;

use bevy_egui::egui;

use crate::game::widgets::{bars, glossary, number};
use crate::i18n::{Language, Translations, format};
use crate::session::Draft;
use crate::sim::{
    BankOwn, Bp, BusinessDecision, CaseId, CaseKind, ClientDecision, ClientOwn, Limit, LoanPolicy,
    LoanRate, LoanRequest, MerchantDecision, MerchantOwn, Money, Own, RateView, RetailDecision,
    SeatView, Shown, instalment, shelf_price,
};

/// A euro amount edited with a slider over its decision's limit (`sim::Limit`).
fn euro_slider(
    ui: &mut egui::Ui,
    lang: Language,
    value: &mut Money,
    limit: Limit,
    step: f64,
) -> bool {
    bounded_euro_slider(ui, lang, value, limit.min_money(), limit.max_money(), step)
}

/// A euro amount edited with a slider between two amounts (within the decision's limit).
fn bounded_euro_slider(
    ui: &mut egui::Ui,
    lang: Language,
    value: &mut Money,
    low: Money,
    high: Money,
    step: f64,
) -> bool {
    let mut euros = value.as_cents() as f64 / 100.0;
    let range = low.as_cents() as f64 / 100.0..=high.as_cents() as f64 / 100.0;
    let changed = ui
        .add(number::euros(&mut euros, range, lang).step_by(step))
        .changed();
    if changed {
        *value = Money::cents((euros * 100.0).round() as i64)
            .max(low)
            .min(high);
    }
    changed
}

/// A rate edited with a slider in percent, over its decision's limit.
fn rate_slider(ui: &mut egui::Ui, lang: Language, value: &mut Bp, limit: Limit) -> bool {
    let mut percent = f64::from(value.0) / 100.0;
    let range = limit.min as f64 / 100.0..=limit.max as f64 / 100.0;
    let changed = ui
        .add(number::percent(&mut percent, range, lang).step_by(0.05))
        .changed();
    if changed {
        *value = Bp(limit.clamp((percent * 100.0).round() as i64) as i32);
    }
    changed
}

/// A term in months edited with a slider over its decision's limit.
fn months_slider(ui: &mut egui::Ui, value: &mut u16, limit: Limit) -> bool {
    let low = u16::try_from(limit.min).unwrap_or(1);
    let high = u16::try_from(limit.max).unwrap_or(u16::MAX);
    ui.add(egui::Slider::new(value, low..=high)).changed()
}

/// A drop-down list with its label before it, read together by screen readers.
fn labelled_choice(
    ui: &mut egui::Ui,
    label: String,
    id: &str,
    selected: String,
    options: impl FnOnce(&mut egui::Ui),
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(label);
        egui::ComboBox::from_id_salt(id)
            .selected_text(selected)
            .show_ui(ui, options)
            .response
            .labelled_by(label.id);
    });
}

fn consequence(ui: &mut egui::Ui, text: String) {
    ui.label(egui::RichText::new(format!("» {text}")).small().weak());
}

/// A loan rate as a stacked bar of its five components.
pub fn rate_bar(ui: &mut egui::Ui, tr: &Translations, rate: &LoanRate) {
    let lang = tr.language();
    let parts: Vec<bars::Part> = rate
        .components()
        .iter()
        .map(|(key, bp)| {
            let key = key.replace('_', "-");
            bars::Part {
                label: tr.get(&format!("term-{key}")),
                value: f64::from(bp.0),
                text: format::rate(lang, *bp),
                tooltip: glossary::explain(tr, &key),
            }
        })
        .collect();
    bars::stacked_bar(ui, &parts);
    ui.label(tr.format(
        "loan-rate-total",
        &[("rate", format::rate(lang, rate.total()).into())],
    ));
}

/// A borrower's view of a rate: its parts when published, else the total and "hidden".
pub fn rate_view_bar(ui: &mut egui::Ui, tr: &Translations, rate: &RateView) {
    match rate.parts {
        Shown::Shown(parts) => rate_bar(ui, tr, &parts),
        Shown::Hidden => {
            ui.label(tr.format(
                "loan-rate-total",
                &[("rate", format::rate(tr.language(), rate.total).into())],
            ));
            ui.horizontal(|ui| {
                ui.label(tr.get("rate-parts"));
                crate::game::widgets::hidden(ui, tr);
            });
        }
    }
}

/// The merchant service charge on a debit card payment as a stacked bar; where the layer hides
/// what it is made of, its total and "hidden".
pub fn msc_bar(ui: &mut egui::Ui, tr: &Translations, view: &SeatView, msc: Bp) {
    let lang = tr.language();
    match (view.interchange_debit, view.scheme_fee) {
        (Shown::Shown(interchange), Shown::Shown(scheme)) => {
            let parts = [
                ("interchange", interchange),
                ("scheme-fee", scheme),
                (
                    "acquirer-margin",
                    msc.saturating_sub(interchange).saturating_sub(scheme),
                ),
            ]
            .map(|(key, bp)| bars::Part {
                label: tr.get(&format!("term-{key}")),
                value: f64::from(bp.0),
                text: format::rate(lang, bp),
                tooltip: glossary::explain(tr, key),
            });
            bars::stacked_bar(ui, &parts);
        }
        _ => {
            ui.horizontal(|ui| {
                ui.label(tr.format("msc-total", &[("rate", format::rate(lang, msc).into())]));
                crate::game::widgets::hidden(ui, tr);
            });
        }
    }
    consequence(
        ui,
        tr.format(
            "msc-per-100",
            &[(
                "amount",
                format::money(lang, Money::euros(100).apply(msc).unwrap_or_default()).into(),
            )],
        ),
    );
}

/// A banker's verdicts on the cases waiting: approve (or refund) / refuse; absent: the policy.
pub type Verdicts = BTreeMap<CaseId, bool>;

/// The panel of the active seat; changes go into its draft and, for bankers, the verdicts.
pub fn decide(
    ui: &mut egui::Ui,
    tr: &Translations,
    view: &SeatView,
    draft: &mut Draft,
    verdicts: &mut Verdicts,
) {
    match (&view.own, draft) {
        (Own::Client(own), Draft::Client(d)) => client(ui, tr, view, own, d),
        (Own::Bank(own), Draft::Retail(d)) => {
            retail(ui, tr, view, own, d);
            cases(ui, tr, own, verdicts);
        }
        (Own::Bank(own), Draft::Business(d)) => {
            business(ui, tr, view, own, d);
            cases(ui, tr, own, verdicts);
        }
        (Own::Merchant(own), Draft::Merchant(d)) => merchant(ui, tr, view, own, d),
        _ => {
            ui.label(tr.get("panel-mismatch"));
        }
    }
}

/// The loan applications and complaints waiting for the banker, with the policy's advice.
fn cases(ui: &mut egui::Ui, tr: &Translations, own: &BankOwn, verdicts: &mut Verdicts) {
    let lang = tr.language();
    ui.separator();
    ui.heading(tr.get("cases"));
    if own.cases.is_empty() {
        ui.label(tr.get("no-cases"));
        return;
    }
    for c in &own.cases {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let (yes, no, advice) = match c.kind {
                CaseKind::Loan {
                    request,
                    pd,
                    months,
                    rate,
                    first_instalment,
                    spare_income,
                    policy_refusal,
                } => {
                    ui.label(tr.format(
                        "case-loan",
                        &[
                            ("amount", format::money(lang, request.amount).into()),
                            ("months", months.into()),
                            ("pd", format::rate(lang, pd).into()),
                            ("rate", format::rate(lang, rate.total()).into()),
                            ("payment", format::money(lang, first_instalment).into()),
                        ],
                    ));
                    if let Some(spare) = spare_income {
                        consequence(
                            ui,
                            tr.format(
                                "case-spare",
                                &[("spare", format::money(lang, spare).into())],
                            ),
                        );
                    }
                    let advice = match policy_refusal {
                        None => tr.get("policy-lend"),
                        Some(r) => tr.format(
                            "policy-refuse",
                            &[(
                                "reason",
                                tr.get(&format!("refusal-{r:?}").to_lowercase()).into(),
                            )],
                        ),
                    };
                    (tr.get("approve"), tr.get("refuse"), advice)
                }
                CaseKind::Complaint { amount, trust } => {
                    ui.label(tr.format(
                        "case-complaint",
                        &[
                            ("amount", format::money(lang, amount).into()),
                            ("trust", trust.into()),
                        ],
                    ));
                    (
                        tr.get("refund"),
                        tr.get("refuse"),
                        tr.get("policy-complaint"),
                    )
                }
            };
            consequence(ui, advice);
            let mut choice = verdicts.get(&c.case).copied();
            ui.horizontal(|ui| {
                ui.selectable_value(&mut choice, Some(true), yes);
                ui.selectable_value(&mut choice, Some(false), no);
                ui.selectable_value(&mut choice, None, tr.get("follow-policy"));
            });
            match choice {
                Some(v) => {
                    verdicts.insert(c.case, v);
                }
                None => {
                    verdicts.remove(&c.case);
                }
            }
        });
    }
}

/// Buying a home with a loan from the household's bank: the price, the down payment, the loan
/// and its instalment as the bank quotes them, or why the bank would refuse. Nothing while the
/// household repays a home loan (its accounts show it).
fn home_purchase(
    ui: &mut egui::Ui,
    tr: &Translations,
    buy: &mut bool,
    offer: Option<&crate::sim::HomeOffer>,
) {
    let lang = tr.language();
    let Some(h) = offer else {
        *buy = false;
        return;
    };
    let open = h.refusal.is_none();
    ui.add_enabled_ui(open, |ui| ui.checkbox(buy, tr.get("buy-home")));
    consequence(
        ui,
        tr.format(
            "home-offer",
            &[
                ("price", format::money(lang, h.price).into()),
                ("down", format::money(lang, h.down_payment).into()),
                ("loan", format::money(lang, h.loan).into()),
                ("years", i64::from(h.months / 12).into()),
                ("instalment", format::money(lang, h.instalment).into()),
            ],
        ),
    );
    match h.refusal {
        Some(r) => {
            *buy = false;
            consequence(
                ui,
                tr.format(
                    "home-refused",
                    &[(
                        "reason",
                        tr.get(&format!("refusal-{r:?}").to_lowercase()).into(),
                    )],
                ),
            );
        }
        None if *buy => rate_view_bar(ui, tr, &h.rate),
        None => {}
    }
}

fn loan_request(
    ui: &mut egui::Ui,
    tr: &Translations,
    request: &mut Option<LoanRequest>,
    max_amount: Money,
    quote: &RateView,
    taken: bool,
) {
    let lang = tr.language();
    let mut asking = request.is_some();
    ui.add_enabled_ui(!taken, |ui| ui.checkbox(&mut asking, tr.get("ask-loan")));
    if taken {
        consequence(ui, tr.get("already-borrowing"));
        *request = None;
        return;
    }
    if !asking {
        *request = None;
        return;
    }
    let r = request.get_or_insert(LoanRequest {
        amount: Money::euros(2_000),
        months: 24,
    });
    ui.horizontal(|ui| {
        ui.label(tr.get("loan-amount"));
        bounded_euro_slider(
            ui,
            tr.language(),
            &mut r.amount,
            LoanRequest::AMOUNT.min_money(),
            max_amount
                .max(Money::euros(1_000))
                .min(LoanRequest::AMOUNT.max_money()),
            100.0,
        );
    });
    ui.horizontal(|ui| {
        ui.label(tr.get("loan-months"));
        months_slider(ui, &mut r.months, LoanRequest::MONTHS);
    });
    if !r.amount.is_positive() {
        r.amount = Money::euros(100);
    }
    rate_view_bar(ui, tr, quote);
    let (principal, interest) = instalment(r.amount, r.months, quote.total).unwrap_or_default();
    consequence(
        ui,
        tr.format(
            "first-instalment",
            &[
                (
                    "total",
                    format::money(lang, principal.saturating_add(interest)).into(),
                ),
                ("interest", format::money(lang, interest).into()),
            ],
        ),
    );
}

fn client(
    ui: &mut egui::Ui,
    tr: &Translations,
    view: &SeatView,
    own: &ClientOwn,
    d: &mut ClientDecision,
) {
    let lang = tr.language();
    ui.heading(tr.get("role-client"));
    ui.label(tr.format(
        "client-money",
        &[
            ("balance", format::money(lang, own.balance).into()),
            ("savings", format::money(lang, own.savings).into()),
            ("income", format::money(lang, own.income).into()),
        ],
    ));
    ui.separator();
    ui.label(tr.get("spending"));
    rate_slider(ui, lang, &mut d.spending, ClientDecision::SPENDING);
    let spend = own.spending_budget.apply(d.spending).unwrap_or_default();
    consequence(
        ui,
        tr.format(
            "spending-amount",
            &[("amount", format::money(lang, spend).into())],
        ),
    );
    ui.label(tr.get("card-share"));
    rate_slider(
        ui,
        tr.language(),
        &mut d.card_share,
        ClientDecision::CARD_SHARE,
    );
    let by_card = spend.apply(d.card_share).unwrap_or_default();
    // What shops pay on it, as far as the layer shows the banks' card fees.
    let shown: Vec<i32> = view
        .offers
        .iter()
        .filter_map(|o| o.msc_debit.shown())
        .map(|b| b.0)
        .collect();
    let average_msc = shown.iter().sum::<i32>().checked_div(shown.len() as i32);
    consequence(
        ui,
        match average_msc {
            Some(msc) => tr.format(
                "card-consequence",
                &[
                    ("amount", format::money(lang, by_card).into()),
                    (
                        "fees",
                        format::money(lang, by_card.apply(Bp(msc)).unwrap_or_default()).into(),
                    ),
                ],
            ),
            None => tr.format(
                "card-consequence-hidden",
                &[("amount", format::money(lang, by_card).into())],
            ),
        },
    );
    ui.separator();
    loan_request(
        ui,
        tr,
        &mut d.loan_request,
        own.income.checked_mul(12).unwrap_or_default(),
        &own.loan_quote,
        own.loan.is_some(),
    );
    ui.separator();
    home_purchase(ui, tr, &mut d.buy_home, own.home.as_ref());
    ui.separator();
    ui.label(tr.get("save"));
    // What the household holds, up to €20,000 either way, within the decision's limit.
    let most = Money::euros(20_000);
    let low = own
        .savings
        .max(Money::ZERO)
        .min(most)
        .saturating_neg()
        .max(ClientDecision::SAVE.min_money());
    let high = own
        .balance
        .max(Money::ZERO)
        .min(most)
        .min(ClientDecision::SAVE.max_money());
    bounded_euro_slider(ui, lang, &mut d.save, low, high, 50.0);
    consequence(
        ui,
        if d.save.is_negative() {
            tr.format(
                "save-out",
                &[(
                    "amount",
                    format::money(lang, Money::cents(-d.save.as_cents())).into(),
                )],
            )
        } else {
            tr.format("save-in", &[("amount", format::money(lang, d.save).into())])
        },
    );
    ui.separator();
    let current = view
        .offers
        .get(own.bank.index())
        .map(|o| o.name.clone())
        .unwrap_or_default();
    // Each bank's fees for this household's own usage, as far as the layer shows them.
    let usage = crate::sim::Usage {
        card: own.card,
        irregular_payments: own.irregular_payments,
        overdraft: own.balance.min(Money::ZERO).saturating_neg(),
        fragile: own.fragile,
    };
    let label = |o: &crate::sim::BankOffer| {
        tr.format(
            "bank-expected-cost",
            &[
                ("bank", o.name.clone().into()),
                (
                    "cost",
                    format::money(lang, o.expected_fees(&usage, &view.caps)).into(),
                ),
            ],
        )
    };
    let selected = match d.switch_bank.and_then(|b| view.offers.get(b.index())) {
        Some(o) => label(o),
        None => tr.format("stay-with", &[("bank", current.into())]),
    };
    labelled_choice(ui, tr.get("switch-bank"), "switch-bank", selected, |ui| {
        ui.selectable_value(&mut d.switch_bank, None, tr.get("stay"));
        for o in view.offers.iter().filter(|o| o.bank != own.bank) {
            ui.selectable_value(&mut d.switch_bank, Some(o.bank), label(o));
        }
    });
    ui.add_enabled_ui(own.surprise_fees.is_positive(), |ui| {
        ui.checkbox(
            &mut d.complain,
            tr.format(
                "complain",
                &[("amount", format::money(lang, own.surprise_fees).into())],
            ),
        )
    });
    if !own.surprise_fees.is_positive() {
        d.complain = false;
    }
    let leave = d
        .leave_merchant
        .and_then(|m| own.shops.iter().find(|s| s.merchant == m))
        .map_or_else(|| tr.get("keep-shops"), |s| s.name.clone());
    labelled_choice(ui, tr.get("leave-shop"), "leave-shop", leave, |ui| {
        ui.selectable_value(&mut d.leave_merchant, None, tr.get("keep-shops"));
        for s in &own.shops {
            ui.selectable_value(&mut d.leave_merchant, Some(s.merchant), &s.name);
        }
    });
}

/// A lending policy's rows in a decision grid: the margin, the riskiest borrower accepted and the
/// longest term.
fn loan_policy_rows(ui: &mut egui::Ui, tr: &Translations, policy: &mut LoanPolicy) {
    glossary::term(ui, tr, "margin");
    rate_slider(ui, tr.language(), &mut policy.margin, LoanPolicy::MARGIN);
    ui.end_row();
    glossary::term(ui, tr, "pd");
    rate_slider(ui, tr.language(), &mut policy.max_pd, LoanPolicy::MAX_PD);
    ui.end_row();
    ui.label(tr.get("max-months"));
    months_slider(ui, &mut policy.max_months, LoanPolicy::MAX_MONTHS);
    ui.end_row();
}

/// The rate a typical borrower would pay with the margin being chosen: the bank's current quote
/// with only the margin changed.
fn policy_quote(ui: &mut egui::Ui, tr: &Translations, mut quote: LoanRate, margin: Bp, key: &str) {
    quote.margin = margin;
    ui.label(tr.get(key));
    rate_bar(ui, tr, &quote);
}

fn retail(
    ui: &mut egui::Ui,
    tr: &Translations,
    view: &SeatView,
    own: &BankOwn,
    d: &mut RetailDecision,
) {
    let lang = tr.language();
    let clients = i64::from(own.clients_now);
    ui.heading(tr.format("role-retail-of", &[("bank", own.name.clone().into())]));
    let per_client = |fee: Money| {
        tr.format(
            "fee-revenue",
            &[
                ("clients", clients.into()),
                (
                    "amount",
                    format::money(lang, fee.checked_mul(clients).unwrap_or_default()).into(),
                ),
            ],
        )
    };
    egui::Grid::new("retail").num_columns(2).show(ui, |ui| {
        ui.label(tr.get("account-fee"));
        euro_slider(
            ui,
            lang,
            &mut d.fees.account_fee,
            RetailDecision::ACCOUNT_FEE,
            0.5,
        );
        ui.end_row();
        ui.label("");
        consequence(ui, per_client(d.fees.account_fee));
        ui.end_row();
        ui.label(tr.get("debit-card-fee"));
        euro_slider(
            ui,
            lang,
            &mut d.fees.debit_card_fee,
            RetailDecision::DEBIT_CARD_FEE,
            0.5,
        );
        ui.end_row();
        ui.label(tr.get("credit-card-fee"));
        euro_slider(
            ui,
            lang,
            &mut d.fees.credit_card_fee,
            RetailDecision::CREDIT_CARD_FEE,
            0.5,
        );
        ui.end_row();
        glossary::term(ui, tr, "card-credit-rate");
        rate_slider(
            ui,
            lang,
            &mut d.card_credit_rate,
            RetailDecision::CARD_CREDIT_RATE,
        );
        ui.end_row();
        glossary::term(ui, tr, "irregular-payment-fee");
        euro_slider(
            ui,
            tr.language(),
            &mut d.fees.irregular_payment_fee,
            RetailDecision::IRREGULAR_PAYMENT_FEE,
            0.5,
        );
        ui.end_row();
        if let Some(cap) = view.irregular_fee_cap {
            ui.label("");
            consequence(
                ui,
                tr.format("fee-cap", &[("cap", format::money(lang, cap).into())]),
            );
            ui.end_row();
        }
        glossary::term(ui, tr, "overdraft");
        rate_slider(
            ui,
            lang,
            &mut d.fees.overdraft_rate,
            RetailDecision::OVERDRAFT_RATE,
        );
        ui.end_row();
        glossary::term(ui, tr, "savings-rate");
        rate_slider(ui, lang, &mut d.savings_rate, RetailDecision::SAVINGS_RATE);
        ui.end_row();
        ui.label("");
        let spread = view.policy_rate.saturating_sub(d.savings_rate);
        consequence(
            ui,
            tr.format(
                "savings-spread",
                &[
                    ("spread", format::rate(lang, spread).into()),
                    (
                        "amount",
                        format::money(
                            lang,
                            own.sheet
                                .savings
                                .monthly_interest(spread)
                                .unwrap_or_default(),
                        )
                        .into(),
                    ),
                ],
            ),
        );
        ui.end_row();
        ui.label(tr.get("current-rate"));
        rate_slider(ui, lang, &mut d.current_rate, RetailDecision::CURRENT_RATE);
        ui.end_row();
        loan_policy_rows(ui, tr, &mut d.consumer_loans);
        ui.strong(tr.get("mortgages"));
        ui.end_row();
        loan_policy_rows(ui, tr, &mut d.mortgages);
    });
    policy_quote(
        ui,
        tr,
        own.consumer_rate,
        d.consumer_loans.margin,
        "typical-consumer-rate",
    );
    ui.checkbox(&mut d.refund_complaints, tr.get("refund-complaints"));
    ui.checkbox(&mut d.disclose, tr.get("disclose"))
        .on_hover_text(glossary::explain(tr, "layer"));
}

fn business(
    ui: &mut egui::Ui,
    tr: &Translations,
    view: &SeatView,
    own: &BankOwn,
    d: &mut crate::sim::BusinessDecision,
) {
    let lang = tr.language();
    let merchants = i64::from(own.merchants_now);
    ui.heading(tr.format("role-business-of", &[("bank", own.name.clone().into())]));
    egui::Grid::new("business").num_columns(2).show(ui, |ui| {
        glossary::term(ui, tr, "acquirer-margin");
        rate_slider(
            ui,
            lang,
            &mut d.merchant_fees.acquirer_margin,
            BusinessDecision::ACQUIRER_MARGIN,
        );
        ui.end_row();
        ui.label(tr.get("terminal-fee"));
        euro_slider(
            ui,
            tr.language(),
            &mut d.merchant_fees.terminal_fee,
            BusinessDecision::TERMINAL_FEE,
            1.0,
        );
        ui.end_row();
        ui.label(tr.get("business-account-fee"));
        euro_slider(
            ui,
            tr.language(),
            &mut d.merchant_fees.account_fee,
            BusinessDecision::ACCOUNT_FEE,
            1.0,
        );
        ui.end_row();
        ui.label("");
        consequence(
            ui,
            tr.format(
                "merchant-fee-revenue",
                &[
                    ("merchants", merchants.into()),
                    (
                        "amount",
                        format::money(
                            lang,
                            d.merchant_fees
                                .terminal_fee
                                .saturating_add(d.merchant_fees.account_fee)
                                .checked_mul(merchants)
                                .unwrap_or_default(),
                        )
                        .into(),
                    ),
                ],
            ),
        );
        ui.end_row();
        loan_policy_rows(ui, tr, &mut d.business_loans);
    });
    glossary::term(ui, tr, "msc");
    let interchange = view.interchange_debit.shown().unwrap_or(Bp::ZERO);
    let scheme = view.scheme_fee.shown().unwrap_or(Bp::ZERO);
    msc_bar(
        ui,
        tr,
        view,
        interchange
            .saturating_add(scheme)
            .saturating_add(d.merchant_fees.acquirer_margin),
    );
    policy_quote(
        ui,
        tr,
        own.business_rate,
        d.business_loans.margin,
        "typical-business-rate",
    );
}

fn merchant(
    ui: &mut egui::Ui,
    tr: &Translations,
    view: &SeatView,
    own: &MerchantOwn,
    d: &mut MerchantDecision,
) {
    let lang = tr.language();
    ui.heading(tr.format("role-merchant-of", &[("shop", own.name.clone().into())]));
    ui.horizontal(|ui| {
        glossary::term(ui, tr, "markup");
        rate_slider(ui, lang, &mut d.markup, MerchantDecision::MARKUP);
    });
    egui::Grid::new("goods").striped(true).show(ui, |ui| {
        ui.strong(tr.get("good"));
        ui.strong(tr.get("unit-cost"));
        ui.strong(tr.get("shelf-price"));
        ui.end_row();
        for (name, cost, _) in &own.goods {
            ui.label(name);
            ui.label(format::money(lang, *cost));
            ui.label(format::money(
                lang,
                shelf_price(*cost, d.markup, view.vat).unwrap_or_default(),
            ));
            ui.end_row();
        }
    });
    ui.separator();
    ui.checkbox(&mut d.accepts_cards, tr.get("accept-cards"));
    let card_sales = own.last.map_or(Money::ZERO, |r| r.card_sales);
    consequence(
        ui,
        tr.format(
            "card-fees-last-month",
            &[
                ("rate", format::rate(lang, own.msc_debit).into()),
                (
                    "amount",
                    format::money(lang, card_sales.apply(own.msc_debit).unwrap_or_default()).into(),
                ),
            ],
        ),
    );
    ui.separator();
    loan_request(
        ui,
        tr,
        &mut d.loan_request,
        own.rent.checked_mul(12).unwrap_or_default(),
        &own.loan_quote,
        own.loan.is_some(),
    );
    ui.separator();
    let label = |o: &crate::sim::BankOffer| {
        let rate = if o.bank == own.bank {
            format::rate(lang, own.msc_debit)
        } else {
            o.msc_debit
                .shown()
                .map_or_else(|| tr.get("hidden"), |msc| format::rate(lang, msc))
        };
        tr.format(
            "bank-msc",
            &[
                ("bank", o.name.clone().into()),
                ("rate", rate.into()),
                ("terminal", format::money(lang, o.terminal_fee).into()),
            ],
        )
    };
    let selected = match d.switch_bank.and_then(|b| view.offers.get(b.index())) {
        Some(o) => label(o),
        None => tr.get("stay"),
    };
    labelled_choice(ui, tr.get("switch-bank"), "switch-bank", selected, |ui| {
        ui.selectable_value(&mut d.switch_bank, None, tr.get("stay"));
        for o in view.offers.iter().filter(|o| o.bank != own.bank) {
            ui.selectable_value(&mut d.switch_bank, Some(o.bank), label(o));
        }
    });
}
