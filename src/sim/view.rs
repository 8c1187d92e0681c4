//! What the market shows: each bank's offer, with the small print hidden under the opaque layer.
use super::config::{CardKind, Transparency};
use super::economy::Economy;
use super::ids::BankId;
use super::money::{Bp, Money};
use super::pricing::Caps;
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
    /// The yearly rate of the revolving credit on its credit cards (zero: none). An advertised
    /// price, shown under every layer (the consumer credit directive's APR).
    #[serde(default)]
    pub card_credit_rate: Bp,
    pub savings_rate: Bp,
    /// Small print: hidden under the opaque layer unless the bank discloses it.
    pub irregular_payment_fee: Shown<Money>,
    pub overdraft_rate: Shown<Bp>,
    /// The commercial margin inside the loan rate: shown once pricing rules are published.
    pub consumer_loan_margin: Shown<Bp>,
    /// What a merchant pays on a debit card payment: interchange + scheme fee + acquirer margin.
    /// Acquirers quote it shop by shop: the market sees it once pricing rules are published (the
    /// EU's Interchange Fee Regulation 2015/751, art. 9, has acquirers show its parts apart).
    pub msc_debit: Shown<Bp>,
    /// The acquirer's own part of it, shown with it.
    pub acquirer_margin: Shown<Bp>,
    pub terminal_fee: Money,
    pub merchant_account_fee: Money,
}

/// A line of the market's table: a price every bank's offer carries. The market panel shows
/// one row per term, in this order; a new price is a new term here and its translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    AccountFee,
    DebitCardFee,
    CreditCardFee,
    CardCreditRate,
    SavingsRate,
    IrregularPaymentFee,
    OverdraftRate,
    ConsumerLoanMargin,
    MscDebit,
    TerminalFee,
}

/// A price as the market shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Price {
    Money(Money),
    Rate(Bp),
    /// The bank does not sell it (a card without credit), which is not a price of zero.
    NotOffered,
}

impl Term {
    pub const ALL: [Term; 10] = [
        Term::AccountFee,
        Term::DebitCardFee,
        Term::CreditCardFee,
        Term::CardCreditRate,
        Term::SavingsRate,
        Term::IrregularPaymentFee,
        Term::OverdraftRate,
        Term::ConsumerLoanMargin,
        Term::MscDebit,
        Term::TerminalFee,
    ];

    /// Its translation key, and its glossary entry's when `explained`.
    pub fn key(self) -> &'static str {
        match self {
            Term::AccountFee => "account-fee",
            Term::DebitCardFee => "debit-card-fee",
            Term::CreditCardFee => "credit-card-fee",
            Term::CardCreditRate => "card-credit-rate",
            Term::SavingsRate => "savings-rate",
            Term::IrregularPaymentFee => "irregular-payment-fee",
            Term::OverdraftRate => "overdraft",
            Term::ConsumerLoanMargin => "margin",
            Term::MscDebit => "msc",
            Term::TerminalFee => "terminal-fee",
        }
    }

    /// Whether the glossary explains it: the panel then links its name to the entry.
    pub fn explained(self) -> bool {
        match self {
            Term::AccountFee | Term::DebitCardFee | Term::CreditCardFee | Term::TerminalFee => {
                false
            }
            Term::CardCreditRate
            | Term::SavingsRate
            | Term::IrregularPaymentFee
            | Term::OverdraftRate
            | Term::ConsumerLoanMargin
            | Term::MscDebit => true,
        }
    }
}

/// How a household uses its account in a month: what its expected cost is priced on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub card: CardKind,
    /// Payments that took the account beyond its authorised overdraft.
    pub irregular_payments: u16,
    /// How far below zero the account stands (zero when it is in credit).
    pub overdraft: Money,
    /// Whether the bank must treat the household as financially fragile (lower fee caps).
    #[serde(default)]
    pub fragile: bool,
}

impl BankOffer {
    /// One of its prices, hidden where the layer hides it.
    pub fn term(&self, term: Term) -> Shown<Price> {
        match term {
            Term::AccountFee => Shown::Shown(Price::Money(self.account_fee)),
            Term::DebitCardFee => Shown::Shown(Price::Money(self.debit_card_fee)),
            Term::CreditCardFee => Shown::Shown(Price::Money(self.credit_card_fee)),
            // Zero: the bank does not lend on its cards (not a free loan).
            Term::CardCreditRate => Shown::Shown(if self.card_credit_rate.0 > 0 {
                Price::Rate(self.card_credit_rate)
            } else {
                Price::NotOffered
            }),
            Term::SavingsRate => Shown::Shown(Price::Rate(self.savings_rate)),
            Term::IrregularPaymentFee => self.irregular_payment_fee.map(Price::Money),
            Term::OverdraftRate => self.overdraft_rate.map(Price::Rate),
            Term::ConsumerLoanMargin => self.consumer_loan_margin.map(Price::Rate),
            Term::MscDebit => self.msc_debit.map(Price::Rate),
            Term::TerminalFee => Shown::Shown(Price::Money(self.terminal_fee)),
        }
    }

    /// What a household expects its bank to charge in a month, from what it can see: the account
    /// and card fees, and, when the small print is shown, the irregular-payment fees and
    /// overdraft interest its own usage would cost, within the regulator's caps. A hidden price
    /// counts for nothing: the myopic consumer of Gabaix & Laibson (2006, QJE), who does not
    /// foresee a shrouded add-on.
    pub fn expected_fees(&self, usage: &Usage, caps: &Caps) -> Money {
        let card_fee = match usage.card {
            CardKind::Debit => self.debit_card_fee,
            CardKind::Credit => self.credit_card_fee,
        };
        let irregular = self
            .irregular_payment_fee
            .shown()
            .map_or(Money::ZERO, |fee| {
                let (per_payment, per_month) = caps.irregular_fees(usage.fragile);
                let fee = per_payment.map_or(fee, |cap| fee.min(cap));
                let all = fee
                    .checked_mul(i64::from(usage.irregular_payments))
                    .unwrap_or(Money::ZERO);
                per_month.map_or(all, |cap| all.min(cap))
            });
        let overdraft = self.overdraft_rate.shown().map_or(Money::ZERO, |rate| {
            usage
                .overdraft
                .max(Money::ZERO)
                .monthly_interest(rate)
                .unwrap_or(Money::ZERO)
        });
        Money::sum([self.account_fee, card_fee, irregular, overdraft]).unwrap_or(Money::ZERO)
    }

    /// What a household expects its bank to charge next month: the fees it can see applied to
    /// its usage, and never less than its last statement from this bank (`statement`: zero for a
    /// household that just came to it). The household reads its own statements: a hidden fee
    /// surprises it once, and again only when it grows.
    pub fn expected_bill(&self, usage: &Usage, caps: &Caps, statement: Money) -> Money {
        self.expected_fees(usage, caps).max(statement)
    }

    /// A merchant's monthly cost of taking cards at this bank for a month of card sales, when
    /// the bank's card fee is shown.
    pub fn acquiring_cost(&self, card_sales: Money) -> Shown<Money> {
        self.msc_debit.map(|msc| {
            card_sales
                .apply(msc)
                .unwrap_or(card_sales)
                .saturating_add(self.terminal_fee)
        })
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
    /// What a bank asks a merchant on a debit card payment now: interchange after caps, the
    /// scheme fee and its acquirer margin.
    pub fn msc_debit(&self, bank: BankId) -> Bp {
        let margin = self
            .bank(bank)
            .map_or(0, |b| b.business.merchant_fees.acquirer_margin.0);
        Bp(self
            .params
            .interchange(CardKind::Debit)
            .0
            .saturating_add(self.params.scheme_fee.0)
            .saturating_add(margin))
    }

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
                    card_credit_rate: r.card_credit_rate,
                    savings_rate: r.savings_rate,
                    irregular_payment_fee: show(published, r.fees.irregular_payment_fee),
                    overdraft_rate: show(published, r.fees.overdraft_rate),
                    consumer_loan_margin: show(published, r.consumer_loans.margin),
                    msc_debit: show(published, self.msc_debit(b.id)),
                    acquirer_margin: show(published, b.business.merchant_fees.acquirer_margin),
                    terminal_fee: b.business.merchant_fees.terminal_fee,
                    merchant_account_fee: b.business.merchant_fees.account_fee,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{TownSpec, town};

    #[test]
    fn the_market_hides_the_small_print_under_opaque_and_shows_every_term_under_glass() {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 60, 9))).unwrap();
        e.banks[0].retail.card_credit_rate = Bp(0);
        let hidden = |layer| {
            let offer = &e.bank_offers_under(layer)[0];
            Term::ALL
                .into_iter()
                .filter(|t| offer.term(*t) == Shown::Hidden)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hidden(Transparency::Opaque),
            [
                Term::IrregularPaymentFee,
                Term::OverdraftRate,
                Term::ConsumerLoanMargin,
                Term::MscDebit
            ]
        );
        assert_eq!(hidden(Transparency::Glass), []);
        let offer = &e.bank_offers_under(Transparency::Glass)[0];
        assert_eq!(
            offer.term(Term::CardCreditRate),
            Shown::Shown(Price::NotOffered)
        );
        assert_eq!(
            offer.term(Term::AccountFee),
            Shown::Shown(Price::Money(offer.account_fee))
        );
    }
}
