//! The summary of a game in words, in the reader's language: one block per bank, then the shops
//! and the households. Stable text, fit for golden files.
use crate::i18n::format::{count, money, rate};
use crate::i18n::{Language, Message, Translations};
use crate::sim::{BankSummary, Economy, Strategy, Summary};

/// The message key naming a bot strategy.
pub fn strategy_key(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::Fair => "cli-strategy-fair",
        Strategy::Greedy => "cli-strategy-greedy",
        Strategy::Cautious => "cli-strategy-cautious",
        Strategy::Random => "cli-strategy-random",
    }
}

/// A summary of the game so far, in words.
pub fn summary(economy: &Economy, tr: &Translations) -> String {
    summary_text(&economy.summary(), tr)
}

/// The lines of a summary, one message each with its indent; `None` is a blank line.
fn summary_lines(s: &Summary, language: Language) -> Vec<Option<(usize, Message)>> {
    let n = |v: u64| count(language, v);
    let mut lines = vec![
        Some((
            0,
            Message::new("summary-turns").with("turns", s.turns_played),
        )),
        Some((
            0,
            Message::new("summary-postings").with("postings", n(s.postings)),
        )),
        Some((
            0,
            Message::new(if s.books_balanced {
                "summary-balanced"
            } else {
                "summary-unbalanced"
            }),
        )),
    ];
    for bank in &s.banks {
        lines.push(None);
        lines.extend(bank_lines(bank, language).into_iter().map(Some));
    }
    let m = &s.merchants;
    lines.push(None);
    lines.push(Some((
        0,
        Message::new("summary-merchants")
            .with("count", n(m.count as u64))
            .with("sales", money(language, m.sales))
            .with("card_fees", money(language, m.card_fees))
            .with("net_income", money(language, m.net_income)),
    )));
    let h = &s.households;
    if s.turns_played > 0 {
        lines.push(Some((
            0,
            Message::new("summary-households")
                .with("count", n(h.count.into()))
                .with("trust", h.average_trust)
                .with("switched", n(h.switched_bank.into()))
                .with("complaints", n(h.complaints.into()))
                .with("surprise_fees", money(language, h.surprise_fees))
                .with("overdrawn", n(h.overdrawn.into())),
        )));
    }
    lines
}

fn bank_lines(bank: &BankSummary, language: Language) -> Vec<(usize, Message)> {
    let m = |v| money(language, v);
    let n = |v: u32| count(language, v.into());
    let strategy = |s| Message::new(strategy_key(s));
    let (sheet, p, r) = (&bank.sheet, &bank.ratios.pnl, &bank.ratios);
    vec![
        (
            0,
            Message::new("summary-bank")
                .with("name", bank.name.as_str())
                .with("retail", strategy(bank.retail_strategy))
                .with("business", strategy(bank.business_strategy)),
        ),
        (
            1,
            Message::new("summary-bank-clients")
                .with("clients", n(bank.clients))
                .with("won", n(bank.clients_won))
                .with("lost", n(bank.clients_lost))
                .with("merchants", n(bank.merchants)),
        ),
        (
            1,
            Message::new("summary-bank-sheet")
                .with("reserves", m(sheet.reserves))
                .with("consumer_loans", m(sheet.consumer_loans))
                .with("mortgages", m(sheet.mortgages))
                .with("business_loans", m(sheet.business_loans))
                .with("allowance", m(sheet.loan_loss_allowance))
                .with("overdrafts", m(sheet.overdrafts))
                .with("deposits", m(sheet.deposits))
                .with("savings", m(sheet.savings))
                .with("equity", m(sheet.equity)),
        ),
        (
            1,
            Message::new("summary-bank-pnl")
                .with("interest_income", m(p.interest_income))
                .with("interest_expense", m(p.interest_expense))
                .with("nii", m(p.net_interest_income()))
                .with("fees", m(p.fee_income))
                .with("operating_costs", m(p.operating_costs))
                .with("credit_losses", m(p.credit_losses))
                .with("tax", m(p.tax))
                .with("net_profit", m(p.net_profit())),
        ),
        (
            1,
            Message::new("summary-bank-ratios")
                .with("nim", rate(language, r.net_interest_margin))
                .with("nii_share", rate(language, r.nii_share))
                .with("cost_of_risk", rate(language, r.cost_of_risk))
                .with("cost_income", rate(language, r.cost_income))
                .with("roe", rate(language, r.return_on_equity))
                .with("cet1", rate(language, r.cet1))
                .with("loans_to_deposits", rate(language, r.loans_to_deposits))
                .with("cash_to_assets", rate(language, r.cash_to_assets)),
        ),
    ]
}

/// The summary's lines joined, each ending with a newline.
pub fn summary_text(s: &Summary, tr: &Translations) -> String {
    summary_lines(s, tr.language())
        .iter()
        .map(|line| match line {
            Some((indent, message)) => format!("{}{}\n", "  ".repeat(*indent), tr.message(message)),
            None => "\n".to_string(),
        })
        .collect()
}
