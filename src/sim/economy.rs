//! The economy: every actor, the ledger and the seeded random generator, changed only by `step`.
use super::actors::{Bank, Borrower, Client, Experience, Loan, LoanStatus, Merchant, Trust};
use super::config::{EconomyConfig, MarketParams, Transparency};
use super::decisions::LoanRequest;
use super::error::SimError;
use super::ids::{BankId, ClientId, LoanId, MerchantId, Turn, TxnId};
use super::ledger::{Account, External, Ledger, LedgerShape, PostingKind, Product};
use super::money::Money;
use super::pricing::LoanRate;
use super::report::{BalanceSheet, TurnReport};
use super::review::Review;
use super::shock::{Conditions, Shock};
use super::trace::TxnKind;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// A running economy. Same configuration, seed and decisions give the same ledger everywhere.
#[derive(Clone, Debug)]
pub struct Economy {
    pub(super) seed: u64,
    pub(super) rng: ChaCha8Rng,
    pub(super) params: MarketParams,
    /// The policy rate at the start, which bankers' deposit rates are set against.
    pub(super) initial_policy_rate: super::money::Bp,
    pub(super) banks: Vec<Bank>,
    pub(super) merchants: Vec<Merchant>,
    pub(super) clients: Vec<Client>,
    pub(super) loans: Vec<Loan>,
    pub(super) ledger: Ledger,
    pub(super) reports: Vec<TurnReport>,
    pub(super) stopped: bool,
    /// The account whose balance would have overflowed when the economy stopped.
    pub(super) overflowed: Option<Account>,
    /// Lasting conditions left by shocks (a recession, a fraud wave).
    pub(super) conditions: Conditions,
    /// Shocks applied since the last turn, listed in the next turn's report.
    pub(super) pending_shocks: Vec<Shock>,
    /// Cases waiting for human bankers.
    pub(super) review: Review,
}

impl Economy {
    /// Opens the books: checks the configuration, creates every actor and posts the opening
    /// balances as turn 0.
    pub fn new(config: EconomyConfig) -> Result<Economy, SimError> {
        check_config(&config)?;
        let EconomyConfig {
            seed,
            params,
            banks,
            merchants,
            clients,
            retention,
        } = config;
        let shape = LedgerShape {
            banks: banks.len(),
            merchants: merchants.len(),
            clients: clients.len(),
        };
        let capitals: Vec<Money> = banks.iter().map(|b| b.capital).collect();
        let mut economy = Economy {
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            initial_policy_rate: params.policy_rate,
            params,
            banks: banks
                .into_iter()
                .enumerate()
                .map(|(i, b)| Bank {
                    id: BankId(i as u16),
                    name: b.name,
                    lending: b.lending,
                    fixed_costs: b.fixed_costs,
                    cost_per_account: b.cost_per_account,
                    retail: b.retail,
                    business: b.business,
                    baseline_retail: b.retail,
                    baseline_business: b.business,
                    retail_strategy: b.retail_strategy,
                    business_strategy: b.business_strategy,
                    tax_losses: Money::ZERO,
                    resolved: None,
                })
                .collect(),
            merchants: Vec::with_capacity(merchants.len()),
            clients: Vec::with_capacity(clients.len()),
            loans: Vec::new(),
            ledger: Ledger::new(shape, retention),
            reports: Vec::new(),
            stopped: false,
            overflowed: None,
            conditions: Conditions::default(),
            pending_shocks: Vec::new(),
            review: Review::default(),
        };
        let opening = economy.ledger.open_transaction(TxnKind::Opening);
        for (b, capital) in capitals.into_iter().enumerate() {
            economy.open_balance(Account::BankEquity(BankId(b as u16)), capital, opening)?;
        }
        for (i, m) in merchants.into_iter().enumerate() {
            let id = MerchantId(i as u32);
            economy.ledger.hold_at(Account::Merchant(id), m.bank);
            economy.open_balance(Account::Merchant(id), m.opening_balance, opening)?;
            economy.merchants.push(Merchant {
                id,
                name: m.name,
                bank: m.bank,
                goods: m.goods,
                markup: m.markup,
                baseline_markup: m.markup,
                accepts_cards: m.accepts_cards,
                rent: m.rent,
                pd: m.pd,
                loan: None,
                defaulted: None,
                strategy: m.strategy,
                months_short: 0,
                closed: None,
            });
        }
        for (i, c) in clients.into_iter().enumerate() {
            let id = ClientId(i as u32);
            economy.ledger.hold_at(Account::Client(id), c.bank);
            economy.ledger.hold_at(Account::Savings(id), c.bank);
            economy.open_balance(Account::Client(id), c.opening_balance, opening)?;
            economy.open_balance(Account::Savings(id), c.opening_savings, opening)?;
            let opening_loan = c.opening_loan;
            let opening_mortgage = c.opening_mortgage;
            economy.clients.push(Client {
                id,
                bank: c.bank,
                income: c.income,
                fixed_costs: c.fixed_costs,
                spending_budget: c.spending_budget,
                card: c.card,
                card_share: c.card_share,
                baseline_card_share: c.card_share,
                spending: super::money::Bp::FULL,
                trust: Trust::new(c.trust),
                fee_sensitivity: c.fee_sensitivity,
                pd: c.pd,
                loan_appetite: c.loan_appetite,
                loan: None,
                mortgage: None,
                card_credit: None,
                home_appetite: c.home_appetite,
                defaulted: None,
                hard_times_until: None,
                fragile_until: None,
                irregular_months: 0,
                shops: c.shops,
                strategy: c.strategy,
                experience: Experience::default(),
            });
            if let Some(mortgage) = opening_mortgage {
                economy.open_mortgage(id, mortgage, opening)?;
            }
            if let Some(request) = opening_loan {
                economy.open_loan(id, request, opening)?;
            }
        }
        // The opening balances came from outside the banks: their reserves hold them.
        economy.ledger.clear(opening)?;
        economy.ledger.close_turn();
        Ok(economy)
    }

    /// A loan the household took before the game: the money was spent before turn 1. It met
    /// the rules when it was written: with the home loan's, its instalment is at most 35% of
    /// the household's income (the HCSF's rule, `MortgageRules::max_debt_service`), and at most
    /// what the income leaves after fixed costs.
    fn open_loan(
        &mut self,
        c: ClientId,
        request: LoanRequest,
        cause: TxnId,
    ) -> Result<(), SimError> {
        let client = &self.clients[c.index()];
        let bank = &self.banks[client.bank.index()];
        let policy = bank.retail.consumer_loans;
        let months = request.months.max(1);
        let rate = LoanRate::price(
            &policy,
            &bank.lending,
            self.params.funding_rate(months),
            client.pd,
        );
        let home = self.instalment_of(client.mortgage)?;
        let spare = client
            .income
            .checked_sub(client.fixed_costs)?
            .checked_sub(home)?;
        let debt_service = client
            .income
            .apply(self.params.mortgages.max_debt_service)?
            .checked_sub(home)?;
        let (principal, interest) =
            super::pricing::instalment(request.amount, months, rate.total())?;
        let asked = principal.checked_add(interest)?;
        let affordable = spare.min(debt_service).max(Money::ZERO);
        let amount = if asked > affordable {
            request
                .amount
                .ratio(affordable.as_cents(), asked.as_cents().max(1))?
        } else {
            request.amount
        };
        if !amount.is_positive() {
            return Ok(());
        }
        let id = self.open_book(c, bank.id, amount, months, rate, None, cause)?;
        self.clients[c.index()].loan = Some(id);
        Ok(())
    }

    /// A loan on the household's home, written before the game: the home was bought before
    /// turn 1.
    fn open_mortgage(
        &mut self,
        c: ClientId,
        m: super::config::OpeningMortgage,
        cause: TxnId,
    ) -> Result<(), SimError> {
        let client = &self.clients[c.index()];
        let bank = &self.banks[client.bank.index()];
        let home = super::mortgage::Secured {
            home_value: m.home_value,
            variable: m.variable,
        };
        let rules = self.params.mortgages;
        let lgd = rules.loss_given_default(m.outstanding, home)?;
        let weights = (
            self.params.capital.mortgage_weight,
            self.params.capital.retail_weight,
        );
        let costs = rules.costs(&bank.lending, weights, lgd);
        let rate = super::mortgage::MortgageRules::opening_rate(
            &costs,
            self.params.policy_rate,
            client.pd,
            m.rate,
            m.variable,
        );
        let id = self.open_book(c, bank.id, m.outstanding, m.months, rate, Some(home), cause)?;
        self.clients[c.index()].mortgage = Some(id);
        Ok(())
    }

    /// A household's loan running before the game: its book at the bank, from the opening.
    #[allow(clippy::too_many_arguments)]
    fn open_book(
        &mut self,
        c: ClientId,
        lender: BankId,
        owed: Money,
        months: u16,
        rate: LoanRate,
        secured: Option<super::mortgage::Secured>,
        cause: TxnId,
    ) -> Result<LoanId, SimError> {
        let pd = self.clients[c.index()].pd;
        let id = LoanId(self.loans.len() as u32);
        let loan = Loan {
            principal: owed,
            outstanding: owed,
            months_left: months.max(1),
            rate,
            pd,
            own_pd: pd,
            secured,
            ..Loan::written(id, lender, Borrower::Client(c), 0)
        };
        self.ledger.post(
            Account::BankLoans(lender),
            Account::External(External::Opening),
            owed,
            PostingKind::Opening,
            loan.product(),
            cause,
        )?;
        self.loans.push(loan);
        // The bank set its expected loss aside when it wrote the loan, before the game.
        let provision = self.expected_loss(id)?;
        self.pay(
            Account::External(External::Opening),
            Account::Provisions(lender),
            provision,
            PostingKind::Opening,
            loan.product(),
            cause,
        )?;
        self.loans[id.index()].provision = provision;
        Ok(id)
    }

    fn open_balance(
        &mut self,
        account: Account,
        amount: Money,
        cause: TxnId,
    ) -> Result<(), SimError> {
        if amount.is_positive() {
            self.ledger.post(
                Account::External(External::Opening),
                account,
                amount,
                PostingKind::Opening,
                Product::None,
                cause,
            )?;
        } else if amount.is_negative() {
            self.ledger.post(
                account,
                Account::External(External::Opening),
                amount.checked_neg()?,
                PostingKind::Opening,
                Product::None,
                cause,
            )?;
        }
        Ok(())
    }

    /// The seed the economy started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The next turn to be played (turn 0 is the opening of the books).
    pub fn turn(&self) -> Turn {
        self.ledger.turn()
    }

    pub fn params(&self) -> &MarketParams {
        &self.params
    }

    /// The policy rate when the game started.
    pub fn initial_policy_rate(&self) -> super::money::Bp {
        self.initial_policy_rate
    }

    pub fn banks(&self) -> &[Bank] {
        &self.banks
    }

    pub fn merchants(&self) -> &[Merchant] {
        &self.merchants
    }

    pub fn clients(&self) -> &[Client] {
        &self.clients
    }

    pub fn loans(&self) -> &[Loan] {
        &self.loans
    }

    pub fn bank(&self, id: BankId) -> Option<&Bank> {
        self.banks.get(id.index())
    }

    pub fn merchant(&self, id: MerchantId) -> Option<&Merchant> {
        self.merchants.get(id.index())
    }

    pub fn client(&self, id: ClientId) -> Option<&Client> {
        self.clients.get(id.index())
    }

    pub fn loan(&self, id: LoanId) -> Option<&Loan> {
        self.loans.get(id.index())
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The reports of every turn played, oldest first.
    pub fn reports(&self) -> &[TurnReport] {
        &self.reports
    }

    /// The account whose balance would have overflowed, when that stopped the economy: whose
    /// decision the month could not carry.
    pub fn overflowed(&self) -> Option<Account> {
        self.overflowed
    }

    /// Whether an earlier error stopped the economy.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// Changes the market parameters from the next turn on (a scripted event or the facilitator).
    pub fn set_params(&mut self, params: MarketParams) {
        self.params = params;
    }

    /// Changes what players see, from the next turn on.
    pub fn set_transparency(&mut self, layer: Transparency) {
        self.params.transparency = layer;
    }

    /// Whether a bank's small print (irregular-payment fee, overdraft rate) is hidden from its
    /// clients: under the opaque layer, unless the bank chose to disclose it.
    pub fn small_print_hidden(&self, bank: BankId) -> bool {
        !self.pricing_published(bank, self.params.transparency)
    }

    /// Whether a bank's pricing rules (small print, loan margins, what card fees are made of)
    /// are public under `layer`: any layer but opaque, or a bank that discloses them.
    pub fn pricing_published(&self, bank: BankId, layer: Transparency) -> bool {
        layer != Transparency::Opaque || self.bank(bank).is_some_and(|b| b.retail.disclose)
    }

    /// Each bank's home loans, risk-weighted loan by loan (`MortgageRules::risk_weighted`).
    pub fn home_loans_risk(&self) -> Vec<Money> {
        let mut risk = vec![Money::ZERO; self.banks.len()];
        for l in self
            .loans
            .iter()
            .filter(|l| l.status == LoanStatus::Performing)
        {
            if let Some(home) = l.secured {
                let weighted = super::mortgage::MortgageRules::risk_weighted(
                    l.outstanding,
                    home,
                    &self.params.capital,
                )
                .unwrap_or(Money::ZERO);
                if let Some(r) = risk.get_mut(l.lender.index()) {
                    *r = r.saturating_add(weighted);
                }
            }
        }
        risk
    }

    /// Every bank's capital now: its balance sheet's risks and its operating income over the
    /// last twelve months played.
    pub fn capitals(&self) -> Vec<super::capital::Capital> {
        self.capitals_with(false)
    }

    /// Each bank's capital; with `this_month`, its operational risk counts the month being
    /// played and the eleven before, as the month's report will.
    pub(super) fn capitals_with(&self, this_month: bool) -> Vec<super::capital::Capital> {
        let homes = self.home_loans_risk();
        let sheets = self.balance_sheets();
        sheets
            .iter()
            .enumerate()
            .map(|(b, sheet)| {
                let (months, now) = if this_month {
                    let open = super::report::BankPnl::from_totals(
                        &self
                            .ledger
                            .open_totals(Account::BankEquity(BankId(b as u16))),
                    );
                    (11, open.operating_income())
                } else {
                    (12, Money::ZERO)
                };
                let income =
                    self.pnl_over_last(b, months, now, super::report::BankPnl::operating_income);
                super::capital::Capital::of(&self.params.capital, sheet, homes[b], income)
                    .unwrap_or_default()
            })
            .collect()
    }

    /// One line of a bank's P&L (its operating income, its profit) over the last `months`
    /// months played, added to `more` (the month being played, not reported yet).
    pub(super) fn pnl_over_last(
        &self,
        bank: usize,
        months: usize,
        more: Money,
        line: fn(&super::report::BankPnl) -> Money,
    ) -> Money {
        self.reports
            .iter()
            .rev()
            .take(months)
            .filter_map(|r| r.banks.get(bank))
            .fold(more, |sum, r| sum.saturating_add(line(&r.pnl)))
    }

    /// A bank's capital now.
    pub fn capital(&self, bank: BankId) -> super::capital::Capital {
        self.capitals()
            .get(bank.index())
            .copied()
            .unwrap_or_default()
    }

    /// A bank's balance sheet now, read from the ledger.
    pub fn balance_sheet(&self, bank: BankId) -> BalanceSheet {
        self.balance_sheets()
            .get(bank.index())
            .copied()
            .unwrap_or_default()
    }

    /// Every bank's balance sheet now, in one pass over the accounts and loans.
    pub fn balance_sheets(&self) -> Vec<BalanceSheet> {
        let n = self.banks.len();
        // Sums in i128, clamped at the end: a sheet of absurd amounts saturates, never panics.
        let mut deposits = vec![0i128; n];
        let mut overdrafts = vec![0i128; n];
        let mut savings = vec![0i128; n];
        let mut consumer = vec![0i128; n];
        let mut homes = vec![0i128; n];
        let mut business = vec![0i128; n];
        let mut split = |bank: BankId, balance: Money| {
            let cents = i128::from(balance.as_cents());
            if cents < 0 {
                overdrafts[bank.index()] -= cents;
            } else {
                deposits[bank.index()] += cents;
            }
        };
        for c in &self.clients {
            split(c.bank, self.ledger.balance(Account::Client(c.id)));
            savings[c.bank.index()] +=
                i128::from(self.ledger.balance(Account::Savings(c.id)).as_cents());
        }
        for m in &self.merchants {
            split(m.bank, self.ledger.balance(Account::Merchant(m.id)));
        }
        for loan in self
            .loans
            .iter()
            .filter(|l| l.status == LoanStatus::Performing)
        {
            let book = match (loan.borrower, loan.secured) {
                (Borrower::Client(_), None) => &mut consumer,
                (Borrower::Client(_), Some(_)) => &mut homes,
                (Borrower::Merchant(_), _) => &mut business,
            };
            book[loan.lender.index()] += i128::from(loan.outstanding.as_cents());
        }
        let clamp =
            |cents: i128| Money::cents(cents.clamp(i64::MIN.into(), i64::MAX.into()) as i64);
        (0..n)
            .map(|b| {
                let bank = BankId(b as u16);
                let equity = self.ledger.balance(Account::BankEquity(bank));
                BalanceSheet {
                    reserves: self.ledger.balance(Account::Reserves(bank)),
                    consumer_loans: clamp(consumer[b]),
                    mortgages: clamp(homes[b]),
                    business_loans: clamp(business[b]),
                    loan_loss_allowance: self.ledger.balance(Account::Provisions(bank)),
                    overdrafts: clamp(overdrafts[b]),
                    deposits: clamp(deposits[b]),
                    savings: clamp(savings[b]),
                    equity,
                }
            })
            .collect()
    }
}

fn check_config(config: &EconomyConfig) -> Result<(), SimError> {
    let bad = |why: String| Err(SimError::InvalidConfig(why));
    if config.banks.is_empty() {
        return bad("an economy needs at least one bank".into());
    }
    if config.banks.len() > usize::from(u16::MAX)
        || config.merchants.len() > u32::MAX as usize
        || config.clients.len() > u32::MAX as usize
    {
        return bad("too many actors".into());
    }
    let banks = config.banks.len();
    for (i, m) in config.merchants.iter().enumerate() {
        if m.bank.index() >= banks {
            return bad(format!(
                "merchant {i} banks with bank {} which does not exist",
                m.bank.0
            ));
        }
        if m.goods.is_empty() {
            return bad(format!("merchant {i} sells nothing"));
        }
        if m.goods.iter().any(|g| !g.unit_cost.is_positive()) {
            return bad(format!(
                "merchant {i} has a good with a unit cost that is not positive"
            ));
        }
    }
    for (i, c) in config.clients.iter().enumerate() {
        if c.bank.index() >= banks {
            return bad(format!(
                "client {i} banks with bank {} which does not exist",
                c.bank.0
            ));
        }
        if c.opening_loan
            .is_some_and(|l| !l.amount.is_positive() || l.months == 0)
        {
            return bad(format!(
                "client {i} has an opening loan that is not positive"
            ));
        }
        if c.opening_mortgage.is_some_and(|m| {
            !m.outstanding.is_positive() || m.months == 0 || m.home_value.is_negative()
        }) {
            return bad(format!(
                "client {i} has an opening home loan that is not positive"
            ));
        }
        if let Some(shop) = c.shops.iter().find(|s| s.index() >= config.merchants.len()) {
            return bad(format!(
                "client {i} shops at merchant {} which does not exist",
                shop.0
            ));
        }
        for (what, m) in [
            ("income", c.income),
            ("fixed costs", c.fixed_costs),
            ("spending budget", c.spending_budget),
            ("opening savings", c.opening_savings),
        ] {
            if m.is_negative() {
                return bad(format!("client {i} has negative {what}"));
            }
        }
    }
    if config.params.purchases_per_month == 0 {
        return bad("households must shop at least once a month".into());
    }
    Ok(())
}

#[cfg(test)]
impl Economy {
    /// Money from one account to another, posted as an opening balance: for tests of what the
    /// books do when an account nears the largest amount they hold.
    pub(crate) fn endow(
        &mut self,
        from: Account,
        to: Account,
        amount: Money,
    ) -> Result<(), SimError> {
        let cause = self.ledger.open_transaction(super::trace::TxnKind::Opening);
        self.ledger
            .post(from, to, amount, PostingKind::Opening, Product::None, cause)?;
        Ok(())
    }
}
