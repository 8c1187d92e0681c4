//! The string ids of a scenario's actors and the simulation ids they stand for, in both
//! directions, without storing an id for each member of a population.
use crate::i18n::Message;
use crate::sim::{BankId, ClientId, MerchantId};
use std::collections::HashMap;

/// Members of a population are named `{prefix}{n}`, n from 1.
#[derive(Clone, Debug, Default)]
struct Population {
    prefix: String,
    count: u32,
}

impl Population {
    /// The member number (from 1) this id names, in its canonical spelling only.
    fn member(&self, id: &str) -> Option<u32> {
        let n: u32 = id.strip_prefix(self.prefix.as_str())?.parse().ok()?;
        (n >= 1 && n <= self.count && id == format!("{}{n}", self.prefix)).then_some(n)
    }
}

/// Whether `longer` = `shorter` + a number, so that `shorter` + a longer number names the same
/// member ("shop-" and "shop-1": "shop-12" is both the 12th of one and the 2nd of the other).
fn overlap(longer: &str, shorter: &str) -> bool {
    longer == shorter
        || longer.strip_prefix(shorter).is_some_and(|rest| {
            rest.starts_with(|c: char| ('1'..='9').contains(&c))
                && rest.chars().all(|c| c.is_ascii_digit())
        })
}

/// Named actors and populations of one kind, in simulation order: named first.
#[derive(Clone, Debug, Default)]
struct Roster {
    named: Vec<String>,
    index: HashMap<String, u32>,
    populations: Vec<Population>,
}

impl Roster {
    fn add(&mut self, id: &str) {
        let n = self.named.len() as u32;
        self.named.push(id.to_string());
        self.index.entry(id.to_string()).or_insert(n);
    }

    fn add_population(&mut self, prefix: &str, count: u32) {
        self.populations.push(Population {
            prefix: prefix.to_string(),
            count,
        });
    }

    fn len(&self) -> usize {
        self.named.len()
            + self
                .populations
                .iter()
                .map(|p| p.count as usize)
                .sum::<usize>()
    }

    /// Each population with the simulation index of its first member.
    fn with_offsets(&self) -> impl Iterator<Item = (u32, &Population)> {
        let mut first = self.named.len() as u32;
        self.populations.iter().map(move |p| {
            let start = first;
            first = first.saturating_add(p.count);
            (start, p)
        })
    }

    fn find(&self, id: &str) -> Option<u32> {
        if let Some(&i) = self.index.get(id) {
            return Some(i);
        }
        self.with_offsets()
            .find_map(|(first, p)| p.member(id).map(|n| first + n - 1))
    }

    fn name(&self, index: u32) -> Option<String> {
        if let Some(n) = self.named.get(index as usize) {
            return Some(n.clone());
        }
        self.with_offsets().find_map(|(first, p)| {
            (index >= first && index - first < p.count)
                .then(|| format!("{}{}", p.prefix, index - first + 1))
        })
    }

    /// Named ids that a population's naming also produces, and populations whose names overlap.
    fn clashes(&self, named: &str, populations: &str, out: &mut Vec<(String, Message)>) {
        for (i, id) in self.named.iter().enumerate() {
            if self.populations.iter().any(|p| p.member(id).is_some()) {
                out.push((
                    format!("{named}[{i}].id"),
                    Message::new("scenario-id-generated").with("id", id.as_str()),
                ));
            }
        }
        for (i, p) in self.populations.iter().enumerate() {
            if let Some(q) = self.populations[..i]
                .iter()
                .find(|q| overlap(&p.prefix, &q.prefix) || overlap(&q.prefix, &p.prefix))
            {
                out.push((
                    format!("{populations}[{i}].id_prefix"),
                    Message::new("scenario-prefixes-overlap")
                        .with("first", p.prefix.as_str())
                        .with("second", q.prefix.as_str()),
                ));
            }
        }
    }
}

/// Every actor's id in a scenario.
#[derive(Clone, Debug, Default)]
pub struct ActorIds {
    banks: Roster,
    merchants: Roster,
    clients: Roster,
}

impl ActorIds {
    pub(super) fn add_bank(&mut self, id: &str) {
        self.banks.add(id);
    }
    pub(super) fn add_merchant(&mut self, id: &str) {
        self.merchants.add(id);
    }
    pub(super) fn add_merchant_population(&mut self, prefix: &str, count: u32) {
        self.merchants.add_population(prefix, count);
    }
    pub(super) fn add_client(&mut self, id: &str) {
        self.clients.add(id);
    }
    pub(super) fn add_client_population(&mut self, prefix: &str, count: u32) {
        self.clients.add_population(prefix, count);
    }

    /// Pairs of (path, message) for ids two actors could share.
    pub(super) fn clashes(&self) -> Vec<(String, Message)> {
        let mut out = Vec::new();
        self.merchants
            .clashes("merchants", "merchant_populations", &mut out);
        self.clients
            .clashes("clients", "client_populations", &mut out);
        out
    }

    pub fn merchant_count(&self) -> usize {
        self.merchants.len()
    }

    pub fn bank(&self, id: &str) -> Option<BankId> {
        self.banks.find(id).map(|i| BankId(i as u16))
    }
    pub fn merchant(&self, id: &str) -> Option<MerchantId> {
        self.merchants.find(id).map(MerchantId)
    }
    pub fn client(&self, id: &str) -> Option<ClientId> {
        self.clients.find(id).map(ClientId)
    }

    pub fn bank_id(&self, bank: BankId) -> Option<String> {
        self.banks.name(bank.0.into())
    }
    pub fn merchant_id(&self, merchant: MerchantId) -> Option<String> {
        self.merchants.name(merchant.0)
    }
    pub fn client_id(&self, client: ClientId) -> Option<String> {
        self.clients.name(client.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_members_are_found_both_ways() {
        let mut ids = ActorIds::default();
        ids.add_client("alice");
        ids.add_client_population("household-", 3);
        ids.add_client("bob");
        assert_eq!(ids.client("bob"), Some(ClientId(1)));
        assert_eq!(ids.client("household-1"), Some(ClientId(2)));
        assert_eq!(ids.client("household-3"), Some(ClientId(4)));
        assert_eq!(ids.client("household-4"), None);
        assert_eq!(ids.client("household-03"), None);
        assert_eq!(ids.client_id(ClientId(3)).as_deref(), Some("household-2"));
        assert!(ids.clashes().is_empty());
        ids.add_client("household-2");
        assert_eq!(ids.clashes().len(), 1);
    }
}
