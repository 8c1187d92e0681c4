//! The value chain of card purchases as flows between named stages ("where did your EUR 100
//! go?"), for one payment, a turn or the whole game, with the parts a transparency layer hides.
use super::config::Transparency;
use super::economy::Economy;
use super::ids::{BankId, Turn, TxnId};
use super::ledger::{Account, PostingKind};
use super::money::Money;
use super::view::Shown;
use serde::{Deserialize, Serialize};

/// A stage money passes through or ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// The households who paid.
    Shoppers,
    /// The shops who sold.
    Shops,
    /// The merchant service charge, before it is split.
    CardFees,
    /// VAT, to the state.
    State,
    /// The cost of the goods, to suppliers.
    Suppliers,
    /// Interchange, to the shopper's bank (the card issuer).
    Issuer,
    /// The card scheme's fee.
    Scheme,
    /// The acquirer's margin, to the shop's bank.
    Acquirer,
    /// What the shop keeps before its own costs.
    ShopKeeps,
}

impl Stage {
    /// A stable identifier, used as a translation key.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Shoppers => "shoppers",
            Stage::Shops => "shops",
            Stage::CardFees => "card-fees",
            Stage::State => "state",
            Stage::Suppliers => "suppliers",
            Stage::Issuer => "issuer",
            Stage::Scheme => "scheme",
            Stage::Acquirer => "acquirer",
            Stage::ShopKeeps => "shop-keeps",
        }
    }
}

/// Money moving from one stage to the next, with the pricing rule behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainFlow {
    pub from: Stage,
    pub to: Stage,
    pub amount: Shown<Money>,
    /// The posting kind that carries it: names the rule (VAT, interchange...).
    pub kind: PostingKind,
}

/// The card value chain of one payment or of many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueChain {
    /// What the shoppers paid in all.
    pub paid: Money,
    /// How many card payments it covers.
    pub payments: u64,
    pub flows: Vec<ChainFlow>,
    /// When the chain is one payment: the banks involved.
    pub issuer: Option<BankId>,
    pub acquirer: Option<BankId>,
}

/// The parts of a card payment, as amounts.
#[derive(Clone, Copy, Debug, Default)]
struct Parts {
    paid: Money,
    vat: Money,
    goods: Money,
    interchange: Money,
    scheme: Money,
    acquirer: Money,
}

impl Parts {
    fn card_fees(&self) -> Money {
        self.interchange
            .saturating_add(self.scheme)
            .saturating_add(self.acquirer)
    }

    fn chain(self, payments: u64) -> ValueChain {
        let kept = self
            .paid
            .saturating_sub(self.vat)
            .saturating_sub(self.goods)
            .saturating_sub(self.card_fees());
        let flow = |from, to, amount, kind| ChainFlow {
            from,
            to,
            amount: Shown::Shown(amount),
            kind,
        };
        ValueChain {
            paid: self.paid,
            payments,
            flows: vec![
                flow(
                    Stage::Shoppers,
                    Stage::Shops,
                    self.paid,
                    PostingKind::CardPurchase,
                ),
                flow(Stage::Shops, Stage::State, self.vat, PostingKind::Vat),
                flow(
                    Stage::Shops,
                    Stage::Suppliers,
                    self.goods,
                    PostingKind::CostOfGoods,
                ),
                flow(
                    Stage::Shops,
                    Stage::CardFees,
                    self.card_fees(),
                    PostingKind::Interchange,
                ),
                flow(
                    Stage::Shops,
                    Stage::ShopKeeps,
                    kept,
                    PostingKind::CardPurchase,
                ),
                flow(
                    Stage::CardFees,
                    Stage::Issuer,
                    self.interchange,
                    PostingKind::Interchange,
                ),
                flow(
                    Stage::CardFees,
                    Stage::Scheme,
                    self.scheme,
                    PostingKind::SchemeFee,
                ),
                flow(
                    Stage::CardFees,
                    Stage::Acquirer,
                    self.acquirer,
                    PostingKind::AcquirerMargin,
                ),
            ],
            issuer: None,
            acquirer: None,
        }
    }
}

impl ValueChain {
    /// The chain as a seat sees it under a layer: opaque hides how the card fees are split
    /// (the shop's statement shows one charge); disclosed and glass show every part.
    pub fn as_seen(mut self, layer: Transparency) -> ValueChain {
        if layer == Transparency::Opaque {
            for f in &mut self.flows {
                if f.from == Stage::CardFees {
                    f.amount = Shown::Hidden;
                }
            }
            // Whose banks took part in someone else's payment is not for the table to see.
            self.issuer = None;
            self.acquirer = None;
        }
        self
    }

    /// The amount of one flow, if shown.
    pub fn amount(&self, from: Stage, to: Stage) -> Shown<Money> {
        self.flows
            .iter()
            .find(|f| f.from == from && f.to == to)
            .map_or(Shown::Hidden, |f| f.amount)
    }
}

impl Economy {
    /// The value chain of one card purchase; `None` if `txn` is not a card purchase kept in
    /// detail.
    pub fn purchase_value_chain(&self, txn: TxnId) -> Option<ValueChain> {
        let trace = self.trace(txn)?;
        let mut parts = Parts::default();
        let (mut issuer, mut acquirer) = (None, None);
        for p in &trace.postings {
            let add = |m: &mut Money| *m = m.saturating_add(p.amount);
            match p.kind {
                PostingKind::CardPurchase => add(&mut parts.paid),
                PostingKind::Vat => add(&mut parts.vat),
                PostingKind::CostOfGoods => add(&mut parts.goods),
                PostingKind::Interchange => {
                    add(&mut parts.interchange);
                    if let Account::BankEquity(b) = p.to {
                        issuer = Some(b);
                    }
                }
                PostingKind::SchemeFee => add(&mut parts.scheme),
                PostingKind::AcquirerMargin => {
                    add(&mut parts.acquirer);
                    if let Account::BankEquity(b) = p.to {
                        acquirer = Some(b);
                    }
                }
                _ => {}
            }
        }
        if parts.paid == Money::ZERO {
            return None;
        }
        let mut chain = parts.chain(1);
        chain.issuer = issuer;
        chain.acquirer = acquirer;
        Some(chain)
    }

    /// The most recent card purchase kept in detail, if any: the one to trace first.
    pub fn last_card_purchase(&self) -> Option<TxnId> {
        // From the newest end: the ledger keeps millions of postings in a large town.
        self.ledger
            .postings_of_kind(PostingKind::CardPurchase)
            .next_back()
            .map(|p| p.cause)
    }

    /// The value chain of every card purchase in a range of turns, from the shops' reports.
    pub fn card_value_chain(&self, turns: std::ops::RangeInclusive<Turn>) -> ValueChain {
        let mut parts = Parts::default();
        let mut payments = 0;
        for r in self.reports.iter().filter(|r| turns.contains(&r.turn)) {
            payments += r.clients.card_payments;
            for m in &r.merchants {
                // A shop's VAT and cost of goods cover cash sales too: count the card share.
                let share = |x: Money| {
                    if m.sales.is_positive() {
                        x.ratio(m.card_sales.as_cents(), m.sales.as_cents())
                            .unwrap_or(Money::ZERO)
                    } else {
                        Money::ZERO
                    }
                };
                let add = |total: &mut Money, x: Money| *total = total.saturating_add(x);
                add(&mut parts.paid, m.card_sales);
                add(&mut parts.vat, share(m.vat));
                add(&mut parts.goods, share(m.cost_of_goods));
                add(&mut parts.interchange, m.interchange);
                add(&mut parts.scheme, m.scheme_fee);
                add(&mut parts.acquirer, m.acquirer_margin);
            }
        }
        parts.chain(payments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_adds_up_and_opaque_hides_the_split_of_card_fees() {
        let parts = Parts {
            paid: Money::euros(100),
            vat: Money::cents(1_667),
            goods: Money::cents(6_250),
            interchange: Money::cents(20),
            scheme: Money::cents(5),
            acquirer: Money::cents(25),
        };
        let chain = parts.chain(1);
        let out_of_shops: i64 = chain
            .flows
            .iter()
            .filter(|f| f.from == Stage::Shops)
            .filter_map(|f| f.amount.shown())
            .map(|m| m.as_cents())
            .sum();
        assert_eq!(out_of_shops, 10_000);
        assert_eq!(
            chain.amount(Stage::Shops, Stage::CardFees),
            Shown::Shown(Money::cents(50))
        );
        let seen = chain.as_seen(Transparency::Opaque);
        assert_eq!(seen.amount(Stage::CardFees, Stage::Issuer), Shown::Hidden);
        assert_eq!(
            seen.amount(Stage::Shops, Stage::CardFees),
            Shown::Shown(Money::cents(50))
        );
    }
}
