//! The time series of a run as CSV files: one row per turn and actor, amounts in euros with two
//! decimals, rates in basis points, ready for a spreadsheet.
use crate::scenario::Scenario;
use crate::sim::{BankId, Economy, Product};
use std::fmt::Write;

/// A CSV file to write: its name in the output folder and its text.
pub struct CsvFile {
    pub name: &'static str,
    pub text: String,
}

/// Quotes a field if it needs it.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// banks.csv, products.csv, merchants.csv and households.csv.
pub fn time_series(scenario: &Scenario, economy: &Economy) -> Vec<CsvFile> {
    let ids = scenario.ids();
    let bank_id = |b: BankId| field(&ids.bank_id(b).unwrap_or_default());
    let mut banks = String::from(
        "turn,bank,reserves,consumer_loans,mortgages,business_loans,loan_loss_allowance,overdrafts,deposits,savings,equity,\
         interest_income,interest_expense,fee_income,operating_costs,credit_losses,tax,net_profit,\
         risk_weighted_assets,cet1_ratio_bp,dividends,clients,clients_won,clients_lost,average_trust,merchants,loans_granted,loans_refused,\
         defaults,missed_instalments,complaints\n",
    );
    let mut products =
        String::from("turn,bank,product,revenue,costs,funding,operating_costs,margin\n");
    let mut merchants = String::from(
        "turn,merchant,sales,card_sales,vat,cost_of_goods,interchange,scheme_fee,\
         acquirer_margin,bank_fees,rent,loan_interest,net_income,balance,accepts_cards\n",
    );
    let mut households = String::from(
        "turn,households,average_trust,income,card_spending,cash_spending,fees_paid,\
         surprise_fees,fees_waived_by_caps,irregular_payments,declined_payments,overdrawn,\
         complaints,switched_bank,switched_merchant,deposits,savings,policy_rate_bp\n",
    );
    for r in economy.reports() {
        let t = r.turn;
        for b in &r.banks {
            let (s, p, a) = (&b.sheet, &b.pnl, &b.activity);
            let _ = writeln!(
                banks,
                "{t},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                bank_id(b.bank),
                s.reserves,
                s.consumer_loans,
                s.mortgages,
                s.business_loans,
                s.loan_loss_allowance,
                s.overdrafts,
                s.deposits,
                s.savings,
                s.equity,
                p.interest_income,
                p.interest_expense,
                p.fee_income,
                p.operating_costs,
                p.credit_losses,
                p.tax,
                p.net_profit(),
                b.capital.rwa,
                b.capital.ratio().0,
                b.dividends,
                a.clients,
                a.clients_won,
                a.clients_lost,
                a.average_trust,
                a.merchants,
                a.loans_granted,
                a.loans_refused,
                a.defaults,
                a.missed_instalments,
                a.complaints,
            );
            for product in Product::OF_BANKS {
                let m = economy.bank_margin(b.bank, product, t..=t);
                let _ = writeln!(
                    products,
                    "{t},{},{},{},{},{},{},{}",
                    bank_id(b.bank),
                    product.key(),
                    super::lines_total(&m.revenue),
                    super::lines_total(&m.costs),
                    m.funding,
                    m.operating_costs,
                    m.margin,
                );
            }
        }
        for m in &r.merchants {
            let _ = writeln!(
                merchants,
                "{t},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                field(&ids.merchant_id(m.merchant).unwrap_or_default()),
                m.sales,
                m.card_sales,
                m.vat,
                m.cost_of_goods,
                m.interchange,
                m.scheme_fee,
                m.acquirer_margin,
                m.bank_fees,
                m.rent,
                m.loan_interest,
                m.net_income,
                m.balance,
                m.accepts_cards,
            );
        }
        let c = &r.clients;
        let _ = writeln!(
            households,
            "{t},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            c.count,
            c.average_trust,
            c.income,
            c.card_spending,
            c.cash_spending,
            c.fees_paid,
            c.surprise_fees,
            c.fees_waived_by_caps,
            c.irregular_payments,
            c.declined_payments,
            c.overdrawn,
            c.complaints,
            c.switched_bank,
            c.switched_merchant,
            c.deposits,
            c.savings,
            r.policy_rate.0,
        );
    }
    vec![
        CsvFile {
            name: "banks.csv",
            text: banks,
        },
        CsvFile {
            name: "products.csv",
            text: products,
        },
        CsvFile {
            name: "merchants.csv",
            text: merchants,
        },
        CsvFile {
            name: "households.csv",
            text: households,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(field("shop-1"), "shop-1");
        assert_eq!(field("Dupont, fils"), "\"Dupont, fils\"");
        assert_eq!(field("the \"best\""), "\"the \"\"best\"\"\"");
    }
}
