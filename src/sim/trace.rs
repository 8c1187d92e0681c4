//! Tracing money: "where did this payment go?" and "what is this actor's margin on this product?".
use super::economy::Economy;
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn, TxnId};
use super::ledger::{Account, Posting, PostingKind, Product};
use super::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a transaction was: the event behind a group of postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnKind {
    Opening,
    Salary {
        client: ClientId,
    },
    FixedCosts {
        client: ClientId,
    },
    CardPurchase {
        client: ClientId,
        merchant: MerchantId,
        amount: Money,
    },
    CashPurchase {
        client: ClientId,
        merchant: MerchantId,
        amount: Money,
    },
    MerchantCosts {
        merchant: MerchantId,
    },
    LoanGranted {
        loan: LoanId,
    },
    LoanInstalment {
        loan: LoanId,
    },
    LoanDefault {
        loan: LoanId,
    },
    MonthlyInterest {
        bank: BankId,
    },
    MonthlyFees {
        client: ClientId,
    },
    BankCosts {
        bank: BankId,
    },
    SavingsSweep {
        client: ClientId,
    },
    CardFraud {
        client: ClientId,
    },
    Complaint {
        client: ClientId,
        bank: BankId,
    },
    /// The banks' payments settled in their reserves.
    Clearing,
    /// A bank's tax on its month's profit.
    ProfitTax {
        bank: BankId,
    },
    /// A bank's yearly dividend.
    Dividend {
        bank: BankId,
    },
    /// A failed bank's resolution.
    Resolution {
        bank: BankId,
    },
    /// A bank's month-end review of the losses it expects on its loans.
    Impairment {
        bank: BankId,
    },
}

/// One recipient's share of a payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub account: Account,
    /// What this account received, net of what it passed on.
    pub kept: Money,
    /// The postings that brought it money, by kind.
    pub received: Vec<(PostingKind, Money)>,
}

/// Where a payment went: who paid, and what each recipient kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTrace {
    pub txn: TxnId,
    pub what: TxnKind,
    pub turn: Turn,
    /// The accounts that paid, with what they paid net.
    pub payers: Vec<(Account, Money)>,
    /// The accounts that kept something, largest share first.
    pub shares: Vec<Share>,
    pub postings: Vec<Posting>,
}

impl PaymentTrace {
    /// The total that left the payers; equal to the total kept by the recipients.
    pub fn total(&self) -> Money {
        self.payers
            .iter()
            .fold(Money::ZERO, |sum, (_, m)| sum.saturating_add(*m))
    }

    /// What one account kept.
    pub fn kept_by(&self, account: Account) -> Money {
        self.shares
            .iter()
            .find(|s| s.account == account)
            .map_or(Money::ZERO, |s| s.kept)
    }
}

/// A bank's or merchant's margin on one product over a range of turns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductMargin {
    pub product: Product,
    /// Money earned, by kind.
    pub revenue: Vec<(PostingKind, Money)>,
    /// Money paid out, by kind (as positive amounts).
    pub costs: Vec<(PostingKind, Money)>,
    /// What the money the product uses or brings is worth (funds transfer pricing, see
    /// `BankReport::funding`); positive for deposits, negative for loans.
    pub funding: Money,
    /// The bank's running costs allocated to the product (`Economy::bank_margin`).
    pub operating_costs: Money,
    /// The bank's equity the product's loans tie up, on average over the months: its equity
    /// shared in proportion to each product's credit risk-weighted assets (`BankReport::risk`;
    /// overdrafts under current accounts).
    pub capital: Money,
    /// Revenue - costs + funding - operating costs.
    pub margin: Money,
}

impl ProductMargin {
    /// The margin over `months` months as a yearly return on the capital the product ties up;
    /// `None` when it ties up none.
    pub fn return_on_capital(&self, months: u16) -> Option<super::money::Bp> {
        if !self.capital.is_positive() || months == 0 {
            return None;
        }
        let yearly = i128::from(self.margin.as_cents()) * 12 * 10_000;
        let bp = yearly / (i128::from(self.capital.as_cents()) * i128::from(months));
        Some(super::money::Bp(bp.clamp(-1_000_000, 1_000_000) as i32))
    }
}

impl Economy {
    /// Where did this payment go? The postings a transaction caused, by recipient; `None` once
    /// its turn is no longer kept in detail.
    pub fn trace(&self, txn: TxnId) -> Option<PaymentTrace> {
        let transaction = self.ledger.transaction(txn)?;
        let postings = self.ledger.postings_caused_by(txn);
        let mut net: BTreeMap<Account, i64> = BTreeMap::new();
        let mut received: BTreeMap<Account, BTreeMap<PostingKind, i64>> = BTreeMap::new();
        for p in &postings {
            let cents = p.amount.as_cents();
            let from = net.entry(p.from).or_default();
            *from = from.saturating_sub(cents);
            let to = net.entry(p.to).or_default();
            *to = to.saturating_add(cents);
            let kind = received.entry(p.to).or_default().entry(p.kind).or_default();
            *kind = kind.saturating_add(cents);
        }
        let payers = net
            .iter()
            .filter(|(_, n)| **n < 0)
            .map(|(a, n)| (*a, Money::cents(n.saturating_neg())))
            .collect();
        let mut shares: Vec<Share> = net
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(a, n)| Share {
                account: *a,
                kept: Money::cents(*n),
                received: received
                    .get(a)
                    .map(|r| r.iter().map(|(k, m)| (*k, Money::cents(*m))).collect())
                    .unwrap_or_default(),
            })
            .collect();
        shares.sort_by(|a, b| b.kept.cmp(&a.kept).then(a.account.cmp(&b.account)));
        Some(PaymentTrace {
            txn,
            what: transaction.what,
            turn: transaction.turn,
            payers,
            shares,
            postings,
        })
    }

    /// A bank's margin on one of its products over the turns played in `turns` (inclusive),
    /// from the postings on its equity, funds transfer pricing (`BankReport::funding`) and its
    /// running costs allocated as a controller would: each month the cost of keeping its
    /// accounts to current accounts, the rest (its fixed costs) to every product in proportion
    /// to what the product earned that month. `Product::None` keeps the tax, and the running
    /// costs of a month in which no product earned anything.
    pub fn bank_margin(
        &self,
        bank: BankId,
        product: Product,
        turns: std::ops::RangeInclusive<Turn>,
    ) -> ProductMargin {
        let mut by_kind: BTreeMap<PostingKind, i64> = BTreeMap::new();
        let mut funding = 0i64;
        let mut allocated = 0i64;
        let (mut capital, mut months) = (0i128, 0i128);
        let per_account = self
            .banks
            .get(bank.index())
            .map_or(0, |b| b.cost_per_account.as_cents());
        for report in self.reports.iter().filter(|r| turns.contains(&r.turn)) {
            let Some(b) = report.banks.iter().find(|b| b.bank == bank) else {
                continue;
            };
            if let Some(totals) = &b.totals {
                let accounts = i64::from(b.activity.clients) + i64::from(b.activity.merchants);
                let shares =
                    running_cost_shares(totals, &b.funding, per_account.saturating_mul(accounts));
                for kind in PostingKind::ALL.into_iter().filter(|k| in_margins(*k)) {
                    let m = totals.get(product, kind).as_cents();
                    // Allocated running costs leave the bank's general line.
                    let allocated_away = product == Product::None
                        && kind == PostingKind::BankOperatingCost
                        && shares.is_some();
                    if m != 0 && !allocated_away {
                        let total = by_kind.entry(kind).or_default();
                        *total = total.saturating_add(m);
                    }
                }
                months += 1;
                // The equity is shared in proportion to credit risk; what operational risk
                // ties up is not shared out.
                let credit: i128 = b.risk.iter().map(|(_, m)| i128::from(m.as_cents())).sum();
                let mine: i128 = b
                    .risk
                    .iter()
                    .filter(|(p, _)| *p == product)
                    .map(|(_, m)| i128::from(m.as_cents()))
                    .sum();
                if credit > 0 {
                    capital += i128::from(b.sheet.equity.as_cents().max(0)) * mine / credit;
                }
                if let Some(shares) = shares {
                    let share = shares
                        .iter()
                        .find(|(p, _)| *p == product)
                        .map_or(0, |(_, c)| *c);
                    allocated = allocated.saturating_add(share);
                }
            }
            funding = funding.saturating_add(
                b.funding
                    .iter()
                    .filter(|(p, _)| *p == product)
                    .fold(0i64, |sum, (_, m)| sum.saturating_add(m.as_cents())),
            );
        }
        let mut margin = margin_from(product, by_kind, funding);
        margin.operating_costs = Money::cents(allocated);
        margin.capital = Money::cents(
            i64::try_from(capital.checked_div(months).unwrap_or(0)).unwrap_or(i64::MAX),
        );
        margin.margin = margin.margin.saturating_sub(margin.operating_costs);
        margin
    }

    /// A merchant's margin on its goods over the turns played in `turns`: sales less VAT, cost
    /// of goods and card fees.
    pub fn merchant_margin(
        &self,
        merchant: MerchantId,
        turns: std::ops::RangeInclusive<Turn>,
    ) -> ProductMargin {
        let mut by_kind: BTreeMap<PostingKind, i64> = BTreeMap::new();
        for report in self.reports.iter().filter(|r| turns.contains(&r.turn)) {
            let Some(m) = report.merchants.get(merchant.index()) else {
                continue;
            };
            for (kind, amount) in [
                (PostingKind::CardPurchase, m.card_sales.as_cents()),
                (
                    PostingKind::CashPurchase,
                    m.sales.saturating_sub(m.card_sales).as_cents(),
                ),
                (PostingKind::Vat, -m.vat.as_cents()),
                (PostingKind::CostOfGoods, -m.cost_of_goods.as_cents()),
                (PostingKind::Interchange, -m.interchange.as_cents()),
                (PostingKind::SchemeFee, -m.scheme_fee.as_cents()),
                (PostingKind::AcquirerMargin, -m.acquirer_margin.as_cents()),
            ] {
                let total = by_kind.entry(kind).or_default();
                *total = total.saturating_add(amount);
            }
        }
        margin_from(Product::Goods, by_kind, 0)
    }
}

/// Whether a kind of posting on a bank's equity is part of its product margins: dividends share
/// out the profit, and a failed bank's bail-in and guarantee rebuild its capital; none is a
/// product's income or cost.
fn in_margins(kind: PostingKind) -> bool {
    !matches!(
        kind,
        PostingKind::Dividend | PostingKind::BailIn | PostingKind::Resolution
    )
}

/// What each of a bank's products earned in a month: its income, and the value of the money it
/// brings (a deposit's funds transfer price).
fn earned(totals: &super::ledger::Totals, funding: &[(Product, Money)]) -> Vec<(Product, i64)> {
    Product::OF_BANKS
        .into_iter()
        .map(|p| {
            let revenue = PostingKind::ALL
                .into_iter()
                .filter(|k| in_margins(*k))
                .map(|k| totals.get(p, k).as_cents().max(0))
                .fold(0i64, i64::saturating_add);
            let brought = funding
                .iter()
                .filter(|(q, _)| *q == p)
                .map(|(_, m)| m.as_cents().max(0))
                .fold(0i64, i64::saturating_add);
            (p, revenue.saturating_add(brought))
        })
        .collect()
}

/// One month's running costs of a bank (`BankOperatingCost` on its general line) shared out
/// among its products: `accounts_cost` (the cost of keeping its accounts) to current accounts,
/// the rest in proportion to what each product earned: its income, and the value of the money
/// it brings (a deposit's funds transfer price). `None` when no product earned anything: the
/// costs stay on the general line. The shares add up to the running costs to the cent.
fn running_cost_shares(
    totals: &super::ledger::Totals,
    funding: &[(Product, Money)],
    accounts_cost: i64,
) -> Option<Vec<(Product, i64)>> {
    let running = totals
        .get(Product::None, PostingKind::BankOperatingCost)
        .as_cents()
        .saturating_neg();
    let earned = earned(totals, funding);
    let total: i128 = earned.iter().map(|(_, r)| i128::from(*r)).sum();
    if running <= 0 || total <= 0 {
        return None;
    }
    let direct = accounts_cost.clamp(0, running);
    let overhead = i128::from(running - direct);
    let mut shares: Vec<(Product, i64)> = earned
        .iter()
        .map(|&(p, r)| {
            let part = (overhead * i128::from(r) / total) as i64;
            let own = if p == Product::CurrentAccount {
                direct
            } else {
                0
            };
            (p, part + own)
        })
        .collect();
    // What rounding left goes to the product that earned most.
    let given: i64 = shares.iter().map(|(_, c)| *c).sum();
    if let Some(top) = earned
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, r))| *r)
        .map(|(i, _)| i)
    {
        shares[top].1 += running - given;
    }
    Some(shares)
}

fn margin_from(
    product: Product,
    by_kind: BTreeMap<PostingKind, i64>,
    funding: i64,
) -> ProductMargin {
    let mut margin = ProductMargin {
        product,
        funding: Money::cents(funding),
        ..ProductMargin::default()
    };
    let mut total = funding;
    for (kind, m) in by_kind {
        total = total.saturating_add(m);
        if m > 0 {
            margin.revenue.push((kind, Money::cents(m)));
        } else if m < 0 {
            margin.costs.push((kind, Money::cents(m.saturating_neg())));
        }
    }
    margin.margin = Money::cents(total);
    margin
}
