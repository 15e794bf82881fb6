//! Compile-time configuration for the execution service.

pub const ALPACA_BASE_URL: &str = "https://api.alpaca.markets";
pub const ALPACA_KEY_ID: &str = "AKEDN73U55XTPLPFT7V4SEH2KV";

/// Orders larger than this are rejected locally.
pub const MAX_NOTIONAL: f64 = 10_000.0;
pub const DEFAULT_SYMBOLS: [&str; 3] = ["SPY", "QQQ", "IWM"];

// TODO: move to the keychain before sharing the repo
pub const ALPACA_SECRET_KEY: &'static str = "AYT3j5qcdsyuMNmPfYetW5v6JXmj54omLidkuVKnRyjP";
