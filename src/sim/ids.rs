//! Identifiers of the actors, loans, transactions and turns of an economy.
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident($inner:ty)) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl $name {
            /// The position of this actor in its list.
            pub const fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A household.
    ClientId(u32)
);
id_type!(
    /// A shop.
    MerchantId(u32)
);
id_type!(
    /// A bank, with its retail and business sides.
    BankId(u16)
);
id_type!(
    /// A consumer or business loan.
    LoanId(u32)
);
id_type!(
    /// A transaction: one event that caused one or more postings.
    TxnId(u64)
);

/// A month of the game; turn 0 is the opening of the books.
pub type Turn = u16;
