//! The bounds of every number a seat decides, in one place: the simulation refuses a decision
//! outside them, a scenario's opening prices are checked against them, the room refuses a draft
//! outside them before storing it, the bots keep within them and the decision panels' sliders
//! span them.
use std::fmt;

use super::decisions::{
    BusinessDecision, ClientDecision, LoanRequest, MerchantDecision, RetailDecision,
};
use super::money::{Bp, Money};
use super::pricing::LoanPolicy;

/// What a bounded number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Money, in cents.
    Cents,
    /// A rate or a share, in basis points.
    Bp,
    /// A term, in months.
    Months,
}

/// The values one field of a decision may take, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The field's name in the decision, as the protocol and the scenario files write it.
    pub field: &'static str,
    /// The translation key of its label on the decision panel.
    pub label: &'static str,
    pub scale: Scale,
    pub min: i64,
    pub max: i64,
}

/// A value found outside its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfBounds {
    pub limit: Limit,
    pub found: i64,
}

impl fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.limit;
        let unit = match l.scale {
            Scale::Cents => "cents",
            Scale::Bp => "bp",
            Scale::Months => "months",
        };
        write!(
            f,
            "{} is {} {unit}, outside {}..={}",
            l.field, self.found, l.min, l.max
        )
    }
}

impl Limit {
    const fn new(
        field: &'static str,
        label: &'static str,
        scale: Scale,
        min: i64,
        max: i64,
    ) -> Limit {
        Limit {
            field,
            label,
            scale,
            min,
            max,
        }
    }

    const fn cents(field: &'static str, label: &'static str, max_euros: i64) -> Limit {
        Limit::new(field, label, Scale::Cents, 0, max_euros * 100)
    }

    const fn bp(field: &'static str, label: &'static str, min: i64, max: i64) -> Limit {
        Limit::new(field, label, Scale::Bp, min, max)
    }

    pub const fn contains(&self, value: i64) -> bool {
        self.min <= value && value <= self.max
    }

    pub fn check(&self, value: i64) -> Result<(), OutOfBounds> {
        if self.contains(value) {
            Ok(())
        } else {
            Err(OutOfBounds {
                limit: *self,
                found: value,
            })
        }
    }

    /// The nearest value within the limit.
    pub fn clamp(&self, value: i64) -> i64 {
        value.clamp(self.min, self.max)
    }

    /// The smallest amount, for a field counted in cents.
    pub const fn min_money(&self) -> Money {
        Money::cents(self.min)
    }

    pub const fn max_money(&self) -> Money {
        Money::cents(self.max)
    }

    /// The smallest rate, for a field counted in basis points (every limit fits an `i32`).
    pub const fn min_bp(&self) -> Bp {
        Bp(self.min as i32)
    }

    pub const fn max_bp(&self) -> Bp {
        Bp(self.max as i32)
    }
}

/// A field of a decision, to read and bound whatever its type.
pub enum Field<'a> {
    Money(&'a mut Money),
    Bp(&'a mut Bp),
    Months(&'a mut u16),
}

impl Field<'_> {
    pub fn get(&self) -> i64 {
        match self {
            Field::Money(m) => m.as_cents(),
            Field::Bp(b) => i64::from(b.0),
            Field::Months(n) => i64::from(**n),
        }
    }

    /// Writes a value, held within what the field's type can hold (not within its limit).
    pub fn set(&mut self, value: i64) {
        match self {
            Field::Money(m) => **m = Money::cents(value),
            Field::Bp(b) => b.0 = value.clamp(i32::MIN.into(), i32::MAX.into()) as i32,
            Field::Months(n) => **n = value.clamp(0, u16::MAX.into()) as u16,
        }
    }
}

/// A decision whose numbers have limits.
pub trait Bounded: Copy {
    /// Each bounded field with its limit.
    fn fields(&mut self) -> Vec<(Limit, Field<'_>)>;

    /// The first field outside its limit, if any.
    fn out_of_bounds(&self) -> Option<OutOfBounds> {
        let mut copy = *self;
        copy.fields()
            .into_iter()
            .find_map(|(limit, field)| limit.check(field.get()).err())
    }

    /// The decision with every field brought within its limit.
    fn bounded(mut self) -> Self {
        for (limit, mut field) in self.fields() {
            let value = field.get();
            if !limit.contains(value) {
                field.set(limit.clamp(value));
            }
        }
        self
    }
}

impl RetailDecision {
    // Wide enough for the shipped scenarios and a harsher market than France's (an
    // irregular-payment fee capped at €8 there, about $34 an overdraft in the US, CFPB), and for a
    // policy rate shock; narrow enough that no month's arithmetic can overflow. Fees in euros a
    // month, rates in basis points a year.
    pub const ACCOUNT_FEE: Limit = Limit::cents("account_fee", "account-fee", 30);
    pub const DEBIT_CARD_FEE: Limit = Limit::cents("debit_card_fee", "debit-card-fee", 20);
    pub const CREDIT_CARD_FEE: Limit = Limit::cents("credit_card_fee", "credit-card-fee", 30);
    pub const IRREGULAR_PAYMENT_FEE: Limit =
        Limit::cents("irregular_payment_fee", "term-irregular-payment-fee", 30);
    pub const OVERDRAFT_RATE: Limit = Limit::bp("overdraft_rate", "term-overdraft", 0, 3_000);
    pub const CURRENT_RATE: Limit = Limit::bp("current_rate", "current-rate", -500, 1_000);
    pub const SAVINGS_RATE: Limit = Limit::bp("savings_rate", "term-savings-rate", 0, 2_000);
    /// Up to 22.5% a year: France's usury ceiling for consumer credit up to €3,000, which covers
    /// most revolving credit, stood at about 22-22.5% in 2024 (22.49% in the third quarter;
    /// Banque de France, *taux d'usure*).
    pub const CARD_CREDIT_RATE: Limit =
        Limit::bp("card_credit_rate", "term-card-credit-rate", 0, 2_250);
}

impl LoanPolicy {
    pub const MARGIN: Limit = Limit::bp("margin", "term-margin", 0, 2_000);
    pub const MAX_PD: Limit = Limit::bp("max_pd", "term-pd", 0, 10_000);
    pub const MAX_MONTHS: Limit = Limit::new("max_months", "max-months", Scale::Months, 1, 360);

    fn fields(&mut self) -> [(Limit, Field<'_>); 3] {
        [
            (LoanPolicy::MARGIN, Field::Bp(&mut self.margin)),
            (LoanPolicy::MAX_PD, Field::Bp(&mut self.max_pd)),
            (LoanPolicy::MAX_MONTHS, Field::Months(&mut self.max_months)),
        ]
    }
}

impl LoanRequest {
    /// Up to a million euros: a shop's fit-out, a household's car many times over.
    pub const AMOUNT: Limit = Limit::new("amount", "loan-amount", Scale::Cents, 1, 100_000_000);
    pub const MONTHS: Limit = Limit::new("months", "loan-months", Scale::Months, 1, 360);

    fn fields(request: &mut Option<LoanRequest>) -> Vec<(Limit, Field<'_>)> {
        match request {
            Some(r) => vec![
                (LoanRequest::AMOUNT, Field::Money(&mut r.amount)),
                (LoanRequest::MONTHS, Field::Months(&mut r.months)),
            ],
            None => Vec::new(),
        }
    }
}

impl Bounded for RetailDecision {
    fn fields(&mut self) -> Vec<(Limit, Field<'_>)> {
        let f = &mut self.fees;
        let mut fields = vec![
            (Self::ACCOUNT_FEE, Field::Money(&mut f.account_fee)),
            (Self::DEBIT_CARD_FEE, Field::Money(&mut f.debit_card_fee)),
            (Self::CREDIT_CARD_FEE, Field::Money(&mut f.credit_card_fee)),
            (
                Self::IRREGULAR_PAYMENT_FEE,
                Field::Money(&mut f.irregular_payment_fee),
            ),
            (Self::OVERDRAFT_RATE, Field::Bp(&mut f.overdraft_rate)),
            (Self::CURRENT_RATE, Field::Bp(&mut self.current_rate)),
            (Self::SAVINGS_RATE, Field::Bp(&mut self.savings_rate)),
            (
                Self::CARD_CREDIT_RATE,
                Field::Bp(&mut self.card_credit_rate),
            ),
        ];
        fields.extend(self.consumer_loans.fields());
        fields.extend(self.mortgages.fields());
        fields
    }
}

impl BusinessDecision {
    /// An acquirer's margin on a card payment. A shop's whole card fee is commonly put at
    /// 0.3–0.6% for large shops and 1–2% for small ones (general knowledge, not a statistic), of
    /// which 0.2% is debit interchange under the IFR 2015/751; up to 5% leaves room to play a
    /// greedy acquirer.
    pub const ACQUIRER_MARGIN: Limit = Limit::bp("acquirer_margin", "term-acquirer-margin", 0, 500);
    pub const TERMINAL_FEE: Limit = Limit::cents("terminal_fee", "terminal-fee", 100);
    pub const ACCOUNT_FEE: Limit = Limit::cents("account_fee", "business-account-fee", 100);
}

impl Bounded for BusinessDecision {
    fn fields(&mut self) -> Vec<(Limit, Field<'_>)> {
        let f = &mut self.merchant_fees;
        let mut fields = vec![
            (Self::ACQUIRER_MARGIN, Field::Bp(&mut f.acquirer_margin)),
            (Self::TERMINAL_FEE, Field::Money(&mut f.terminal_fee)),
            (Self::ACCOUNT_FEE, Field::Money(&mut f.account_fee)),
        ];
        fields.extend(self.business_loans.fields());
        fields
    }
}

impl MerchantDecision {
    /// A mark-up on the unit cost, up to five times it.
    pub const MARKUP: Limit = Limit::bp("markup", "term-markup", 0, 50_000);
}

impl Bounded for MerchantDecision {
    fn fields(&mut self) -> Vec<(Limit, Field<'_>)> {
        let mut fields = vec![(Self::MARKUP, Field::Bp(&mut self.markup))];
        fields.extend(LoanRequest::fields(&mut self.loan_request));
        fields
    }
}

impl ClientDecision {
    /// Share of the month's spending budget spent: none of it to half as much again.
    pub const SPENDING: Limit = Limit::bp("spending", "spending", 0, 15_000);
    pub const CARD_SHARE: Limit = Limit::bp("card_share", "card-share", 0, 10_000);
    /// Moved into (or, negative, out of) savings in a month: up to a million euros.
    pub const SAVE: Limit = Limit::new("save", "save", Scale::Cents, -100_000_000, 100_000_000);
}

impl Bounded for ClientDecision {
    fn fields(&mut self) -> Vec<(Limit, Field<'_>)> {
        let mut fields = vec![
            (Self::SPENDING, Field::Bp(&mut self.spending)),
            (Self::CARD_SHARE, Field::Bp(&mut self.card_share)),
            (Self::SAVE, Field::Money(&mut self.save)),
        ];
        fields.extend(LoanRequest::fields(&mut self.loan_request));
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extreme_value_is_found_and_brought_within_its_limit() {
        let mut d = ClientDecision {
            spending: Bp(i32::MAX),
            card_share: Bp(-1),
            loan_request: Some(LoanRequest {
                amount: Money::cents(i64::MAX),
                months: 0,
            }),
            switch_bank: None,
            complain: false,
            leave_merchant: None,
            save: Money::cents(i64::MIN),
            buy_home: false,
        };
        let oob = d.out_of_bounds().unwrap();
        assert_eq!(oob.limit, ClientDecision::SPENDING);
        assert_eq!(oob.found, i64::from(i32::MAX));
        d = d.bounded();
        assert_eq!(d.out_of_bounds(), None);
        assert_eq!(d.spending, Bp(15_000));
        assert_eq!(d.card_share, Bp(0));
        assert_eq!(d.save, ClientDecision::SAVE.min_money());
        let r = d.loan_request.unwrap();
        assert_eq!((r.amount, r.months), (LoanRequest::AMOUNT.max_money(), 1));
    }

    #[test]
    fn every_limit_fits_its_field_and_is_not_empty() {
        let limits = [
            RetailDecision::ACCOUNT_FEE,
            RetailDecision::DEBIT_CARD_FEE,
            RetailDecision::CREDIT_CARD_FEE,
            RetailDecision::IRREGULAR_PAYMENT_FEE,
            RetailDecision::OVERDRAFT_RATE,
            RetailDecision::CURRENT_RATE,
            RetailDecision::SAVINGS_RATE,
            LoanPolicy::MARGIN,
            LoanPolicy::MAX_PD,
            LoanPolicy::MAX_MONTHS,
            LoanRequest::AMOUNT,
            LoanRequest::MONTHS,
            BusinessDecision::ACQUIRER_MARGIN,
            BusinessDecision::TERMINAL_FEE,
            BusinessDecision::ACCOUNT_FEE,
            MerchantDecision::MARKUP,
            ClientDecision::SPENDING,
            ClientDecision::CARD_SHARE,
            ClientDecision::SAVE,
        ];
        for l in limits {
            assert!(l.min < l.max, "{}", l.field);
            match l.scale {
                Scale::Bp => assert!(i32::try_from(l.min).is_ok() && i32::try_from(l.max).is_ok()),
                Scale::Months => assert!(l.min >= 1 && u16::try_from(l.max).is_ok()),
                Scale::Cents => assert!(l.max <= 100_000_000),
            }
        }
    }
}
