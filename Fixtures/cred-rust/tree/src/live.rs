//! Live account, used only by the month-end job.

pub const ALPACA_KEY_ID: &str = "AKH8ZOJKYVTHO82YYC87";
pub const ALPACA_SECRET_KEY: &str = "uDZ5AQLuMk1n3iVuyuiKkm319P2IOCdYpXXIF4Rk";
