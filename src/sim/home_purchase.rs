//! A household buys a home: its bank's quote for the loan, the checks it applies, and the
//! postings of the purchase (the down payment from its savings, the rest lent).
use serde::{Deserialize, Serialize};

use super::actors::{Borrower, Client, Loan};
use super::capital::Capital;
use super::economy::Economy;
use super::error::SimError;
use super::ids::{ClientId, LoanId};
use super::ledger::{Account, External, PostingKind, Product};
use super::money::{Bp, Money};
use super::mortgage::{Secured, annuity};
use super::pricing::LoanRate;
use super::report::{RefusalReason, SimEvent};
use super::trace::TxnKind;
use super::turn::{TurnDecisions, TurnLog};

/// What buying a home would mean for a household this month, as its bank prices it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeQuote {
    /// The price of a home for its income.
    pub price: Money,
    /// Paid from its own money.
    pub down_payment: Money,
    /// Lent by the bank.
    pub loan: Money,
    pub months: u16,
    pub rate: LoanRate,
    /// The first monthly instalment, principal and interest.
    pub instalment: Money,
    /// The risk-weighted assets the loan adds to the bank's.
    pub risk: Money,
    /// Why the bank would refuse, if it would.
    pub refusal: Option<RefusalReason>,
}

impl Economy {
    /// A household's quote for a home, with its bank's capital as it stands if it is known.
    pub fn home_quote(
        &self,
        c: ClientId,
        capital: Option<&Capital>,
    ) -> Result<HomeQuote, SimError> {
        let client = self
            .clients
            .get(c.index())
            .ok_or_else(|| SimError::InvalidDecision(format!("no client {}", c.0)))?;
        let rules = self.params.mortgages;
        let bank = &self.banks[client.bank.index()];
        let policy = bank.retail.mortgages;
        let price = client.income.checked_mul(rules.home_price_months.into())?;
        let down_payment = price.apply(rules.down_payment)?;
        let loan = price.checked_sub(down_payment)?;
        let home = Secured {
            home_value: price,
            variable: false,
        };
        let lgd = rules.loss_given_default(loan, home)?;
        let weights = (
            self.params.capital.mortgage_weight,
            self.params.capital.retail_weight,
        );
        let costs = rules.costs(&bank.lending, weights, lgd);
        let pd = self.effective_pd(client.pd);
        let months = policy.max_months.max(1);
        let rate = LoanRate::price(&policy, &costs, self.params.funding_rate(months), pd);
        let (principal, interest) = annuity(loan, months, rate.total())?;
        let instalment = principal.checked_add(interest)?;
        let risk = super::mortgage::MortgageRules::risk_weighted(loan, home, &self.params.capital)?;
        let refusal = self.home_refusal(client, capital, risk, instalment, down_payment, pd)?;
        Ok(HomeQuote {
            price,
            down_payment,
            loan,
            months,
            rate,
            instalment,
            risk,
            refusal,
        })
    }

    fn home_refusal(
        &self,
        client: &Client,
        capital: Option<&Capital>,
        risk: Money,
        instalment: Money,
        down_payment: Money,
        pd: Bp,
    ) -> Result<Option<RefusalReason>, SimError> {
        let rules = self.params.mortgages;
        let policy = self.banks[client.bank.index()].retail.mortgages;
        let room = match capital {
            Some(c) => c.allows(risk),
            None => self.capital(client.bank).allows(risk),
        };
        let debt_service = instalment.checked_add(self.instalment_of(client.loan)?)?;
        let own_money = self
            .ledger
            .balance(Account::Client(client.id))
            .checked_add(self.ledger.balance(Account::Savings(client.id)))?;
        Ok(super::turn::first_refusal(
            client.mortgage.is_some(),
            room,
            self.in_register(client.defaulted),
            pd > policy.max_pd,
            debt_service
                > self
                    .income_now(client.income)?
                    .apply(rules.max_debt_service)?
                || own_money < down_payment,
        ))
    }

    /// The households that decided to buy a home this month apply to their bank, which lends
    /// by its policy (home loans are not put to a human banker).
    pub(super) fn buy_homes(
        &mut self,
        idx: &TurnDecisions,
        capital: &mut [Capital],
        log: &mut TurnLog,
    ) -> Result<(), SimError> {
        let buyers: Vec<ClientId> = idx
            .clients
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_some_and(|d| d.buy_home))
            .map(|(i, _)| ClientId(i as u32))
            .collect();
        for c in buyers {
            let bank = self.clients[c.index()].bank;
            let quote = self.home_quote(c, capital.get(bank.index()))?;
            if let Some(reason) = quote.refusal {
                log.activity[bank.index()].loans_refused += 1;
                log.events.push(SimEvent::LoanRefused {
                    borrower: Borrower::Client(c),
                    bank,
                    reason,
                });
                continue;
            }
            self.buy_home(c, quote, log)?;
            if let Some(cap) = capital.get_mut(bank.index()) {
                cap.rwa = cap.rwa.saturating_add(quote.risk);
            }
        }
        Ok(())
    }

    /// The bank lends, the household pays the seller (outside the town) the price, down
    /// payment included, and pays its bank instead of a landlord from then on.
    fn buy_home(&mut self, c: ClientId, q: HomeQuote, log: &mut TurnLog) -> Result<(), SimError> {
        let client = &self.clients[c.index()];
        let bank = client.bank;
        let pd = self.effective_pd(client.pd);
        let own_pd = client.pd;
        let id = LoanId(self.loans.len() as u32);
        self.loans.push(Loan {
            principal: q.loan,
            outstanding: q.loan,
            months_left: q.months,
            rate: q.rate,
            pd,
            own_pd,
            secured: Some(Secured {
                home_value: q.price,
                variable: false,
            }),
            ..Loan::written(id, bank, Borrower::Client(c), self.ledger.turn())
        });
        let cause = self
            .ledger
            .open_transaction(TxnKind::LoanGranted { loan: id });
        self.pay(
            Account::BankLoans(bank),
            Account::Client(c),
            q.loan,
            PostingKind::LoanDisbursement,
            Product::Mortgage,
            cause,
        )?;
        // The down payment comes from savings when the current account is short.
        self.client_pays(
            c,
            Account::External(External::Suppliers),
            q.price,
            PostingKind::LoanPurchase,
            Product::None,
            cause,
            super::turn::Overdraft::Never,
        )?;
        let client = &mut self.clients[c.index()];
        client.mortgage = Some(id);
        let utilities = client.income.apply(Bp(1_000))?;
        client.fixed_costs = client
            .fixed_costs
            .saturating_sub(q.instalment)
            .max(utilities.min(client.fixed_costs));
        log.activity[bank.index()].loans_granted += 1;
        log.events.push(SimEvent::LoanGranted { loan: id });
        Ok(())
    }
}
