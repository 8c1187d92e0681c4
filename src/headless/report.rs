//! The JSON report of a run: the scenario, the seed, each bank's ratios, P&L, balance sheet and
//! product margins, and the shops' and households' totals. Amounts are in euros.
use super::{Run, euros, lines_total};
use crate::scenario::Scenario;
use crate::sim::{Product, SimEvent};
use serde_json::{Value, json};

/// The report of a finished run, as pretty JSON.
pub fn json_report(scenario: &Scenario, run: &Run) -> String {
    let economy = &run.economy;
    let summary = economy.summary();
    let ids = scenario.ids();
    let last = economy.turn().saturating_sub(1);
    let banks: Vec<Value> = summary
        .banks
        .iter()
        .map(|bank| {
            let b = bank.bank;
            let (r, sheet) = (&bank.ratios, &bank.sheet);
            let margins: Vec<Value> = Product::OF_BANKS
                .iter()
                .map(|&p| {
                    let m = economy.bank_margin(b, p, 1..=last);
                    json!({
                        "product": p.key(),
                        "revenue": euros(lines_total(&m.revenue)),
                        "costs": euros(lines_total(&m.costs)),
                        "funding": euros(m.funding),
                        "operating_costs": euros(m.operating_costs),
                        "margin": euros(m.margin),
                        "capital": euros(m.capital),
                        "return_on_capital_bp": m.return_on_capital(last).map(|r| r.0),
                    })
                })
                .collect();
            json!({
                "id": ids.bank_id(b),
                "name": bank.name,
                "retail_strategy": bank.retail_strategy,
                "business_strategy": bank.business_strategy,
                "net_interest_margin_bp": r.net_interest_margin.0,
                "nii_share_bp": r.nii_share.0,
                "cost_of_risk_bp": r.cost_of_risk.0,
                "cost_income_bp": r.cost_income.0,
                "return_on_equity_bp": r.return_on_equity.0,
                "cet1_bp": r.cet1.0,
                "loans_to_deposits_bp": r.loans_to_deposits.0,
                "cash_to_assets_bp": r.cash_to_assets.0,
                "pnl": {
                    "interest_income": euros(r.pnl.interest_income),
                    "interest_expense": euros(r.pnl.interest_expense),
                    "net_interest_income": euros(r.pnl.net_interest_income()),
                    "fee_income": euros(r.pnl.fee_income),
                    "operating_costs": euros(r.pnl.operating_costs),
                    "credit_losses": euros(r.pnl.credit_losses),
                    "tax": euros(r.pnl.tax),
                    "net_profit": euros(r.pnl.net_profit()),
                },
                "balance_sheet": {
                    "reserves": euros(sheet.reserves),
                    "consumer_loans": euros(sheet.consumer_loans),
                    "mortgages": euros(sheet.mortgages),
                    "business_loans": euros(sheet.business_loans),
                    "loan_loss_allowance": euros(sheet.loan_loss_allowance),
                    "overdrafts": euros(sheet.overdrafts),
                    "deposits": euros(sheet.deposits),
                    "savings": euros(sheet.savings),
                    "equity": euros(sheet.equity),
                },
                "clients": bank.clients,
                "clients_won": bank.clients_won,
                "clients_lost": bank.clients_lost,
                "average_trust": bank.average_trust,
                "merchants": bank.merchants,
                "merchants_won": bank.merchants_won,
                "merchants_lost": bank.merchants_lost,
                "product_margins": margins,
            })
        })
        .collect();
    let (m, h) = (&summary.merchants, &summary.households);
    let shocks: Vec<Value> = economy
        .reports()
        .iter()
        .flat_map(|t| {
            t.events.iter().filter_map(move |e| match e {
                SimEvent::Shock(s) => Some(json!({ "turn": t.turn, "shock": s })),
                _ => None,
            })
        })
        .collect();
    let failures: Vec<Value> = economy
        .reports()
        .iter()
        .flat_map(|t| {
            t.events.iter().filter_map(move |e| match *e {
                SimEvent::BankResolved {
                    bank,
                    acquirer,
                    guaranteed,
                    bailed_in,
                } => Some(json!({
                    "turn": t.turn,
                    "bank": ids.bank_id(bank),
                    "acquirer": acquirer.and_then(|a| ids.bank_id(a)),
                    "deposit_guarantee_paid": euros(guaranteed),
                    "depositors_lost": euros(bailed_in),
                })),
                _ => None,
            })
        })
        .collect();
    let messages: Vec<Value> = run
        .messages
        .iter()
        .map(|(turn, text)| json!({ "turn": turn, "en": text.en, "fr": text.fr }))
        .collect();
    let report = json!({
        "scenario": {
            "id": scenario.id(),
            "title": { "en": scenario.title().en, "fr": scenario.title().fr },
            "turns": scenario.turns(),
            "seed": scenario.seed(),
        },
        "seed": run.seed,
        "turns_played": summary.turns_played,
        "postings": summary.postings,
        "books_balanced": summary.books_balanced,
        "banks": banks,
        "bank_failures": failures,
        "merchants": {
            "count": m.count,
            "sales": euros(m.sales),
            "card_sales": euros(m.card_sales),
            "card_fees": euros(m.card_fees),
            "net_income": euros(m.net_income),
            "vat": euros(m.vat),
            "switched_bank": m.switched_bank,
            "accepting_cards": m.accepting_cards,
        },
        "households": {
            "count": h.count,
            "average_trust": (summary.turns_played > 0).then_some(h.average_trust),
            "switched_bank": h.switched_bank,
            "fees_paid": euros(h.fees_paid),
            "surprise_fees": euros(h.surprise_fees),
            "interest_earned": euros(h.interest_earned),
            "complaints": h.complaints,
        },
        "shocks": shocks,
        "messages": messages,
    });
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
