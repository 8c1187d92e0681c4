//! The pure simulation core: money, the ledger, actors, pricing, bots and the monthly turn. No
//! Bevy, no I/O, no clock; randomness comes from a seeded ChaCha generator held in the state.
mod actors;
mod bots;
mod capital;
mod config;
mod credit_risk;
mod decisions;
mod economy;
mod error;
mod fragile;
mod home_purchase;
mod ids;
mod ledger;
mod limits;
mod money;
mod mortgage;
mod population;
mod pricing;
mod report;
mod resolution;
mod review;
mod revolving;
mod seat_view;
mod secrets;
mod shock;
mod shop_closure;
mod summary;
mod trace;
mod turn;
mod value_chain;
mod view;

pub use actors::{Bank, Borrower, Client, Experience, Loan, LoanStatus, Merchant, Trust};
pub use bots::{decide as bot_decisions, decide_seat as bot_decision};
pub use capital::{Capital, CapitalRules};
pub use config::{
    BankConfig, CardKind, ClientConfig, EconomyConfig, Good, MarketParams, MerchantConfig,
    OpeningMortgage, ReserveRules, Strategy, Transparency, TrustRules,
};
pub use credit_risk::{ARREARS_PD, HARD_TIMES_MONTHS, MISFORTUNE_RENTS, MISSED_TO_DEFAULT};
pub use decisions::{
    BusinessDecision, ClientDecision, Decisions, LoanRequest, MerchantDecision, RetailDecision,
    Role, Seat,
};
pub use economy::Economy;
pub use error::SimError;
pub use home_purchase::HomeQuote;
pub use ids::{BankId, ClientId, LoanId, MerchantId, Turn, TxnId};
pub use ledger::{
    Account, External, Flow, Ledger, LedgerError, LedgerShape, Party, Posting, PostingKind,
    Product, Retention, Totals, Transaction,
};
pub use limits::{Bounded, Field, Limit, OutOfBounds, Scale};
pub use money::{Bp, Money, Overflow};
pub use mortgage::{MortgageRules, Secured, annuity};
pub use population::{
    ClientPopulation, HomeLoans, MerchantPopulation, ShopKind, Span, StrategyMix, TownSpec,
    euro_area_params, ordinary_bank, populate, town,
};
pub use pricing::{
    Caps, FeeSchedule, LendingCosts, LoanPolicy, LoanRate, MerchantFees, MscRates, MscSplit,
    instalment, shelf_price,
};
pub use report::{
    BalanceSheet, BankActivity, BankPnl, BankReport, ClientsReport, MerchantReport, RefusalReason,
    SimEvent, TurnReport,
};
pub use resolution::GUARANTEE;
pub use review::{CaseId, LoanApplication, PendingComplaint, Review, Verdict};
pub use seat_view::{
    BankOwn, BankResults, CaseKind, CaseView, ClientOwn, FeeSplit, HomeOffer, LoanView,
    MerchantOwn, MonthSummary, Own, RateView, SeatView, ShopView, Statement,
};
pub use secrets::{Secret, secrets};
pub use shock::{Conditions, FraudWave, Recession, Shock};
pub use summary::{
    BankRatios, BankSummary, HouseholdSummary, MerchantSummary, Metric, Summary, Unit,
};
pub use trace::{PaymentTrace, ProductMargin, Share, TxnKind};
pub use turn::Assessment;
pub use value_chain::{ChainFlow, Stage, ValueChain};
pub use view::{BankOffer, Price, Shown, Term, Usage};
