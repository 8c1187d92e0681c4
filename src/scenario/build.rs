//! Checks a scenario file and builds the economy, timeline and seats from it, collecting every
//! problem with the path of its field instead of stopping at the first.
use super::error::Problem;
use super::ids::ActorIds;
use super::lessons::{Compare, Lesson};
use super::schema::{
    BankSpec, ClientPopulationSpec, ClientSpec, CompareSpec, Euros, EventKind, HomeLoansSpec,
    MarketSpec, MerchantPopulationSpec, MerchantSpec, ProductSpec, QuestionSpec, QuizSpec, Range,
    ScenarioFile, StrategyMixSpec, Text, ordinary,
};
use crate::i18n::Message;
use crate::sim::{
    self, BankConfig, BankId, Bp, BusinessDecision, Caps, ClientConfig, ClientDecision,
    ClientPopulation, EconomyConfig, Limit, LoanPolicy, LoanRequest, MarketParams, MerchantConfig,
    MerchantDecision, MerchantPopulation, Money, RetailDecision, Retention, Role, Seat, Shock,
    Span, StrategyMix, Turn,
};
use std::collections::HashMap;

/// The most of each actor a scenario may hold, so that no file can exhaust memory.
pub const MAX_BANKS: usize = 26;
pub const MAX_MERCHANTS: u64 = 100_000;
pub const MAX_CLIENTS: u64 = 1_000_000;
pub const MAX_TURNS: u16 = 600;
const MAX_MONTHS: u16 = 600;

/// What happens at the start of a turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scripted {
    Shock(Shock),
    /// A message shown to every player.
    Message(Text),
    /// Stop the table for discussion on this question.
    Pause(Text),
}

/// A scripted event and the turn it happens at the start of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub turn: Turn,
    pub what: Scripted,
}

/// Everything a valid scenario file builds.
#[derive(Clone, Debug)]
pub struct Built {
    pub economy: EconomyConfig,
    pub timeline: Vec<Scheduled>,
    pub human_seats: Vec<Seat>,
    pub ids: ActorIds,
    pub lessons: Vec<Lesson>,
}

/// Collects problems as the file is walked.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, message: Message) {
        self.problems.push(Problem {
            path: path.into(),
            message,
        });
    }

    /// An integer within bounds; out of bounds, reports it and returns the nearest bound.
    fn int(&mut self, path: &str, value: i64, min: i64, max: i64) -> i64 {
        if value < min {
            self.problem(
                path,
                Message::new("scenario-at-least")
                    .with("min", min)
                    .with("found", value),
            );
            min
        } else if value > max {
            self.problem(
                path,
                Message::new("scenario-at-most")
                    .with("max", max)
                    .with("found", value),
            );
            max
        } else {
            value
        }
    }

    fn bp(&mut self, path: &str, value: i32, min: i32, max: i32) -> Bp {
        Bp(self.int(path, value.into(), min.into(), max.into()) as i32)
    }

    /// A decision's number within its limit (`sim::Limit`): the same bounds the simulation, the
    /// room and the decision panels keep.
    fn limited_bp(&mut self, path: &str, value: i32, limit: Limit) -> Bp {
        Bp(self.int(path, value.into(), limit.min, limit.max) as i32)
    }

    fn limited_months(&mut self, path: &str, value: u16, limit: Limit) -> u16 {
        self.int(path, value.into(), limit.min, limit.max) as u16
    }

    /// An amount in euros within a decision's limit in cents.
    fn limited_euros(&mut self, path: &str, value: Euros, limit: Limit) -> Money {
        let Some(m) = value.money() else {
            return self.euros(path, value);
        };
        let (id, name, bound) = if m.as_cents() < limit.min {
            ("scenario-at-least", "min", limit.min_money())
        } else if m.as_cents() > limit.max {
            ("scenario-at-most", "max", limit.max_money())
        } else {
            return m;
        };
        self.problem(
            path,
            Message::new(id)
                .with(name, Euros::of(bound).0.to_string())
                .with("found", value.0.to_string()),
        );
        bound
    }

    fn share(&mut self, path: &str, value: i32) -> Bp {
        self.bp(path, value, 0, 10_000)
    }

    fn months(&mut self, path: &str, value: u16) -> u16 {
        self.int(path, value.into(), 1, MAX_MONTHS.into()) as u16
    }

    /// An amount in euros: a finite number, never negative, at most a thousand billion.
    fn euros(&mut self, path: &str, value: Euros) -> Money {
        match value.money() {
            Some(m) if m.is_negative() => {
                self.problem(
                    path,
                    Message::new("scenario-at-least")
                        .with("min", 0)
                        .with("found", value.0.to_string()),
                );
                Money::ZERO
            }
            Some(m) => m,
            None => {
                self.problem(
                    path,
                    Message::new("scenario-euros-limit").with("limit", Euros::LIMIT.to_string()),
                );
                Money::ZERO
            }
        }
    }

    fn positive_euros(&mut self, path: &str, value: Euros) -> Money {
        let m = self.euros(path, value);
        if m == Money::ZERO && value.money().is_some_and(|m| !m.is_negative()) {
            self.problem(
                path,
                Message::new("scenario-positive").with("found", value.0.to_string()),
            );
        }
        m
    }

    fn span<T: Copy + PartialOrd + std::fmt::Display, S: Copy>(
        &mut self,
        path: &str,
        range: Range<T>,
        mut each: impl FnMut(&mut Self, &str, T) -> S,
    ) -> Span<S> {
        let min = each(self, &format!("{path}.min"), range.min);
        let max = each(self, &format!("{path}.max"), range.max);
        if range.min > range.max {
            self.problem(
                path,
                Message::new("scenario-min-above-max")
                    .with("min", range.min.to_string())
                    .with("max", range.max.to_string()),
            );
            return Span::new(min, min);
        }
        Span::new(min, max)
    }

    fn text(&mut self, path: &str, text: &Text) {
        for (lang, s) in [("en", &text.en), ("fr", &text.fr)] {
            if s.trim().is_empty() {
                self.problem(format!("{path}.{lang}"), Message::new("scenario-empty"));
            }
        }
    }

    fn name(&mut self, path: &str, name: &str) {
        if name.trim().is_empty() {
            self.problem(path, Message::new("scenario-empty"));
        }
    }
}

/// Checks the whole file and builds from it, or returns every problem found.
pub fn build(file: &ScenarioFile) -> Result<Built, Vec<Problem>> {
    let mut c = Checker::default();
    c.name("id", &file.id);
    c.text("title", &file.title);
    c.text("description", &file.description);
    for (i, o) in file.objectives.iter().enumerate() {
        c.text(&format!("objectives[{i}]"), o);
    }
    let turns = c.int("turns", file.turns.into(), 1, MAX_TURNS.into()) as u16;
    let params = market(&mut c, &file.market, file.transparency);

    let ids = actor_ids(&mut c, file);
    let banks: Vec<BankConfig> = file
        .banks
        .iter()
        .enumerate()
        .take(MAX_BANKS)
        .map(|(i, b)| bank(&mut c, &format!("banks[{i}]"), b))
        .collect();
    let bank_count = banks.len();
    let named_merchants: Vec<MerchantConfig> = file
        .merchants
        .iter()
        .enumerate()
        .map(|(i, m)| merchant(&mut c, &format!("merchants[{i}]"), m, &ids))
        .collect();
    let merchant_pops: Vec<MerchantPopulation> = file
        .merchant_populations
        .iter()
        .enumerate()
        .map(|(i, p)| merchant_population(&mut c, &format!("merchant_populations[{i}]"), p, &ids))
        .collect();
    let merchant_count = ids.merchant_count();
    let named_clients: Vec<ClientConfig> = file
        .clients
        .iter()
        .enumerate()
        .map(|(i, s)| client(&mut c, &format!("clients[{i}]"), s, &ids, merchant_count))
        .collect();
    let client_pops: Vec<ClientPopulation> = file
        .client_populations
        .iter()
        .enumerate()
        .map(|(i, p)| client_population(&mut c, &format!("client_populations[{i}]"), p, &ids))
        .collect();
    let timeline = timeline(&mut c, file, turns);
    for (i, n) in file.facilitator_notes.iter().enumerate() {
        let path = format!("facilitator_notes[{i}]");
        c.int(&format!("{path}.turn"), n.turn.into(), 0, turns.into());
        c.text(&format!("{path}.text"), &n.text);
    }
    for (i, d) in file.discussion.iter().enumerate() {
        c.text(&format!("discussion[{i}]"), d);
    }
    debrief(&mut c, &file.debrief);
    quiz(&mut c, &file.quiz);
    let human_seats = human_seats(&mut c, file, &ids);
    let lessons = lessons(&mut c, file, &ids, &timeline);

    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let (merchants, clients) = sim::populate(
        file.population_seed.unwrap_or(file.seed),
        bank_count,
        &params,
        named_merchants,
        &merchant_pops,
        named_clients,
        &client_pops,
    );
    Ok(Built {
        economy: EconomyConfig {
            seed: file.seed,
            params,
            banks,
            merchants,
            clients,
            retention: Retention::last_year(),
        },
        timeline,
        human_seats,
        ids,
        lessons,
    })
}

fn market(c: &mut Checker, m: &MarketSpec, transparency: sim::Transparency) -> MarketParams {
    let cap = |c: &mut Checker, path: &str, v: Option<i32>| v.map(|v| c.bp(path, v, 0, 2_000));
    let fee_cap = |c: &mut Checker, path: &str, v: Option<Euros>| v.map(|v| c.euros(path, v));
    let t = m.trust;
    let points = |c: &mut Checker, path: &str, v: u16| c.int(path, v.into(), 0, 1_000) as u16;
    MarketParams {
        policy_rate: c.bp("market.policy_rate_bp", m.policy_rate_bp, -2_000, 5_000),
        vat: c.bp("market.vat_bp", m.vat_bp, 0, 5_000),
        interchange_debit: c.bp(
            "market.interchange_debit_bp",
            m.interchange_debit_bp,
            0,
            2_000,
        ),
        interchange_credit: c.bp(
            "market.interchange_credit_bp",
            m.interchange_credit_bp,
            0,
            2_000,
        ),
        scheme_fee: c.bp("market.scheme_fee_bp", m.scheme_fee_bp, 0, 2_000),
        caps: Caps {
            interchange_debit: cap(
                c,
                "market.interchange_cap_debit_bp",
                m.interchange_cap_debit_bp,
            ),
            interchange_credit: cap(
                c,
                "market.interchange_cap_credit_bp",
                m.interchange_cap_credit_bp,
            ),
            irregular_fee_per_payment: fee_cap(
                c,
                "market.irregular_fee_cap_per_payment",
                m.irregular_fee_cap_per_payment,
            ),
            irregular_fees_per_month: fee_cap(
                c,
                "market.irregular_fee_cap_per_month",
                m.irregular_fee_cap_per_month,
            ),
            fragile_fee_per_payment: fee_cap(
                c,
                "market.fragile_fee_cap_per_payment",
                m.fragile_fee_cap_per_payment,
            ),
            fragile_fees_per_month: fee_cap(
                c,
                "market.fragile_fee_cap_per_month",
                m.fragile_fee_cap_per_month,
            ),
        },
        transparency,
        purchases_per_month: c.int(
            "market.purchases_per_month",
            m.purchases_per_month.into(),
            1,
            60,
        ) as u8,
        spending_noise: c.share("market.spending_noise_bp", m.spending_noise_bp),
        capital: sim::CapitalRules {
            requirement: c.share("market.cet1_requirement_bp", m.cet1_requirement_bp),
            profit_tax: c.share("market.profit_tax_bp", m.profit_tax_bp),
            dividend_payout: c.share("market.dividend_payout_bp", m.dividend_payout_bp),
            mortgage_weight: c.share("market.mortgage_weight_bp", m.mortgage_weight_bp),
            ..sim::CapitalRules::default()
        },
        // From an inverted curve to a steep one: ten-year money two points below or above
        // the policy rate.
        term_premium: c.bp("market.term_premium_bp", m.term_premium_bp, -200, 200),
        mortgages: sim::MortgageRules {
            forced_sale_discount: c
                .share("market.forced_sale_discount_bp", m.forced_sale_discount_bp),
            ..sim::MortgageRules::default()
        },
        reserves: sim::ReserveRules {
            minimum: c.share("market.minimum_reserves_bp", m.minimum_reserves_bp),
            minimum_paid: m.minimum_reserves_paid,
            lending_spread: c.bp(
                "market.lending_facility_spread_bp",
                m.lending_facility_spread_bp,
                0,
                2_000,
            ),
        },
        trust: sim::TrustRules {
            surprise_penalty: points(c, "market.trust.surprise_penalty", t.surprise_penalty),
            refused_complaint_penalty: points(
                c,
                "market.trust.refused_complaint_penalty",
                t.refused_complaint_penalty,
            ),
            handled_complaint_bonus: points(
                c,
                "market.trust.handled_complaint_bonus",
                t.handled_complaint_bonus,
            ),
            fair_month_bonus: points(c, "market.trust.fair_month_bonus", t.fair_month_bonus),
        },
    }
}

/// Checks every id (present, unique) and the sizes, and indexes them for references.
fn actor_ids(c: &mut Checker, file: &ScenarioFile) -> ActorIds {
    if file.banks.is_empty() {
        c.problem("banks", Message::new("scenario-no-banks"));
    }
    if file.banks.len() > MAX_BANKS {
        c.problem(
            "banks",
            Message::new("scenario-too-many-banks")
                .with("max", MAX_BANKS)
                .with("found", file.banks.len()),
        );
    }
    let merchants: u64 = file.merchants.len() as u64
        + file
            .merchant_populations
            .iter()
            .map(|p| u64::from(p.count))
            .sum::<u64>();
    if merchants > MAX_MERCHANTS {
        c.problem(
            "merchant_populations",
            Message::new("scenario-too-many-merchants")
                .with("max", MAX_MERCHANTS)
                .with("found", merchants),
        );
    }
    let clients: u64 = file.clients.len() as u64
        + file
            .client_populations
            .iter()
            .map(|p| u64::from(p.count))
            .sum::<u64>();
    if clients > MAX_CLIENTS {
        c.problem(
            "client_populations",
            Message::new("scenario-too-many-households")
                .with("max", MAX_CLIENTS)
                .with("found", clients),
        );
    }
    let mut ids = ActorIds::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut unique = |c: &mut Checker, path: String, id: &str| {
        if id.trim().is_empty() {
            c.problem(path, Message::new("scenario-empty"));
            return false;
        }
        if let Some(first) = seen.get(id) {
            c.problem(
                path,
                Message::new("scenario-id-taken")
                    .with("id", id)
                    .with("first", first.as_str()),
            );
            return false;
        }
        seen.insert(id.to_string(), path);
        true
    };
    for (i, b) in file.banks.iter().enumerate().take(MAX_BANKS) {
        unique(c, format!("banks[{i}].id"), &b.id);
        ids.add_bank(&b.id);
    }
    for (i, m) in file.merchants.iter().enumerate() {
        unique(c, format!("merchants[{i}].id"), &m.id);
        ids.add_merchant(&m.id);
    }
    for (i, p) in file.merchant_populations.iter().enumerate() {
        if p.id_prefix.trim().is_empty() {
            c.problem(
                format!("merchant_populations[{i}].id_prefix"),
                Message::new("scenario-empty"),
            );
        }
        ids.add_merchant_population(&p.id_prefix, p.count.min(MAX_MERCHANTS as u32));
    }
    for (i, s) in file.clients.iter().enumerate() {
        unique(c, format!("clients[{i}].id"), &s.id);
        ids.add_client(&s.id);
    }
    for (i, p) in file.client_populations.iter().enumerate() {
        if p.id_prefix.trim().is_empty() {
            c.problem(
                format!("client_populations[{i}].id_prefix"),
                Message::new("scenario-empty"),
            );
        }
        ids.add_client_population(&p.id_prefix, p.count.min(MAX_CLIENTS as u32));
    }
    for clash in ids.clashes() {
        c.problem(clash.0, clash.1);
    }
    ids
}

fn bank(c: &mut Checker, path: &str, b: &BankSpec) -> BankConfig {
    c.name(&format!("{path}.name"), &b.name);
    let mut config = ordinary();
    config.name = b.name.clone();
    config.capital = c.positive_euros(&format!("{path}.capital"), b.capital);
    config.fixed_costs = c.euros(&format!("{path}.fixed_costs"), b.fixed_costs);
    config.cost_per_account = c.euros(&format!("{path}.cost_per_account"), b.cost_per_account);
    config.retail_strategy = b.retail_strategy;
    config.business_strategy = b.business_strategy;
    let l = &b.lending;
    let lp = format!("{path}.lending");
    config.lending = sim::LendingCosts {
        operating_cost: c.bp(
            &format!("{lp}.operating_cost_bp"),
            l.operating_cost_bp,
            0,
            5_000,
        ),
        capital_ratio: c.share(&format!("{lp}.capital_ratio_bp"), l.capital_ratio_bp),
        hurdle_rate: c.bp(&format!("{lp}.hurdle_rate_bp"), l.hurdle_rate_bp, 0, 10_000),
        loss_given_default: c.share(
            &format!("{lp}.loss_given_default_bp"),
            l.loss_given_default_bp,
        ),
    };
    config.retail.refund_complaints = b.refund_complaints;
    config.retail.disclose = b.disclose;
    let mut listed: HashMap<&'static str, usize> = HashMap::new();
    for (j, product) in b.products.iter().enumerate() {
        let pp = format!("{path}.products[{j}]");
        if let Some(first) = listed.insert(product.name(), j) {
            c.problem(
                &pp,
                Message::new("scenario-product-twice")
                    .with("product", product.name())
                    .with("first", first),
            );
        }
        apply_product(c, &pp, product, &mut config);
    }
    config
}

/// Overlays one product's pricing rules on the bank's ordinary prices.
fn apply_product(c: &mut Checker, pp: &str, product: &ProductSpec, config: &mut BankConfig) {
    let f = |name: &str| format!("{pp}.{name}");
    let retail = &mut config.retail;
    let business = &mut config.business;
    match product {
        ProductSpec::CurrentAccount(p) => {
            if let Some(fee) = p.fee {
                retail.fees.account_fee =
                    c.limited_euros(&f("fee"), fee, RetailDecision::ACCOUNT_FEE);
            }
            if let Some(r) = p.rate_bp {
                retail.current_rate = c.limited_bp(&f("rate_bp"), r, RetailDecision::CURRENT_RATE);
            }
            if let Some(r) = p.overdraft_rate_bp {
                retail.fees.overdraft_rate =
                    c.limited_bp(&f("overdraft_rate_bp"), r, RetailDecision::OVERDRAFT_RATE);
            }
            if let Some(fee) = p.irregular_payment_fee {
                retail.fees.irregular_payment_fee = c.limited_euros(
                    &f("irregular_payment_fee"),
                    fee,
                    RetailDecision::IRREGULAR_PAYMENT_FEE,
                );
            }
        }
        ProductSpec::Savings(p) => {
            if let Some(r) = p.rate_bp {
                retail.savings_rate = c.limited_bp(&f("rate_bp"), r, RetailDecision::SAVINGS_RATE);
            }
        }
        ProductSpec::DebitCard(p) => {
            if let Some(fee) = p.fee {
                retail.fees.debit_card_fee =
                    c.limited_euros(&f("fee"), fee, RetailDecision::DEBIT_CARD_FEE);
            }
        }
        ProductSpec::CreditCard(p) => {
            if let Some(fee) = p.fee {
                retail.fees.credit_card_fee =
                    c.limited_euros(&f("fee"), fee, RetailDecision::CREDIT_CARD_FEE);
            }
        }
        ProductSpec::RevolvingCredit(p) => {
            if let Some(rate) = p.rate_bp {
                retail.card_credit_rate =
                    c.limited_bp(&f("rate_bp"), rate, RetailDecision::CARD_CREDIT_RATE);
            }
        }
        ProductSpec::ConsumerLoan(p) | ProductSpec::Mortgage(p) | ProductSpec::BusinessLoan(p) => {
            let policy = match product {
                ProductSpec::ConsumerLoan(_) => &mut retail.consumer_loans,
                ProductSpec::Mortgage(_) => &mut retail.mortgages,
                _ => &mut business.business_loans,
            };
            if let Some(rate) = p.rate {
                policy.margin =
                    c.limited_bp(&f("rate.margin_bp"), rate.margin_bp, LoanPolicy::MARGIN);
            }
            if let Some(pd) = p.max_pd_bp {
                policy.max_pd = c.limited_bp(&f("max_pd_bp"), pd, LoanPolicy::MAX_PD);
            }
            if let Some(m) = p.max_months {
                policy.max_months = c.limited_months(&f("max_months"), m, LoanPolicy::MAX_MONTHS);
            }
        }
        ProductSpec::Acquiring(p) => {
            if let Some(m) = p.margin_bp {
                business.merchant_fees.acquirer_margin =
                    c.limited_bp(&f("margin_bp"), m, BusinessDecision::ACQUIRER_MARGIN);
            }
            if let Some(fee) = p.terminal_fee {
                business.merchant_fees.terminal_fee =
                    c.limited_euros(&f("terminal_fee"), fee, BusinessDecision::TERMINAL_FEE);
            }
        }
        ProductSpec::BusinessAccount(p) => {
            if let Some(fee) = p.fee {
                business.merchant_fees.account_fee =
                    c.limited_euros(&f("fee"), fee, BusinessDecision::ACCOUNT_FEE);
            }
        }
    }
}

fn bank_ref(c: &mut Checker, path: &str, id: &str, ids: &ActorIds) -> BankId {
    ids.bank(id).unwrap_or_else(|| {
        c.problem(path, Message::new("scenario-no-bank-id").with("id", id));
        BankId(0)
    })
}

fn bank_refs(c: &mut Checker, path: &str, list: &[String], ids: &ActorIds) -> Vec<BankId> {
    list.iter()
        .enumerate()
        .map(|(i, id)| bank_ref(c, &format!("{path}[{i}]"), id, ids))
        .collect()
}

fn merchant(c: &mut Checker, path: &str, m: &MerchantSpec, ids: &ActorIds) -> MerchantConfig {
    let f = |name: &str| format!("{path}.{name}");
    c.name(&f("name"), &m.name);
    if m.goods.is_empty() {
        c.problem(f("goods"), Message::new("scenario-no-goods"));
    }
    MerchantConfig {
        name: m.name.clone(),
        bank: bank_ref(c, &f("bank"), &m.bank, ids),
        goods: m
            .goods
            .iter()
            .enumerate()
            .map(|(i, g)| {
                c.name(&format!("{path}.goods[{i}].name"), &g.name);
                sim::Good {
                    name: g.name.clone(),
                    unit_cost: c
                        .positive_euros(&format!("{path}.goods[{i}].unit_cost"), g.unit_cost),
                }
            })
            .collect(),
        markup: c.limited_bp(&f("markup_bp"), m.markup_bp, MerchantDecision::MARKUP),
        accepts_cards: m.accepts_cards,
        rent: c.euros(&f("rent"), m.rent),
        opening_balance: c.euros(&f("opening_balance"), m.opening_balance),
        pd: c.share(&f("pd_bp"), m.pd_bp),
        strategy: m.strategy,
    }
}

fn client(
    c: &mut Checker,
    path: &str,
    s: &ClientSpec,
    ids: &ActorIds,
    merchants: usize,
) -> ClientConfig {
    let f = |name: &str| format!("{path}.{name}");
    let shops = if s.shops.is_empty() {
        // Three shops drawn from the id, so that a named household's shops never depend on
        // the order of the file.
        let mut h = s.id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        (0..3.min(merchants))
            .map(|_| {
                h = h.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                sim::MerchantId((h % merchants as u64) as u32)
            })
            .collect()
    } else {
        s.shops
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let found = ids.merchant(id);
                if found.is_none() {
                    c.problem(
                        format!("{path}.shops[{i}]"),
                        Message::new("scenario-no-merchant-id").with("id", id.as_str()),
                    );
                }
                found
            })
            .collect()
    };
    ClientConfig {
        bank: bank_ref(c, &f("bank"), &s.bank, ids),
        income: c.euros(&f("income"), s.income),
        fixed_costs: c.euros(&f("fixed_costs"), s.fixed_costs),
        spending_budget: c.euros(&f("spending_budget"), s.spending_budget),
        opening_balance: c.euros(&f("opening_balance"), s.opening_balance),
        opening_savings: c.euros(&f("opening_savings"), s.opening_savings),
        card: s.card,
        card_share: c.limited_bp(
            &f("card_share_bp"),
            s.card_share_bp,
            ClientDecision::CARD_SHARE,
        ),
        trust: c.int(&f("trust"), s.trust.into(), 0, 1_000) as u16,
        fee_sensitivity: c.share(&f("fee_sensitivity_bp"), s.fee_sensitivity_bp),
        pd: c.share(&f("pd_bp"), s.pd_bp),
        loan_appetite: c.share(&f("loan_appetite_bp"), s.loan_appetite_bp),
        opening_loan: s.opening_loan.map(|l| LoanRequest {
            amount: c.positive_euros(&f("opening_loan.amount"), l.amount),
            months: c.months(&f("opening_loan.months"), l.months),
        }),
        opening_mortgage: s.opening_mortgage.map(|m| sim::OpeningMortgage {
            outstanding: c.positive_euros(&f("opening_mortgage.outstanding"), m.outstanding),
            months: c.months(&f("opening_mortgage.months"), m.months),
            home_value: c.positive_euros(&f("opening_mortgage.home_value"), m.home_value),
            rate: c.bp(&f("opening_mortgage.rate_bp"), m.rate_bp, 0, 2_000),
            variable: m.variable,
        }),
        home_appetite: c.share(&f("home_appetite_bp"), s.home_appetite_bp),
        shops,
        strategy: s.strategy,
    }
}

fn mix(m: StrategyMixSpec) -> StrategyMix {
    StrategyMix {
        fair: m.fair,
        greedy: m.greedy,
        cautious: m.cautious,
        random: m.random,
    }
}

fn client_population(
    c: &mut Checker,
    path: &str,
    p: &ClientPopulationSpec,
    ids: &ActorIds,
) -> ClientPopulation {
    let f = |name: &str| format!("{path}.{name}");
    let share = |c: &mut Checker, path: &str, v: i32| c.share(path, v);
    ClientPopulation {
        count: p.count,
        banks: bank_refs(c, &f("banks"), &p.banks, ids),
        income: c.span(&f("income"), p.income, |c, path, v| c.euros(path, v)),
        fixed_costs: c.span(&f("fixed_costs_bp"), p.fixed_costs_bp, share),
        spending: c.span(&f("spending_bp"), p.spending_bp, share),
        savings_months: c.span(&f("savings_months"), p.savings_months, |c, path, v| {
            c.int(path, v.into(), 0, 240) as u16
        }),
        credit_cards: c.share(&f("credit_cards_bp"), p.credit_cards_bp),
        card_share: c.span(&f("card_share_bp"), p.card_share_bp, share),
        trust: c.span(&f("trust"), p.trust, |c, path, v| {
            c.int(path, v.into(), 0, 1_000) as u16
        }),
        fee_sensitivity: c.span(&f("fee_sensitivity_bp"), p.fee_sensitivity_bp, share),
        pd: c.span(&f("pd_bp"), p.pd_bp, share),
        loan_appetite: c.share(&f("loan_appetite_bp"), p.loan_appetite_bp),
        borrowers: c.share(&f("borrowers_bp"), p.borrowers_bp),
        loan_size_months: c.span(&f("loan_size_months"), p.loan_size_months, |c, path, v| {
            c.int(path, v.into(), 0, 240) as u16
        }),
        loan_months: c.span(&f("loan_months"), p.loan_months, |c, path, v| {
            c.months(path, v)
        }),
        shops_each: c.int(&f("shops_each"), p.shops_each.into(), 0, 20) as u8,
        strategies: mix(p.strategies),
        home_loans: home_loans(c, &f("home_loans"), &p.home_loans),
    }
}

fn home_loans(c: &mut Checker, path: &str, h: &HomeLoansSpec) -> sim::HomeLoans {
    let f = |name: &str| format!("{path}.{name}");
    let rate = |c: &mut Checker, path: &str, v: i32| c.bp(path, v, 0, 2_000);
    sim::HomeLoans {
        share: c.share(&f("share_bp"), h.share_bp),
        size_months: c.span(&f("size_months"), h.size_months, |c, path, v| {
            c.int(path, v.into(), 0, 240) as u16
        }),
        months: c.span(&f("months"), h.months, |c, path, v| c.months(path, v)),
        loan_to_value: c.span(&f("loan_to_value_bp"), h.loan_to_value_bp, |c, path, v| {
            c.bp(path, v, 1, 10_000)
        }),
        fixed_rate: c.span(&f("fixed_rate_bp"), h.fixed_rate_bp, rate),
        variable: c.share(&f("variable_bp"), h.variable_bp),
        variable_spread: c.span(&f("variable_spread_bp"), h.variable_spread_bp, rate),
        appetite: c.share(&f("appetite_bp"), h.appetite_bp),
    }
}

fn merchant_population(
    c: &mut Checker,
    path: &str,
    p: &MerchantPopulationSpec,
    ids: &ActorIds,
) -> MerchantPopulation {
    let f = |name: &str| format!("{path}.{name}");
    MerchantPopulation {
        count: p.count,
        banks: bank_refs(c, &f("banks"), &p.banks, ids),
        kinds: p.kinds.clone(),
        rent_share: c.bp(&f("rent_share_bp"), p.rent_share_bp, 0, 100_000),
        accepting_cards: c.share(&f("accepting_cards_bp"), p.accepting_cards_bp),
        pd: c.span(&f("pd_bp"), p.pd_bp, |c, path, v| c.share(path, v)),
        strategies: mix(p.strategies),
    }
}

fn timeline(c: &mut Checker, file: &ScenarioFile, turns: u16) -> Vec<Scheduled> {
    let mut timeline = Vec::with_capacity(file.events.len());
    for (i, e) in file.events.iter().enumerate() {
        let path = format!("events[{i}]");
        let f = |name: &str| format!("{path}.event.{name}");
        if e.turn == 0 {
            c.problem(
                format!("{path}.turn"),
                Message::new("scenario-event-turn-zero"),
            );
        } else if e.turn > turns {
            c.problem(
                format!("{path}.turn"),
                Message::new("scenario-event-after-end")
                    .with("turn", e.turn)
                    .with("last", turns),
            );
        }
        let cap =
            |c: &mut Checker, name: &str, v: Option<i32>| v.map(|v| c.bp(&f(name), v, 0, 2_000));
        let what = match &e.event {
            EventKind::PolicyRate { rate_bp } => Scripted::Shock(Shock::PolicyRate(c.bp(
                &f("rate_bp"),
                *rate_bp,
                -2_000,
                5_000,
            ))),
            EventKind::InterchangeCap {
                debit_bp,
                credit_bp,
            } => Scripted::Shock(Shock::InterchangeCap {
                debit: cap(c, "debit_bp", *debit_bp),
                credit: cap(c, "credit_bp", *credit_bp),
            }),
            EventKind::FeeCap {
                per_payment,
                per_month,
            } => Scripted::Shock(Shock::FeeCap {
                per_payment: per_payment.map(|v| c.euros(&f("per_payment"), v)),
                per_month: per_month.map(|v| c.euros(&f("per_month"), v)),
            }),
            EventKind::Recession {
                months,
                income_cut_bp,
                pd_rise_bp,
            } => Scripted::Shock(Shock::Recession {
                months: c.months(&f("months"), *months),
                income_cut: c.share(&f("income_cut_bp"), *income_cut_bp),
                pd_rise: c.share(&f("pd_rise_bp"), *pd_rise_bp),
            }),
            EventKind::FraudWave {
                months,
                share_bp,
                loss_bp,
            } => Scripted::Shock(Shock::FraudWave {
                months: c.months(&f("months"), *months),
                share: c.share(&f("share_bp"), *share_bp),
                loss: c.bp(&f("loss_bp"), *loss_bp, 0, 10_000),
            }),
            EventKind::Transparency(layer) => Scripted::Shock(Shock::Transparency(*layer)),
            EventKind::Message(text) => {
                c.text(&format!("{path}.event"), text);
                Scripted::Message(text.clone())
            }
            EventKind::Pause(text) => {
                c.text(&format!("{path}.event"), text);
                Scripted::Pause(text.clone())
            }
        };
        timeline.push(Scheduled { turn: e.turn, what });
    }
    // Stable: events of the same turn keep the order of the file.
    timeline.sort_by_key(|s| s.turn);
    timeline
}

fn lessons(
    c: &mut Checker,
    file: &ScenarioFile,
    ids: &ActorIds,
    timeline: &[Scheduled],
) -> Vec<Lesson> {
    let mut lessons = Vec::with_capacity(file.lessons.len());
    for (i, l) in file.lessons.iter().enumerate() {
        let path = format!("lessons[{i}]");
        let metric = l
            .metric
            .clone()
            .with_bank(|id| bank_ref(c, &format!("{path}.metric"), &id, ids));
        let compare = match l.compare {
            CompareSpec::Layers(a, b) => {
                if a == b {
                    c.problem(
                        format!("{path}.compare"),
                        Message::new("scenario-lesson-same-layer"),
                    );
                }
                Compare::Layers(a, b)
            }
            CompareSpec::Event(kind) => {
                let scheduled = timeline
                    .iter()
                    .any(|e| matches!(&e.what, Scripted::Shock(s) if kind.names(s)));
                if !scheduled {
                    c.problem(
                        format!("{path}.compare"),
                        Message::new("scenario-lesson-no-event").with("event", kind.key()),
                    );
                }
                Compare::Event(kind)
            }
        };
        lessons.push(Lesson {
            metric,
            compare,
            expect: l.expect,
        });
    }
    lessons
}

fn debrief(c: &mut Checker, questions: &[QuestionSpec]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, q) in questions.iter().enumerate() {
        let path = format!("debrief[{i}]");
        let id = q.id();
        if id.trim().is_empty() {
            c.problem(format!("{path}.id"), Message::new("scenario-empty"));
        } else if let Some(first) = seen.insert(id, i) {
            c.problem(
                format!("{path}.id"),
                Message::new("scenario-id-taken")
                    .with("id", id)
                    .with("first", format!("debrief[{first}]")),
            );
        }
        match q {
            QuestionSpec::Likert { prompt, scale, .. } => {
                c.text(&format!("{path}.prompt"), prompt);
                c.int(&format!("{path}.scale"), (*scale).into(), 2, 10);
            }
            QuestionSpec::Choice {
                prompt, options, ..
            } => {
                c.text(&format!("{path}.prompt"), prompt);
                if options.len() < 2 {
                    c.problem(
                        format!("{path}.options"),
                        Message::new("scenario-choice-options").with("found", options.len()),
                    );
                }
                for (j, o) in options.iter().enumerate() {
                    c.text(&format!("{path}.options[{j}]"), o);
                }
            }
            QuestionSpec::FreeText { prompt, .. } => c.text(&format!("{path}.prompt"), prompt),
        }
    }
}

/// The most questions a quiz asks, and options a question offers.
const MAX_QUIZ_QUESTIONS: usize = 12;
const MAX_QUIZ_OPTIONS: usize = 6;

fn quiz(c: &mut Checker, questions: &[QuizSpec]) {
    if questions.len() > MAX_QUIZ_QUESTIONS {
        c.problem(
            "quiz".to_string(),
            Message::new("scenario-quiz-long")
                .with("found", questions.len())
                .with("max", MAX_QUIZ_QUESTIONS),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, q) in questions.iter().enumerate() {
        let path = format!("quiz[{i}]");
        if q.id.trim().is_empty() {
            c.problem(format!("{path}.id"), Message::new("scenario-empty"));
        } else if let Some(first) = seen.insert(&q.id, i) {
            c.problem(
                format!("{path}.id"),
                Message::new("scenario-id-taken")
                    .with("id", q.id.as_str())
                    .with("first", format!("quiz[{first}]")),
            );
        }
        c.text(&format!("{path}.prompt"), &q.prompt);
        if !(2..=MAX_QUIZ_OPTIONS).contains(&q.options.len()) {
            c.problem(
                format!("{path}.options"),
                Message::new("scenario-quiz-options")
                    .with("found", q.options.len())
                    .with("max", MAX_QUIZ_OPTIONS),
            );
        }
        for (j, o) in q.options.iter().enumerate() {
            c.text(&format!("{path}.options[{j}]"), o);
        }
        if q.answer >= q.options.len() {
            c.problem(
                format!("{path}.answer"),
                Message::new("scenario-quiz-answer")
                    .with("answer", q.answer)
                    .with("options", q.options.len()),
            );
        }
    }
}

fn human_seats(c: &mut Checker, file: &ScenarioFile, ids: &ActorIds) -> Vec<Seat> {
    if file.human_seats.is_empty() {
        let mut seats = Vec::new();
        for b in 0..file.banks.len().min(MAX_BANKS) {
            seats.push(Seat::RetailBanker(BankId(b as u16)));
            seats.push(Seat::BusinessBanker(BankId(b as u16)));
        }
        seats.extend((0..file.merchants.len()).map(|m| Seat::Merchant(sim::MerchantId(m as u32))));
        seats.extend((0..file.clients.len()).map(|n| Seat::Client(sim::ClientId(n as u32))));
        return seats;
    }
    let mut seats: Vec<Seat> = Vec::new();
    for (i, s) in file.human_seats.iter().enumerate() {
        let path = format!("human_seats[{i}].actor");
        let id = s.actor.as_str();
        let seat = match s.role {
            Role::RetailBanker => ids.bank(id).map(Seat::RetailBanker),
            Role::BusinessBanker => ids.bank(id).map(Seat::BusinessBanker),
            Role::Merchant => ids.merchant(id).map(Seat::Merchant),
            Role::Client => ids.client(id).map(Seat::Client),
        };
        match seat {
            None => {
                let missing = match s.role {
                    Role::RetailBanker | Role::BusinessBanker => "scenario-no-bank-id",
                    Role::Merchant => "scenario-no-merchant-id",
                    Role::Client => "scenario-no-client-id",
                };
                c.problem(path, Message::new(missing).with("id", id));
            }
            Some(seat) if seats.contains(&seat) => {
                c.problem(path, Message::new("scenario-seat-twice"));
            }
            Some(seat) => seats.push(seat),
        }
    }
    seats
}
