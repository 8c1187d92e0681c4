//! What the market shows: each bank's offer, with the small print hidden under the opaque layer.
use super::config::{CardKind, Transparency};
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use serde::{Deserialize, Serialize};

/// A number a seat may or may not see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown<T> {
    Shown(T),
    Hidden,
}

impl<T: Copy> Shown<T> {
    /// The shown value transformed; hidden stays hidden.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Shown<U> {
        match self {
            Shown::Shown(v) => Shown::Shown(f(v)),
            Shown::Hidden => Shown::Hidden,
        }
    }

    pub fn shown(self) -> Option<T> {
        match self {
            Shown::Shown(v) => Some(v),
            Shown::Hidden => None,
        }
    }
}

/// A bank's prices as the public sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankOffer {
    pub bank: BankId,
    pub name: String,
    pub account_fee: Money,
    pub debit_card_fee: Money,
    pub credit_card_fee: Money,
    pub savings_rate: Bp,
    /// Small print: hidden under the opaque layer unless the bank discloses it.
    pub irregular_payment_fee: Shown<Money>,
    pub overdraft_rate: Shown<Bp>,
    /// The commercial margin inside the loan rate: shown once pricing rules are published.
    pub consumer_loan_margin: Shown<Bp>,
    /// What a merchant pays on a debit card payment: interchange + scheme fee + acquirer margin.
    pub msc_debit: Bp,
    pub terminal_fee: Money,
    pub merchant_account_fee: Money,
}

impl BankOffer {
    /// What a household expects to pay a month at this bank, from what it can see.
    pub fn expected_monthly_cost(&self, card: CardKind, irregular_payments: u16) -> Money {
        let card_fee = match card {
            CardKind::Debit => self.debit_card_fee,
            CardKind::Credit => self.credit_card_fee,
        };
        let small_print = self
            .irregular_payment_fee
            .shown()
            .map_or(0, |fee| fee.as_cents() * i64::from(irregular_payments));
        Money::cents(self.account_fee.as_cents() + card_fee.as_cents() + small_print)
    }

    /// A merchant's monthly cost of taking cards at this bank, for a month of card sales.
    pub fn acquiring_cost(&self, card_sales: Money) -> Money {
        Money::cents(
            card_sales
                .apply(self.msc_debit)
                .unwrap_or(card_sales)
                .as_cents()
                + self.terminal_fee.as_cents(),
        )
    }
}

fn show<T>(visible: bool, value: T) -> Shown<T> {
    if visible {
        Shown::Shown(value)
    } else {
        Shown::Hidden
    }
}

impl Economy {
    /// Every bank's offer as the market sees it under the current layer.
    pub fn bank_offers(&self) -> Vec<BankOffer> {
        self.bank_offers_under(self.params.transparency)
    }

    /// Every bank's offer as it would be seen under `layer`.
    pub fn bank_offers_under(&self, layer: Transparency) -> Vec<BankOffer> {
        self.banks
            .iter()
            .map(|b| {
                let r = b.retail;
                let published = self.pricing_published(b.id, layer);
                BankOffer {
                    bank: b.id,
                    name: b.name.clone(),
                    account_fee: r.fees.account_fee,
                    debit_card_fee: r.fees.debit_card_fee,
                    credit_card_fee: r.fees.credit_card_fee,
                    savings_rate: r.savings_rate,
                    irregular_payment_fee: show(published, r.fees.irregular_payment_fee),
                    overdraft_rate: show(published, r.fees.overdraft_rate),
                    consumer_loan_margin: show(published, r.consumer_loans.margin),
                    msc_debit: Bp(self.params.interchange(CardKind::Debit).0
                        + self.params.scheme_fee.0
                        + b.business.merchant_fees.acquirer_margin.0),
                    terminal_fee: b.business.merchant_fees.terminal_fee,
                    merchant_account_fee: b.business.merchant_fees.account_fee,
                }
            })
            .collect()
    }
}
