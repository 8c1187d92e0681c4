//! What one seat may see, built by the simulation under the transparency layer: its own
//! accounts and settings, the market's public offers, the other actors' results when the layer
//! shows them, and the news of last month. Panels draw a `SeatView`, never the raw economy.
use super::actors::Loan;
use super::config::{CardKind, Transparency};
use super::decisions::LoanRequest;
use super::decisions::{BusinessDecision, RetailDecision, Seat};
use super::economy::Economy;
use super::ids::{BankId, MerchantId, Turn};
use super::ledger::Account;
use super::money::{Bp, Money};
use super::pricing::Caps;
use super::pricing::LoanRate;
use super::report::{BalanceSheet, BankActivity, BankPnl, MerchantReport, RefusalReason, SimEvent};
use super::review::CaseId;
use super::value_chain::ValueChain;
use super::view::{BankOffer, Shown};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A loan rate as a borrower sees it: the total always, its parts only when the bank's pricing
/// rules are published (a layer other than opaque, or a bank that discloses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateView {
    pub total: Bp,
    pub parts: Shown<LoanRate>,
}

impl RateView {
    fn of(rate: LoanRate, published: bool) -> RateView {
        RateView {
            total: rate.total(),
            parts: shown(published, rate),
        }
    }
}

/// A loan as its borrower sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanView {
    pub outstanding: Money,
    pub months_left: u16,
    pub rate: RateView,
    /// This month's instalment: principal and interest.
    pub instalment: Money,
    /// What fell due and was not paid, owed on top of the instalment.
    #[serde(default)]
    pub past_due: Money,
}

impl LoanView {
    fn of(loan: &Loan, published: bool) -> LoanView {
        let (principal, interest) = loan.instalment().unwrap_or((Money::ZERO, Money::ZERO));
        LoanView {
            outstanding: loan.outstanding,
            months_left: loan.months_left,
            rate: RateView::of(loan.rate, published),
            instalment: principal.saturating_add(interest),
            past_due: loan.past_due,
        }
    }
}

/// A home the household could buy this month, and the loan its bank would make for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeOffer {
    pub price: Money,
    /// Paid from its own money.
    pub down_payment: Money,
    pub loan: Money,
    pub months: u16,
    pub rate: RateView,
    /// The monthly instalment, principal and interest.
    pub instalment: Money,
    /// Why its bank would refuse the loan, if it would.
    pub refusal: Option<super::report::RefusalReason>,
}

/// The three parts of the card fees a shop paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSplit {
    pub interchange: Money,
    pub scheme_fee: Money,
    pub acquirer_margin: Money,
}

/// A shop's monthly statement as its owner sees it: under the opaque layer the card fees are
/// one charge, their split hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub sales: Money,
    pub card_sales: Money,
    pub vat: Money,
    pub cost_of_goods: Money,
    pub card_fees: Money,
    pub split: Shown<FeeSplit>,
    pub bank_fees: Money,
    pub rent: Money,
    pub loan_interest: Money,
    pub net_income: Money,
    pub balance: Money,
}

impl Statement {
    fn of(r: &MerchantReport, published: bool) -> Statement {
        Statement {
            sales: r.sales,
            card_sales: r.card_sales,
            vat: r.vat,
            cost_of_goods: r.cost_of_goods,
            card_fees: r.card_fees(),
            split: shown(
                published,
                FeeSplit {
                    interchange: r.interchange,
                    scheme_fee: r.scheme_fee,
                    acquirer_margin: r.acquirer_margin,
                },
            ),
            bank_fees: r.bank_fees,
            rent: r.rent,
            loan_interest: r.loan_interest,
            net_income: r.net_income,
            balance: r.balance,
        }
    }
}

/// A household's own accounts and habits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientOwn {
    pub bank: BankId,
    pub balance: Money,
    pub savings: Money,
    pub income: Money,
    pub fixed_costs: Money,
    pub spending_budget: Money,
    pub card: CardKind,
    pub card_share: Bp,
    /// Trust in the bank, 0 to 1,000.
    pub trust: u16,
    pub loan: Option<LoanView>,
    /// The loan on its home, if it has one.
    pub mortgage: Option<LoanView>,
    /// What it owes on its credit card's revolving credit.
    #[serde(default)]
    pub card_credit: Option<LoanView>,
    /// The home it could buy, while it has no home loan.
    pub home: Option<HomeOffer>,
    /// The rate its bank would quote it for a consumer loan now.
    pub loan_quote: RateView,
    /// What the household's bank charged last month, what it expected to pay, and how much
    /// above that expectation came as a surprise.
    pub fees_paid: Money,
    pub last_expected_fees: Money,
    pub surprise_fees: Money,
    /// What it expects its bank to charge next month, from the prices it can see, its own usage
    /// and its last statement (`BankOffer::expected_bill`).
    pub expected_fees: Money,
    /// Bad experiences with its bank in the last twelve months, and whether last month was one.
    pub bad_experiences: u8,
    pub bad_last_month: bool,
    /// A bank it left in the last twelve months.
    pub left_lately: Option<BankId>,
    pub irregular_payments: u16,
    pub declined_payments: u16,
    /// Whether its bank must treat it as financially fragile: lower caps on its fees.
    #[serde(default)]
    pub fragile: bool,
    /// The shops it visits, with their shelf prices.
    pub shops: Vec<ShopView>,
}

/// A shop as a shopper sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopView {
    pub merchant: MerchantId,
    pub name: String,
    pub accepts_cards: bool,
    /// Shelf prices, VAT included, with the good's name.
    pub prices: Vec<(String, Money)>,
    /// The shop's prices now against its prices at the start of the game (10,000: the same).
    pub price_index: Bp,
}

/// A bank as one of its bankers sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankOwn {
    pub bank: BankId,
    pub name: String,
    pub retail: RetailDecision,
    pub business: BusinessDecision,
    /// The bank's settings at the start of the game, as the scenario set them.
    pub opening_retail: RetailDecision,
    pub opening_business: BusinessDecision,
    pub sheet: BalanceSheet,
    /// Its capital as its supervisor counts it, at the end of last month.
    pub capital: super::capital::Capital,
    /// Last month's P&L and activity.
    pub last_pnl: BankPnl,
    pub last_activity: BankActivity,
    /// Households and shops banking here now (also before the first month).
    pub clients_now: u32,
    pub merchants_now: u32,
    /// Every month's P&L so far.
    pub pnl_history: Vec<BankPnl>,
    /// The loan rate a typical borrower (yearly PD 2%) would be offered now.
    pub consumer_rate: LoanRate,
    pub business_rate: LoanRate,
    /// Cases waiting for this banker: loan applications (households' for the retail banker,
    /// shops' for the business banker) and, for the retail banker, complaints.
    pub cases: Vec<CaseView>,
}

/// A case as the banker sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub case: CaseId,
    pub kind: CaseKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseKind {
    Loan {
        request: LoanRequest,
        /// The rate, term and first payment the bank would grant, and its policy's advice.
        pd: Bp,
        months: u16,
        rate: LoanRate,
        first_instalment: Money,
        spare_income: Option<Money>,
        policy_refusal: Option<RefusalReason>,
    },
    Complaint {
        amount: Money,
        /// The household's trust now.
        trust: u16,
    },
}

/// A shop as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantOwn {
    pub merchant: MerchantId,
    pub name: String,
    pub bank: BankId,
    pub markup: Bp,
    pub accepts_cards: bool,
    pub balance: Money,
    pub rent: Money,
    /// Goods: name, unit cost, shelf price at the current mark-up.
    pub goods: Vec<(String, Money, Money)>,
    pub loan: Option<LoanView>,
    /// Last month's statement.
    pub last: Option<Statement>,
    /// Every month's statement so far.
    pub history: Vec<Statement>,
    /// The merchant service charge its bank asks on a debit card payment: its own contract,
    /// whatever the layer (the split of it is in `last.split`).
    pub msc_debit: Bp,
    /// The rate its bank would quote it for a business loan now.
    pub loan_quote: RateView,
}

/// The part of the economy that is the seat's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Own {
    Client(ClientOwn),
    /// Boxed: a bank's view is the largest by far.
    Bank(Box<BankOwn>),
    Merchant(MerchantOwn),
}

/// Another bank's results, as far as the layer shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankResults {
    pub bank: BankId,
    pub name: String,
    /// Clients and merchants: public.
    pub clients: u32,
    pub merchants: u32,
    /// Profit over the game so far: only under the glass layer (or for one's own bank).
    pub profit: Shown<Money>,
    pub net_interest_margin: Shown<Bp>,
}

/// A month of the town's history, for charts: public aggregates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    pub turn: Turn,
    pub policy_rate: Bp,
    pub average_trust: u16,
    /// Clients of each bank at the end of the month.
    pub clients: Vec<u32>,
    /// Each bank's profit that month: only under glass (or one's own bank).
    pub profit: Vec<Shown<Money>>,
}

/// Everything one seat may see before it decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatView {
    pub seat: Seat,
    /// The month about to be played.
    pub turn: Turn,
    pub layer: Transparency,
    pub policy_rate: Bp,
    /// The policy rate when the game started.
    pub opening_policy_rate: Bp,
    pub vat: Bp,
    /// Interchange after caps, and the scheme fee: what the card fees are made of. Bankers know
    /// them; others see them once pricing is published (not under the opaque layer).
    pub interchange_debit: Shown<Bp>,
    pub interchange_credit: Shown<Bp>,
    pub scheme_fee: Shown<Bp>,
    /// The regulator's cap on each irregular-payment fee, if any.
    pub irregular_fee_cap: Option<Money>,
    /// The regulator's caps (interchange, irregular-payment fees): public.
    pub caps: Caps,
    pub offers: Arc<Vec<BankOffer>>,
    pub own: Own,
    pub banks: Arc<Vec<BankResults>>,
    pub history: Arc<Vec<MonthSummary>>,
    /// Last month's events that concern this seat, and the shocks everyone hears of.
    pub news: Vec<SimEvent>,
    /// The card value chain of the whole game so far, and of the latest card payment, as the
    /// layer shows them.
    pub game_chain: Arc<ValueChain>,
    /// Last month's card payments.
    pub month_chain: Arc<ValueChain>,
    pub last_payment_chain: Option<Arc<ValueChain>>,
}

/// The parts of a seat's view that many seats share (the market, the banks' results, the
/// town's history and the value chains), made once per layer and bank for a month's bots.
#[derive(Clone)]
struct Shared {
    offers: Arc<Vec<BankOffer>>,
    banks: Arc<Vec<BankResults>>,
    history: Arc<Vec<MonthSummary>>,
}

/// The value chains as a layer shows them: the same for every seat.
#[derive(Clone)]
struct Chains {
    game: Arc<ValueChain>,
    month: Arc<ValueChain>,
    last_payment: Option<Arc<ValueChain>>,
}

/// Builds the views of many seats of one economy under one layer, making the shared parts
/// once: one per bank's bankers and one for every household and shop.
pub struct Views<'a> {
    economy: &'a Economy,
    layer: Transparency,
    chains: Option<Chains>,
    /// By bank for bankers, last for the others.
    shared: Vec<Option<Shared>>,
    /// The market's offers as this layer shows them, and as a banker knows its own.
    public_offers: Vec<BankOffer>,
    glass_offers: Option<Vec<BankOffer>>,
    /// Last month's events, sorted once by the seats they concern.
    news: Option<News>,
}

/// Last month's events by the seats they concern, as indices into the month's events: the
/// shocks everyone hears of, and each seat's own.
struct News {
    public: Vec<usize>,
    by_seat: std::collections::BTreeMap<Seat, Vec<usize>>,
}

impl News {
    fn of(economy: &Economy) -> News {
        let mut news = News {
            public: Vec::new(),
            by_seat: std::collections::BTreeMap::new(),
        };
        let Some(month) = economy.reports().last() else {
            return news;
        };
        for (i, e) in month.events.iter().enumerate() {
            // Shocks, a bank's failure and a shop's closing are in every newspaper.
            if matches!(
                e,
                SimEvent::Shock(_)
                    | SimEvent::BankResolved { .. }
                    | SimEvent::MerchantClosed { .. }
            ) {
                news.public.push(i);
                continue;
            }
            for seat in audience(economy, e) {
                if concerns(economy, seat, e) {
                    let list = news.by_seat.entry(seat).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        news
    }

    /// The events `seat` hears of, in the month's order.
    fn for_seat(&self, economy: &Economy, seat: Seat) -> Vec<SimEvent> {
        let Some(month) = economy.reports().last() else {
            return Vec::new();
        };
        let own = self.by_seat.get(&seat).map_or(&[][..], Vec::as_slice);
        let mut all: Vec<usize> = self.public.iter().chain(own).copied().collect();
        all.sort_unstable();
        all.dedup();
        all.into_iter()
            .filter_map(|i| month.events.get(i).copied())
            .collect()
    }
}

/// The seats an event may concern (`concerns` decides which do).
fn audience(economy: &Economy, event: &SimEvent) -> Vec<Seat> {
    use super::actors::Borrower;
    let borrower = |b: Borrower| match b {
        Borrower::Client(c) => Seat::Client(c),
        Borrower::Merchant(m) => Seat::Merchant(m),
    };
    let bankers = |b: BankId| [Seat::RetailBanker(b), Seat::BusinessBanker(b)];
    match *event {
        SimEvent::Shock(_) | SimEvent::BankResolved { .. } | SimEvent::MerchantClosed { .. } => {
            Vec::new()
        }
        SimEvent::ClientSwitched { client, from, to } => vec![
            Seat::Client(client),
            Seat::RetailBanker(from),
            Seat::RetailBanker(to),
        ],
        SimEvent::ComplaintRefunded { client, bank, .. }
        | SimEvent::ComplaintRefused { client, bank, .. }
        | SimEvent::CardFraud { client, bank, .. } => {
            vec![Seat::Client(client), Seat::RetailBanker(bank)]
        }
        // A household's or a shop's hard times are its own news; its bank learns of them when
        // an instalment is missed.
        SimEvent::HardTimes { client } => vec![Seat::Client(client)],
        SimEvent::Misfortune { merchant, .. } => vec![Seat::Merchant(merchant)],
        SimEvent::MerchantSwitched { merchant, from, to } => vec![
            Seat::Merchant(merchant),
            Seat::BusinessBanker(from),
            Seat::BusinessBanker(to),
        ],
        SimEvent::LoanRefused {
            borrower: b, bank, ..
        } => {
            let mut seats = vec![borrower(b)];
            seats.extend(bankers(bank));
            seats
        }
        SimEvent::LoanGranted { loan }
        | SimEvent::LoanDefaulted { loan, .. }
        | SimEvent::InstalmentMissed { loan, .. }
        | SimEvent::LoanRepaid { loan } => economy.loan(loan).map_or_else(Vec::new, |l| {
            let mut seats = vec![borrower(l.borrower)];
            seats.extend(bankers(l.lender));
            seats
        }),
    }
}

impl<'a> Views<'a> {
    pub fn new(economy: &'a Economy, layer: Transparency) -> Views<'a> {
        Views {
            economy,
            layer,
            chains: None,
            shared: vec![None; economy.banks().len() + 1],
            public_offers: economy.bank_offers_under(layer),
            glass_offers: None,
            news: None,
        }
    }

    /// What `seat` may see; `None` if the seat names no actor of this economy.
    pub fn of(&mut self, seat: Seat) -> Option<SeatView> {
        let economy = self.economy;
        let layer = self.layer;
        let own = own(economy, seat, layer, &self.public_offers)?;
        let own_bank = match seat {
            Seat::RetailBanker(b) | Seat::BusinessBanker(b) => Some(b),
            _ => None,
        };
        let slot = own_bank.map_or(economy.banks().len(), BankId::index);
        if self.shared[slot].is_none() {
            let offers = match own_bank {
                Some(b) => {
                    let glass = self
                        .glass_offers
                        .get_or_insert_with(|| economy.bank_offers_under(Transparency::Glass));
                    offers_known_to(&self.public_offers, glass, b)
                }
                None => self.public_offers.clone(),
            };
            self.shared[slot] = Some(shared(economy, layer, own_bank, offers));
        }
        let shared = self.shared[slot].clone()?;
        let chains = self
            .chains
            .get_or_insert_with(|| chains(economy, layer))
            .clone();
        let params = economy.params();
        let card_rules = layer != Transparency::Opaque || own_bank.is_some();
        let news = self
            .news
            .get_or_insert_with(|| News::of(economy))
            .for_seat(economy, seat);
        Some(SeatView {
            seat,
            turn: economy.turn(),
            layer,
            policy_rate: params.policy_rate,
            opening_policy_rate: economy.initial_policy_rate(),
            vat: params.vat,
            interchange_debit: shown(card_rules, params.interchange(CardKind::Debit)),
            interchange_credit: shown(card_rules, params.interchange(CardKind::Credit)),
            scheme_fee: shown(card_rules, params.scheme_fee),
            irregular_fee_cap: params.caps.irregular_fee_per_payment,
            caps: params.caps,
            offers: shared.offers,
            own,
            banks: shared.banks,
            history: shared.history,
            news,
            game_chain: chains.game,
            month_chain: chains.month,
            last_payment_chain: chains.last_payment,
        })
    }
}

fn chains(economy: &Economy, layer: Transparency) -> Chains {
    let last_turn = economy.turn().saturating_sub(1);
    Chains {
        game: Arc::new(economy.card_value_chain(1..=last_turn).as_seen(layer)),
        month: Arc::new(
            economy
                .card_value_chain(last_turn..=last_turn)
                .as_seen(layer),
        ),
        last_payment: economy
            .last_card_purchase()
            .and_then(|t| economy.purchase_value_chain(t))
            .map(|c| Arc::new(c.as_seen(layer))),
    }
}

/// The market, the banks' results and the town's history, as a seat of `own_bank` (or none)
/// sees them.
fn shared(
    economy: &Economy,
    layer: Transparency,
    own_bank: Option<BankId>,
    offers: Vec<BankOffer>,
) -> Shared {
    let sees = |b: BankId| layer == Transparency::Glass || own_bank == Some(b);
    let banks = economy
        .banks()
        .iter()
        .map(|b| {
            let r = economy.bank_ratios(b.id);
            let activity = economy
                .reports()
                .last()
                .and_then(|t| t.banks.get(b.id.index()))
                .map(|x| x.activity)
                .unwrap_or_default();
            BankResults {
                bank: b.id,
                name: b.name.clone(),
                clients: activity.clients,
                merchants: activity.merchants,
                profit: shown(sees(b.id), r.pnl.net_profit()),
                net_interest_margin: shown(sees(b.id), r.net_interest_margin),
            }
        })
        .collect();
    let history = economy
        .reports()
        .iter()
        .map(|t| MonthSummary {
            turn: t.turn,
            policy_rate: t.policy_rate,
            average_trust: t.clients.average_trust,
            clients: t.banks.iter().map(|b| b.activity.clients).collect(),
            profit: t
                .banks
                .iter()
                .map(|b| shown(sees(b.bank), b.pnl.net_profit()))
                .collect(),
        })
        .collect();
    Shared {
        offers: Arc::new(offers),
        banks: Arc::new(banks),
        history: Arc::new(history),
    }
}

impl SeatView {
    /// What `seat` may see now; `None` if the seat names no actor of this economy.
    pub fn of(economy: &Economy, seat: Seat) -> Option<SeatView> {
        Self::under(economy, seat, economy.params().transparency)
    }

    /// What `seat` would see under another layer: under glass, the truth the debrief sets
    /// against what the player saw.
    pub fn under(economy: &Economy, seat: Seat, layer: Transparency) -> Option<SeatView> {
        Views::new(economy, layer).of(seat)
    }
}

fn shown<T>(visible: bool, value: T) -> Shown<T> {
    if visible {
        Shown::Shown(value)
    } else {
        Shown::Hidden
    }
}

/// Whether a seat hears of an event: shocks are public, the rest concerns its own actor.
fn concerns(economy: &Economy, seat: Seat, event: &SimEvent) -> bool {
    use super::actors::Borrower;
    let bank_of_loan = |l: super::ids::LoanId| economy.loan(l).map(|l| (l.lender, l.borrower));
    match (seat, event) {
        (
            _,
            SimEvent::Shock(_) | SimEvent::BankResolved { .. } | SimEvent::MerchantClosed { .. },
        ) => true,
        (Seat::Client(c), SimEvent::ClientSwitched { client, .. })
        | (Seat::Client(c), SimEvent::ComplaintRefunded { client, .. })
        | (Seat::Client(c), SimEvent::ComplaintRefused { client, .. })
        | (Seat::Client(c), SimEvent::CardFraud { client, .. })
        | (Seat::Client(c), SimEvent::HardTimes { client }) => c == *client,
        (Seat::Merchant(m), SimEvent::Misfortune { merchant, .. }) => m == *merchant,
        (Seat::Client(c), SimEvent::LoanRefused { borrower, .. }) => {
            *borrower == Borrower::Client(c)
        }
        (Seat::Merchant(m), SimEvent::LoanRefused { borrower, .. }) => {
            *borrower == Borrower::Merchant(m)
        }
        (Seat::Merchant(m), SimEvent::MerchantSwitched { merchant, .. }) => m == *merchant,
        (
            Seat::Client(_) | Seat::Merchant(_),
            SimEvent::LoanGranted { loan }
            | SimEvent::LoanDefaulted { loan, .. }
            | SimEvent::InstalmentMissed { loan, .. }
            | SimEvent::LoanRepaid { loan },
        ) => bank_of_loan(*loan).is_some_and(|(_, borrower)| match (seat, borrower) {
            (Seat::Client(c), Borrower::Client(b)) => c == b,
            (Seat::Merchant(m), Borrower::Merchant(b)) => m == b,
            _ => false,
        }),
        (Seat::RetailBanker(b), SimEvent::ComplaintRefunded { bank, .. })
        | (Seat::RetailBanker(b), SimEvent::ComplaintRefused { bank, .. })
        | (Seat::RetailBanker(b), SimEvent::CardFraud { bank, .. }) => b == *bank,
        (Seat::RetailBanker(b), SimEvent::ClientSwitched { from, to, .. })
        | (Seat::BusinessBanker(b), SimEvent::MerchantSwitched { from, to, .. }) => {
            b == *from || b == *to
        }
        (
            Seat::RetailBanker(b) | Seat::BusinessBanker(b),
            SimEvent::LoanRefused { bank, borrower, .. },
        ) => {
            b == *bank
                && matches!(
                    (seat, borrower),
                    (Seat::RetailBanker(_), Borrower::Client(_))
                        | (Seat::BusinessBanker(_), Borrower::Merchant(_))
                )
        }
        (
            Seat::RetailBanker(b) | Seat::BusinessBanker(b),
            SimEvent::LoanGranted { loan }
            | SimEvent::LoanDefaulted { loan, .. }
            | SimEvent::InstalmentMissed { loan, .. }
            | SimEvent::LoanRepaid { loan },
        ) => bank_of_loan(*loan).is_some_and(|(lender, borrower)| {
            lender == b
                && matches!(
                    (seat, borrower),
                    (Seat::RetailBanker(_), Borrower::Client(_))
                        | (Seat::BusinessBanker(_), Borrower::Merchant(_))
                )
        }),
        _ => false,
    }
}

/// The cases waiting for a banker seat.
fn cases(economy: &Economy, seat: Seat) -> Vec<CaseView> {
    use super::actors::Borrower;
    let review = economy.review();
    let (bank, households) = match seat {
        Seat::RetailBanker(b) => (b, true),
        Seat::BusinessBanker(b) => (b, false),
        _ => return Vec::new(),
    };
    let loans = review
        .loans
        .iter()
        .filter(|a| a.bank == bank && matches!(a.borrower, Borrower::Client(_)) == households)
        .filter_map(|a| {
            let x = economy.assess_loan(a.borrower, a.request).ok()?;
            Some(CaseView {
                case: a.case,
                kind: CaseKind::Loan {
                    request: a.request,
                    pd: x.pd,
                    months: x.months,
                    rate: x.rate,
                    first_instalment: x.first_instalment,
                    spare_income: x.spare_income,
                    policy_refusal: x.policy_refusal,
                },
            })
        });
    let complaints = review
        .complaints
        .iter()
        .filter(|c| households && c.bank == bank)
        .map(|c| CaseView {
            case: c.case,
            kind: CaseKind::Complaint {
                amount: c.amount,
                trust: economy.client(c.client).map_or(0, |c| c.trust.points()),
            },
        });
    loans.chain(complaints).collect()
}

/// A shop's prices now against its prices at the start: (1 + mark-up) / (1 + opening mark-up).
fn price_index(m: &super::actors::Merchant) -> Bp {
    let now = 10_000 + i64::from(m.markup.0);
    let then = (10_000 + i64::from(m.baseline_markup.0)).max(1);
    Bp((now * 10_000 / then).clamp(0, i64::from(i32::MAX)) as i32)
}

/// A typical borrower's yearly probability of default, for the rates a banker sees quoted.
const TYPICAL_PD: Bp = Bp(200);

fn own(economy: &Economy, seat: Seat, layer: Transparency, offers: &[BankOffer]) -> Option<Own> {
    let ledger = economy.ledger();
    let vat = economy.params().vat;
    let published = |b: BankId| economy.pricing_published(b, layer);
    let loan_view = |id: Option<super::ids::LoanId>| {
        id.and_then(|l| economy.loan(l))
            .map(|l| LoanView::of(l, published(l.lender)))
    };
    Some(match seat {
        Seat::Client(c) => {
            let client = economy.client(c)?;
            let e = client.experience;
            Own::Client(ClientOwn {
                bank: client.bank,
                balance: ledger.balance(Account::Client(c)),
                savings: ledger.balance(Account::Savings(c)),
                income: client.income,
                fixed_costs: client.fixed_costs,
                spending_budget: client.spending_budget,
                card: client.card,
                card_share: client.card_share,
                trust: client.trust.points(),
                loan: loan_view(client.loan),
                mortgage: loan_view(client.mortgage),
                card_credit: loan_view(client.card_credit),
                home: client
                    .mortgage
                    .is_none()
                    .then(|| economy.home_quote(c, None).ok())
                    .flatten()
                    .map(|q| HomeOffer {
                        price: q.price,
                        down_payment: q.down_payment,
                        loan: q.loan,
                        months: q.months,
                        rate: RateView::of(q.rate, published(client.bank)),
                        instalment: q.instalment,
                        refusal: q.refusal,
                    }),
                loan_quote: RateView::of(
                    economy
                        .bank(client.bank)
                        .map(|b| {
                            LoanRate::price(
                                &b.retail.consumer_loans,
                                &b.lending,
                                economy
                                    .params()
                                    .funding_rate(b.retail.consumer_loans.max_months),
                                economy.effective_pd(client.pd),
                            )
                        })
                        .unwrap_or_default(),
                    published(client.bank),
                ),
                fees_paid: e.last_fees_paid,
                last_expected_fees: e.expected_fees,
                surprise_fees: e.last_surprise_fees,
                expected_fees: offers.get(client.bank.index()).map_or(Money::ZERO, |o| {
                    o.expected_bill(
                        &economy.usage(client),
                        &economy.params().caps,
                        e.last_fees_paid,
                    )
                }),
                bad_experiences: e.bad_experiences,
                bad_last_month: e.bad_this_month,
                left_lately: e
                    .left
                    .filter(|&(_, when)| economy.turn().saturating_sub(when) < 12)
                    .map(|(bank, _)| bank),
                irregular_payments: e.irregular_payments,
                declined_payments: e.declined_payments,
                fragile: economy.is_fragile(client),
                shops: client
                    .shops
                    .iter()
                    .filter_map(|&m| economy.merchant(m))
                    .map(|m| ShopView {
                        merchant: m.id,
                        name: m.name.clone(),
                        accepts_cards: m.accepts_cards,
                        prices: m
                            .goods
                            .iter()
                            .map(|g| (g.name.clone(), m.price(g, vat).unwrap_or(Money::ZERO)))
                            .collect(),
                        price_index: price_index(m),
                    })
                    .collect(),
            })
        }
        Seat::RetailBanker(b) | Seat::BusinessBanker(b) => {
            let bank = economy.bank(b)?;
            let last = economy
                .reports()
                .last()
                .and_then(|t| t.banks.get(b.index()));
            let funding = |p: &crate::sim::LoanPolicy| economy.params().funding_rate(p.max_months);
            Own::Bank(Box::new(BankOwn {
                bank: b,
                name: bank.name.clone(),
                retail: bank.retail,
                business: bank.business,
                opening_retail: bank.baseline_retail,
                opening_business: bank.baseline_business,
                sheet: economy.balance_sheet(b),
                capital: last.map_or_else(|| economy.capital(b), |r| r.capital),
                last_pnl: last.map(|r| r.pnl).unwrap_or_default(),
                last_activity: last.map(|r| r.activity).unwrap_or_default(),
                clients_now: economy.clients().iter().filter(|c| c.bank == b).count() as u32,
                merchants_now: economy.merchants().iter().filter(|m| m.bank == b).count() as u32,
                pnl_history: economy
                    .reports()
                    .iter()
                    .filter_map(|t| t.banks.get(b.index()).map(|r| r.pnl))
                    .collect(),
                consumer_rate: LoanRate::price(
                    &bank.retail.consumer_loans,
                    &bank.lending,
                    funding(&bank.retail.consumer_loans),
                    TYPICAL_PD,
                ),
                business_rate: LoanRate::price(
                    &bank.business.business_loans,
                    &bank.lending,
                    funding(&bank.business.business_loans),
                    TYPICAL_PD,
                ),
                cases: cases(economy, seat),
            }))
        }
        Seat::Merchant(m) => {
            let merchant = economy.merchant(m)?;
            Own::Merchant(MerchantOwn {
                merchant: m,
                name: merchant.name.clone(),
                bank: merchant.bank,
                markup: merchant.markup,
                accepts_cards: merchant.accepts_cards,
                balance: ledger.balance(Account::Merchant(m)),
                rent: merchant.rent,
                goods: merchant
                    .goods
                    .iter()
                    .map(|g| {
                        (
                            g.name.clone(),
                            g.unit_cost,
                            merchant.price(g, vat).unwrap_or(Money::ZERO),
                        )
                    })
                    .collect(),
                loan: loan_view(merchant.loan),
                last: economy
                    .reports()
                    .last()
                    .and_then(|t| t.merchants.get(m.index()))
                    .map(|r| Statement::of(r, published(merchant.bank))),
                history: economy
                    .reports()
                    .iter()
                    .filter_map(|t| t.merchants.get(m.index()))
                    .map(|r| Statement::of(r, published(merchant.bank)))
                    .collect(),
                msc_debit: economy.msc_debit(merchant.bank),
                loan_quote: RateView::of(
                    economy
                        .bank(merchant.bank)
                        .map(|b| {
                            LoanRate::price(
                                &b.business.business_loans,
                                &b.lending,
                                economy
                                    .params()
                                    .funding_rate(b.business.business_loans.max_months),
                                economy.effective_pd(merchant.pd),
                            )
                        })
                        .unwrap_or_default(),
                    published(merchant.bank),
                ),
            })
        }
    })
}

/// The market's offers as a banker of `own` sees them: what the layer shows, except that a
/// banker knows every price of their own bank.
fn offers_known_to(public: &[BankOffer], glass: &[BankOffer], own: BankId) -> Vec<BankOffer> {
    let mut offers = public.to_vec();
    if let Some(known) = glass.iter().find(|o| o.bank == own)
        && let Some(slot) = offers.iter_mut().find(|o| o.bank == own)
    {
        *slot = known.clone();
    }
    offers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{TownSpec, bot_decisions, town};

    #[test]
    fn a_banker_counts_the_clients_banking_there_before_the_first_month() {
        let e = Economy::new(town(TownSpec::new(2, 4, 40, 3))).unwrap();
        let Some(SeatView {
            own: Own::Bank(own),
            ..
        }) = SeatView::of(&e, Seat::RetailBanker(BankId(0)))
        else {
            panic!("a bank seat");
        };
        let households = e.clients().iter().filter(|c| c.bank == BankId(0)).count();
        let shops = e.merchants().iter().filter(|m| m.bank == BankId(0)).count();
        assert!(households > 0);
        assert_eq!(own.clients_now as usize, households);
        assert_eq!(own.merchants_now as usize, shops);
        assert_eq!(own.last_activity.clients, 0, "no month played yet");
    }

    fn played() -> Economy {
        let mut e = Economy::new(town(TownSpec::new(2, 4, 40, 3))).unwrap();
        for _ in 0..2 {
            let d = bot_decisions(&e, &[]);
            e.step(&d).unwrap();
        }
        e
    }

    #[test]
    fn each_seat_hears_of_the_events_that_concern_it_and_of_every_shock() {
        let mut e = Economy::new(town(TownSpec::new(2, 6, 80, 5))).unwrap();
        for _ in 0..6 {
            e.apply_shock(crate::sim::Shock::PolicyRate(Bp(250)))
                .unwrap();
            let d = bot_decisions(&e, &[]);
            e.step(&d).unwrap();
        }
        let month = &e.reports().last().unwrap().events;
        assert!(month.len() >= 3, "{month:?}");
        let news = News::of(&e);
        let seats = e
            .banks()
            .iter()
            .flat_map(|b| [Seat::RetailBanker(b.id), Seat::BusinessBanker(b.id)])
            .chain(e.merchants().iter().map(|m| Seat::Merchant(m.id)))
            .chain(e.clients().iter().map(|c| Seat::Client(c.id)));
        let mut heard = 0;
        for seat in seats {
            let linear: Vec<SimEvent> = month
                .iter()
                .filter(|ev| concerns(&e, seat, ev))
                .copied()
                .collect();
            assert_eq!(news.for_seat(&e, seat), linear, "{seat:?}");
            heard += linear.len();
        }
        assert!(heard > month.len());
    }

    #[test]
    fn other_banks_profits_show_only_under_glass() {
        let mut e = played();
        let view = SeatView::of(&e, Seat::RetailBanker(BankId(0))).unwrap();
        assert!(view.banks[0].profit.shown().is_some());
        assert_eq!(view.banks[1].profit, Shown::Hidden);
        assert_eq!(view.history[1].profit[1], Shown::Hidden);
        e.set_transparency(Transparency::Glass);
        let view = SeatView::of(&e, Seat::RetailBanker(BankId(0))).unwrap();
        assert!(view.banks[1].profit.shown().is_some());
    }

    #[test]
    fn a_banker_knows_their_own_prices_even_when_the_market_does_not() {
        // Greedy banks publish nothing.
        let mut spec = TownSpec::new(2, 4, 40, 3);
        spec.bank_strategy = crate::sim::Strategy::Greedy;
        let mut e = Economy::new(town(spec)).unwrap();
        let d = bot_decisions(&e, &[]);
        e.step(&d).unwrap();
        assert_eq!(e.params().transparency, Transparency::Opaque);
        let household = SeatView::of(&e, Seat::Client(crate::sim::ClientId(0))).unwrap();
        // A bank whose overdraft rate the market cannot see.
        let hidden = household
            .offers
            .iter()
            .find(|o| o.overdraft_rate == Shown::Hidden)
            .expect("an unpublished bank")
            .bank;
        let banker = SeatView::of(&e, Seat::RetailBanker(hidden)).unwrap();
        for (seen, public) in banker.offers.iter().zip(household.offers.iter()) {
            if seen.bank == hidden {
                assert!(seen.overdraft_rate.shown().is_some());
                assert!(seen.irregular_payment_fee.shown().is_some());
                assert!(seen.consumer_loan_margin.shown().is_some());
            } else {
                assert_eq!(seen, public, "other banks as the market sees them");
            }
        }
    }

    #[test]
    fn a_client_sees_its_own_accounts_and_shops() {
        let e = played();
        let view = SeatView::of(&e, Seat::Client(crate::sim::ClientId(0))).unwrap();
        let Own::Client(own) = &view.own else {
            panic!("{:?}", view.own)
        };
        assert_eq!(own.shops.len(), 3);
        assert!(own.shops.iter().all(|s| s.prices.len() == 3));
        assert_eq!(view.turn, 3);
        assert!(view.last_payment_chain.is_some());
        // Opaque: the split of the card fees is hidden, not zero.
        use crate::sim::Stage;
        assert_eq!(
            view.game_chain.amount(Stage::CardFees, Stage::Issuer),
            Shown::Hidden
        );
        assert!(SeatView::of(&e, Seat::Client(crate::sim::ClientId(999))).is_none());
        // The town's banks do not publish their pricing rules: under opaque the parts of the
        // rate are hidden, under glass they are shown.
        assert_eq!(own.loan_quote.parts, Shown::Hidden);
        let glass = SeatView::under(&e, view.seat, Transparency::Glass).unwrap();
        let Own::Client(seen) = &glass.own else {
            panic!("{:?}", glass.own)
        };
        assert!(seen.loan_quote.parts.shown().is_some());
    }

    #[test]
    fn under_opaque_a_secretive_banks_rate_parts_and_fee_split_are_hidden() {
        let mut spec = TownSpec::new(2, 4, 40, 3);
        spec.bank_strategy = crate::sim::Strategy::Greedy;
        let mut e = Economy::new(town(spec)).unwrap();
        let d = bot_decisions(&e, &[]);
        e.step(&d).unwrap();
        let view = SeatView::of(&e, Seat::Client(crate::sim::ClientId(0))).unwrap();
        let Own::Client(own) = &view.own else {
            panic!()
        };
        // The total of the rate, not its parts: the margin inside is the bank's secret.
        assert_eq!(own.loan_quote.parts, Shown::Hidden);
        assert!(own.loan_quote.total.0 > 0);
        let view = SeatView::of(&e, Seat::Merchant(crate::sim::MerchantId(0))).unwrap();
        let Own::Merchant(shop) = &view.own else {
            panic!()
        };
        let last = shop.last.unwrap();
        assert_eq!(last.split, Shown::Hidden);
        assert!(last.card_fees.is_positive());
        e.set_transparency(Transparency::Disclosed);
        let view = SeatView::of(&e, Seat::Merchant(crate::sim::MerchantId(0))).unwrap();
        let Own::Merchant(shop) = &view.own else {
            panic!()
        };
        assert!(shop.last.unwrap().split.shown().is_some());
    }
}
