//! The dataset's vocabulary: typed rows and the closed sets of values a row may use.
//!
//! This file depends on nothing but `std` and `chrono` because `build.rs` includes it too: the
//! CSVs are validated with exactly the types the app uses.

use chrono::NaiveDate;
use std::borrow::Cow;

/// Declares a closed enum whose values have a fixed slug (used in the CSVs and in URLs) and a
/// human label. Unknown slugs are rejected by `from_slug`, never mapped to a default.
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the canonical order used by URLs, legends and filter lists.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }

            /// Position in [`Self::ALL`]; used as a bit index by [`SlugSet`].
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

slug_enum! {
    /// Kind of victim.
    Category {
        Defi = "defi" / "DeFi protocol",
        Cex = "cex" / "Centralised exchange",
        Bridge = "bridge" / "Bridge",
        Wallet = "wallet" / "Wallet provider",
        Gaming = "gaming" / "Gaming / gambling",
        Payments = "payments" / "Payments",
        Individual = "individual" / "Individual",
        Other = "other" / "Other",
    }
}

slug_enum! {
    /// How the funds were taken.
    Vector {
        PrivateKeyCompromise = "private_key_compromise" / "Private key compromise",
        SmartContractExploit = "smart_contract_exploit" / "Smart-contract exploit",
        OracleManipulation = "oracle_manipulation" / "Oracle manipulation",
        FlashLoan = "flash_loan" / "Flash loan",
        AccessControl = "access_control" / "Access control",
        Phishing = "phishing" / "Phishing",
        SocialEngineering = "social_engineering" / "Social engineering",
        Insider = "insider" / "Insider",
        SupplyChain = "supply_chain" / "Supply chain",
        Unknown = "unknown" / "Unknown",
    }
}

slug_enum! {
    /// Who is behind the theft, and how sure the public record is.
    Attribution {
        DprkConfirmed = "dprk_confirmed" / "DPRK (confirmed)",
        DprkSuspected = "dprk_suspected" / "DPRK (suspected)",
        Other = "other" / "Other actor",
        Unknown = "unknown" / "Unattributed",
    }
}

impl Attribution {
    /// "DPRK-linked" everywhere in the app means confirmed or suspected.
    pub const fn is_dprk(self) -> bool {
        matches!(
            self,
            Attribution::DprkConfirmed | Attribution::DprkSuspected
        )
    }

    /// The DPRK-linked attributions as one filter selection (`attr=dprk`).
    pub fn dprk_linked() -> SlugSet<Attribution> {
        [Attribution::DprkConfirmed, Attribution::DprkSuspected]
            .into_iter()
            .collect()
    }
}

slug_enum! {
    /// Blockchains named by the sources; `multi` and `unknown` are what the sources say when
    /// they do not list chains.
    Chain {
        Ethereum = "ethereum" / "Ethereum",
        Bitcoin = "bitcoin" / "Bitcoin",
        Bsc = "bsc" / "BNB Chain",
        Arbitrum = "arbitrum" / "Arbitrum",
        Polygon = "polygon" / "Polygon",
        Solana = "solana" / "Solana",
        Avalanche = "avalanche" / "Avalanche",
        Optimism = "optimism" / "Optimism",
        Tron = "tron" / "Tron",
        Base = "base" / "Base",
        Blast = "blast" / "Blast",
        Heco = "heco" / "HECO",
        Zksync = "zksync" / "zkSync",
        Fantom = "fantom" / "Fantom",
        Xrp = "xrp" / "XRP Ledger",
        Ronin = "ronin" / "Ronin",
        Bittensor = "bittensor" / "Bittensor",
        Mantle = "mantle" / "Mantle",
        Algorand = "algorand" / "Algorand",
        Terra = "terra" / "Terra",
        Metis = "metis" / "Metis",
        Moonriver = "moonriver" / "Moonriver",
        Dogechain = "dogechain" / "Dogechain",
        Mixin = "mixin" / "Mixin",
        Starkex = "starkex" / "StarkEx",
        Klaytn = "klaytn" / "Klaytn",
        Stacks = "stacks" / "Stacks",
        Linea = "linea" / "Linea",
        Litecoin = "litecoin" / "Litecoin",
        BitcoinCash = "bitcoin-cash" / "Bitcoin Cash",
        Monero = "monero" / "Monero",
        Scroll = "scroll" / "Scroll",
        Casper = "casper" / "Casper",
        Aptos = "aptos" / "Aptos",
        Ton = "ton" / "TON",
        Dogecoin = "dogecoin" / "Dogecoin",
        Starknet = "starknet" / "Starknet",
        Wemix = "wemix" / "WEMIX",
        Taiko = "taiko" / "Taiko",
        Sui = "sui" / "Sui",
        Icp = "icp" / "Internet Computer",
        Pulsechain = "pulsechain" / "PulseChain",
        Unichain = "unichain" / "Unichain",
        Sonic = "sonic" / "Sonic",
        Berachain = "berachain" / "Berachain",
        Gnosis = "gnosis" / "Gnosis Chain",
        Mode = "mode" / "Mode",
        Evm = "evm" / "EVM (unspecified)",
        Multi = "multi" / "Multiple chains",
        Unknown = "unknown" / "Unknown chain",
    }
}

slug_enum! {
    /// What an incident is, for deciding what a total counts. Only `theft` is in the default
    /// sums; the rest are kept, marked, and can be added back by the reader (`scope=`).
    Scope {
        Theft = "theft" / "Theft (hack, exploit, key compromise, phishing, insider)",
        MarketManipulation = "market_manipulation" / "Market manipulation",
        Whitehat = "whitehat" / "White-hat or research exploit, funds returned",
        RugPull = "rug_pull" / "Rug pull by the project's own team",
        Custody = "custody" / "Funds moved by the operator or seized",
        Aggregate = "aggregate" / "Many victims grouped in one row",
    }
}

impl Scope {
    /// What the explorer counts when the reader has not chosen: thefts only.
    pub fn default_set() -> SlugSet<Scope> {
        [Scope::Theft].into_iter().collect()
    }

    /// A short tag for tables and tooltips.
    pub const fn tag(self) -> &'static str {
        match self {
            Scope::Theft => "theft",
            Scope::MarketManipulation => "market manipulation",
            Scope::Whitehat => "white-hat",
            Scope::RugPull => "rug pull",
            Scope::Custody => "operator / seizure",
            Scope::Aggregate => "many victims",
        }
    }
}

slug_enum! {
    /// What `loss_usd` measures.
    Valuation {
        Market = "market" / "Market value at the time",
        FaceValue = "face_value" / "Face value of minted or manipulated tokens",
    }
}

slug_enum! {
    /// How a total counts each row's loss; `basis=` in the URL.
    Basis {
        Realised = "realised" / "What the thieves could realise",
        Reported = "reported" / "As first reported",
        Net = "net" / "Net of funds recovered",
    }
}

impl Basis {
    /// The basis in a subtitle: "2024 · all thefts · realised value".
    pub const fn short(self) -> &'static str {
        match self {
            Basis::Realised => "realised value",
            Basis::Reported => "value as first reported",
            Basis::Net => "net of recoveries",
        }
    }

    /// A longer phrase for sentences: "counted as realised losses".
    pub const fn phrase(self) -> &'static str {
        match self {
            Basis::Realised => "realised losses (face-value mints at what was cashed out)",
            Basis::Reported => "losses as first reported",
            Basis::Net => "losses net of funds recovered",
        }
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Basis {
    fn default() -> Self {
        Basis::Realised
    }
}

slug_enum! {
    /// Who published a source, by how close it is to the facts.
    SourceKind {
        Official = "official" / "Government, court or sanctions body",
        Victim = "victim" / "The victim's own statement",
        Investigator = "investigator" / "Investigator or analytics firm",
        Press = "press" / "News organisation",
        Aggregator = "aggregator" / "Tracker or list",
        Relay = "relay" / "Site repeating others",
    }
}

impl SourceKind {
    /// Primary and established sources; relays and lists only point to them.
    pub const fn is_independent(self) -> bool {
        !matches!(self, SourceKind::Relay)
    }
}

slug_enum! {
    /// Which facts of an incident a source states.
    Support {
        Date = "date" / "date",
        Amount = "amount" / "amount",
        Attribution = "attribution" / "attribution",
        Recovery = "recovery" / "recovery",
    }
}

/// One published source for one incident. Its `note` in `sources.csv` is for whoever checks the
/// row and is not kept: nothing in the app shows it (it would cost the wasm ~16 KB brotli).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub url: Cow<'static, str>,
    /// A name a reader knows: "FBI", "Elliptic", "The Block".
    pub publisher: Cow<'static, str>,
    pub kind: SourceKind,
    pub supports: SlugSet<Support>,
    pub published: Option<NaiveDate>,
}

/// The columns of `data/incidents.csv`, in order: a public interface (columns are only ever
/// appended), shared by the validator and the CSV export.
pub const INCIDENTS_HEADER: &[&str] = &[
    "id",
    "date",
    "name",
    "category",
    "chains",
    "loss_usd",
    "recovered_usd",
    "vector",
    "attribution",
    "attribution_by",
    "source_url",
    "note",
    "valuation",
    "realised_usd",
    "disputed_by",
    "scope",
];

/// Common interface of the slug enums, so sets, parsers and filter lists are written once.
pub trait Slug: Copy + Eq + 'static {
    const ALL: &'static [Self];
    fn slug(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_slug(slug: &str) -> Option<Self>;
    fn index(self) -> usize;
}

macro_rules! impl_slug {
    ($($name:ident),+) => {$(
        // A `SlugSet` is a 64-bit mask: a 65th value would alias the first, so it fails the build.
        const _: () = assert!(
            $name::ALL.len() <= 64,
            concat!(stringify!($name), " has more than 64 values; SlugSet cannot hold it")
        );
        impl Slug for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn slug(self) -> &'static str { $name::slug(self) }
            fn label(self) -> &'static str { $name::label(self) }
            fn from_slug(slug: &str) -> Option<Self> { $name::from_slug(slug) }
            fn index(self) -> usize { $name::index(self) }
        }
    )+};
}
impl_slug!(
    Category,
    Vector,
    Attribution,
    Chain,
    Scope,
    Valuation,
    Basis,
    SourceKind,
    Support
);

/// A set of slug-enum values as a bitmask: membership tests in the filter loop are one AND.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SlugSet<T: Slug> {
    bits: u64,
    marker: std::marker::PhantomData<T>,
}

impl<T: Slug> SlugSet<T> {
    pub const EMPTY: Self = Self::from_bits(0);

    pub const fn from_bits(bits: u64) -> Self {
        Self {
            bits,
            marker: std::marker::PhantomData,
        }
    }

    pub const fn bits(self) -> u64 {
        self.bits
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    pub fn contains(self, value: T) -> bool {
        self.bits & (1 << value.index()) != 0
    }

    pub fn insert(&mut self, value: T) {
        self.bits |= 1 << value.index();
    }

    pub fn remove(&mut self, value: T) {
        self.bits &= !(1 << value.index());
    }

    pub fn toggled(mut self, value: T) -> Self {
        self.bits ^= 1 << value.index();
        self
    }

    pub fn intersects(self, other: Self) -> bool {
        self.bits & other.bits != 0
    }

    /// Members in canonical order (walks the set bits only).
    pub fn iter(self) -> impl Iterator<Item = T> {
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            while bits != 0 {
                let index = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(value) = T::ALL.get(index) {
                    return Some(*value);
                }
            }
            None
        })
    }
}

impl<T: Slug> FromIterator<T> for SlugSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::EMPTY;
        for value in iter {
            set.insert(value);
        }
        set
    }
}

impl<T: Slug> Default for SlugSet<T> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T: Slug + std::fmt::Debug> std::fmt::Debug for SlugSet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

pub type ChainSet = SlugSet<Chain>;

/// One theft, as the sources describe it.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    /// Day of the theft (not of its disclosure).
    pub date: NaiveDate,
    pub category: Category,
    pub vector: Vector,
    pub attribution: Attribution,
    pub valuation: Valuation,
    pub scope: Scope,
    pub chains: ChainSet,
    /// Loss in US dollars at the time of the theft, as first reported.
    pub loss_usd: u64,
    /// Only where a source states a recovered amount.
    pub recovered_usd: Option<u64>,
    /// For `face_value` rows: what the thief actually got out.
    pub realised_usd: Option<u64>,
    /// Stable slug, e.g. `wazirx-2024`; used in URLs and downloads.
    pub id: Cow<'static, str>,
    pub name: Cow<'static, str>,
    /// Who made the attribution (agency, victim, analyst); empty for `unknown`.
    pub attribution_by: Cow<'static, str>,
    /// Who rejects the attribution and why; empty when nobody credible does.
    pub disputed_by: Cow<'static, str>,
    /// One key per source, best first, the same key wherever the same URL is cited: enough to
    /// count a selection's distinct sources before the sources themselves
    /// ([`IncidentDetails`]) have loaded.
    pub source_keys: Cow<'static, [u16]>,
    /// Each source's publisher and kind, in the order of `source_keys`: what the table names
    /// before the sources themselves have loaded, so that their links take the names' place
    /// without moving a row.
    pub source_names: Cow<'static, [SourceName]>,
}

/// A source as the table names it: its publisher, an index into the dataset's publishers
/// (`data::publishers()` for the compiled-in rows), and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceName {
    pub publisher: u16,
    pub kind: SourceKind,
}

/// What an incident's page, the table, the downloads and a search add to its row: its note and
/// its sources. The app loads them after its first chart, from a file the build writes
/// (`data::details`), so the wasm does not carry every note and URL; the host has them
/// compiled in.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentDetails {
    /// Best first: primary documents before press, lists and relays.
    pub sources: Cow<'static, [Source]>,
    pub note: Cow<'static, str>,
}

impl IncidentDetails {
    /// The source URLs, best first.
    pub fn source_urls(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(|s| s.url.as_ref())
    }
}

impl Incident {
    /// What the thief could actually sell: the realised amount for face-value rows.
    pub fn realised(&self) -> u64 {
        match self.valuation {
            Valuation::FaceValue => self.realised_usd.unwrap_or(self.loss_usd),
            Valuation::Market => self.loss_usd,
        }
    }

    /// The row's loss as a total on `basis` counts it.
    pub fn value(&self, basis: Basis) -> u64 {
        match basis {
            Basis::Reported => self.loss_usd,
            Basis::Realised => self.realised(),
            Basis::Net => self
                .realised()
                .saturating_sub(self.recovered_usd.unwrap_or(0)),
        }
    }

    pub fn is_disputed(&self) -> bool {
        !self.disputed_by.trim().is_empty()
    }
}

/// The unit a report's headline figure is in; decided by the metric's name so a percentage can
/// never be summed as dollars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReportedValue {
    Usd(u64),
    Count(u64),
    Percent(f64),
}

/// A headline figure as a report or an article printed it (its `note` in `aggregates.csv` is for
/// whoever checks it, and is not kept: nothing in the app shows it).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedFigure {
    pub source: Cow<'static, str>,
    pub year: i32,
    pub metric: Cow<'static, str>,
    pub value: ReportedValue,
    pub url: Cow<'static, str>,
    /// For an outlet or a tabulation: the `source` whose figure (same year and metric) it
    /// repeats. Empty for an original figure.
    pub repeats: Cow<'static, str>,
    /// For a repeat that does not agree with the original at the precision it is printed with:
    /// where the wrong number most likely came from. Empty otherwise (the build checks both).
    pub error: Cow<'static, str>,
}

impl ReportedFigure {
    pub fn is_repeat(&self) -> bool {
        !self.repeats.is_empty()
    }

    pub fn is_misreport(&self) -> bool {
        !self.error.is_empty()
    }
}

/// Whether a figure printed as `printed` states `original` to the precision it is printed
/// with: $1.3B states $1.34B (they differ by less than one unit of the last digit printed,
/// $0.1B), $660M states $660.5M, but $1.6B does not state $1.34B. Zero states only zero.
pub fn states_to_printed_precision(printed: u64, original: u64) -> bool {
    if printed == 0 {
        return original == 0;
    }
    let mut unit = 1u64;
    while printed % (unit * 10) == 0 {
        unit *= 10;
    }
    printed.abs_diff(original) < unit
}

/// The first URL of a cell that may hold several, separated by `;` (`aggregates.csv`,
/// `events.csv`): the one a link points to.
pub fn first_url(urls: &str) -> &str {
    urls.split(';')
        .map(str::trim)
        .find(|u| !u.is_empty())
        .unwrap_or_default()
}

/// A dated annotation for the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub label: Cow<'static, str>,
    pub url: Cow<'static, str>,
    /// The event the running-total chart labels (`key` = 1 in `events.csv`); others are faint.
    pub key: bool,
}

/// The earliest and latest years a row may carry: before Bitcoin, or far ahead, is a typo.
/// The years the explorer covers come from the rows themselves (`years.rs`, generated).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2009..=2100;

/// Text as the search and the name sort compare it: ASCII letters in lower case, every other
/// character as it is. Names and notes have no other cased letter (a test of the dataset says
/// so), so this finds and orders what full Unicode case folding would, without its tables in
/// the wasm (about 8 KB brotli).
pub fn fold_case(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// Case-folded text searched by the `q` filter (built once per dataset by the row index, not
/// stored in the compiled-in data); `note` is empty until the notes have loaded.
pub fn search_text(name: &str, note: &str) -> String {
    let mut text = String::with_capacity(name.len() + note.len() + 1);
    text.push_str(&fold_case(name));
    text.push('\n');
    text.push_str(&fold_case(note));
    text
}

/// Lets other modules declare their own closed vocabularies (views, sort columns) the same way.
#[allow(unused_imports)]
pub(crate) use {impl_slug, slug_enum};
