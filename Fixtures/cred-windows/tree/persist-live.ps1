# Persist the live keys for the scheduled-task user
setx ALPACA_LIVE_KEY_ID "AK8RTM66HC08FY53MLV1"
setx ALPACA_LIVE_SECRET_KEY "zh25X7Zw7foG5zsXM5dRBXu7qm511nA/5pX1i9rt"
[Environment]::SetEnvironmentVariable("ALPACA_PAPER", "false", "User")
