//! Financially fragile clients: a household with irregular payments two months in a row, or in the credit register, is fragile for the next three months, and its irregular-payment fees fall under the market's lower caps.
//!
//! French banks must spot such clients (Code monétaire et financier L312-1-3 and R312-4-3;
//! décret 2020-889: five irregularities or payment incidents in one month; or three months in
//! the Banque de France's cheque register; or an over-indebtedness file, for which the game's
//! credit register stands) and cap what they charge them: €25 a month in all incident fees, and
//! €4 a payment and €20 a month for irregularities to those who hold the low-cost *offre
//! spécifique*, against €8 and €80 for everyone. A household here pays its bills
//! as one direct debit a month where a French household has several (rent, energy, phone,
//! insurance), so a month with an irregular payment stands for several incidents; the game's
//! reading of the five-incident rule is two such months in a row. A scenario sets the lower caps
//! in its market (`fragile_fee_cap_per_payment`, `fragile_fee_cap_per_month`); without them a
//! fragile client pays what any client pays.
use super::actors::Client;
use super::economy::Economy;
use super::ids::Turn;

/// Months in a row with an irregular payment that make a client fragile.
pub const IRREGULAR_MONTHS: u8 = 2;
/// How long a client stays fragile after such a month.
pub const FRAGILE_MONTHS: Turn = 3;

impl Economy {
    /// Whether the bank must treat a household as financially fragile this month.
    pub(super) fn is_fragile(&self, client: &Client) -> bool {
        let now = self.turn();
        self.in_register(client.defaulted) || client.fragile_until.is_some_and(|until| now <= until)
    }

    /// At the month's end: a household with irregular payments this month and the month before
    /// is fragile for the next three.
    pub(super) fn mark_fragile_clients(&mut self) {
        let now = self.turn();
        for client in &mut self.clients {
            client.irregular_months = if client.experience.irregular_payments > 0 {
                client.irregular_months.saturating_add(1)
            } else {
                0
            };
            if client.irregular_months >= IRREGULAR_MONTHS {
                client.fragile_until = Some(now.saturating_add(FRAGILE_MONTHS));
            }
        }
    }
}
