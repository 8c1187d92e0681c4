//! The JSON report of a run: the scenario, the seed, each bank's ratios, P&L, balance sheet and
//! product margins, and the shops' and households' totals. Amounts are in euros.
use super::{Run, euros, lines_total};
use crate::scenario::Scenario;
use crate::sim::{Money, Product, SimEvent};
use serde_json::{Value, json};

/// The report of a finished run, as pretty JSON.
pub fn json_report(scenario: &Scenario, run: &Run) -> String {
    let economy = &run.economy;
    let ids = scenario.ids();
    let last = economy.turn().saturating_sub(1);
    let banks: Vec<Value> = economy
        .banks()
        .iter()
        .map(|bank| {
            let b = bank.id;
            let r = economy.bank_ratios(b);
            let sheet = economy.balance_sheet(b);
            let last_activity = economy
                .reports()
                .last()
                .and_then(|t| t.banks.get(b.index()))
                .map(|x| x.activity)
                .unwrap_or_default();
            let (won, lost) = economy
                .reports()
                .iter()
                .filter_map(|t| t.banks.get(b.index()))
                .fold((0, 0), |(w, l), x| {
                    (w + x.activity.clients_won, l + x.activity.clients_lost)
                });
            let margins: Vec<Value> = Product::OF_BANKS
                .iter()
                .map(|&p| {
                    let m = economy.bank_margin(b, p, 1..=last);
                    json!({
                        "product": p.key(),
                        "revenue": euros(lines_total(&m.revenue)),
                        "costs": euros(lines_total(&m.costs)),
                        "funding": euros(m.funding),
                        "margin": euros(m.margin),
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
                "pnl": {
                    "interest_income": euros(r.pnl.interest_income),
                    "interest_expense": euros(r.pnl.interest_expense),
                    "net_interest_income": euros(r.pnl.net_interest_income()),
                    "fee_income": euros(r.pnl.fee_income),
                    "operating_costs": euros(r.pnl.operating_costs),
                    "credit_losses": euros(r.pnl.credit_losses),
                    "net_profit": euros(r.pnl.net_profit()),
                },
                "balance_sheet": {
                    "reserves": euros(sheet.reserves),
                    "consumer_loans": euros(sheet.consumer_loans),
                    "business_loans": euros(sheet.business_loans),
                    "overdrafts": euros(sheet.overdrafts),
                    "deposits": euros(sheet.deposits),
                    "savings": euros(sheet.savings),
                    "equity": euros(sheet.equity),
                },
                "clients": last_activity.clients,
                "clients_won": won,
                "clients_lost": lost,
                "average_trust": last_activity.average_trust,
                "merchants": last_activity.merchants,
                "product_margins": margins,
            })
        })
        .collect();
    let mut shops = [Money::ZERO; 4];
    for t in economy.reports() {
        for m in &t.merchants {
            for (total, x) in shops
                .iter_mut()
                .zip([m.sales, m.card_fees(), m.net_income, m.vat])
            {
                *total = total.saturating_add(x);
            }
        }
    }
    let mut households = (0u32, Money::ZERO, Money::ZERO, 0u32);
    for t in economy.reports() {
        let c = &t.clients;
        households.0 += c.switched_bank;
        households.1 = households.1.saturating_add(c.fees_paid);
        households.2 = households.2.saturating_add(c.surprise_fees);
        households.3 += c.complaints;
    }
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
        "turns_played": economy.reports().len(),
        "postings": economy.ledger().posting_count(),
        "books_balanced": economy.ledger().is_balanced(),
        "banks": banks,
        "merchants": {
            "count": economy.merchants().len(),
            "sales": euros(shops[0]),
            "card_fees": euros(shops[1]),
            "net_income": euros(shops[2]),
            "vat": euros(shops[3]),
        },
        "households": {
            "count": economy.clients().len(),
            "average_trust": economy.reports().last().map(|t| t.clients.average_trust),
            "switched_bank": households.0,
            "fees_paid": euros(households.1),
            "surprise_fees": euros(households.2),
            "complaints": households.3,
        },
        "shocks": shocks,
        "messages": messages,
    });
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
