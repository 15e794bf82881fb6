# Writes a local .env for the bot and persists the keys for new shells.
$envFile = @"
APCA_API_KEY_ID=PKR6MP6AFQFJZCZBTTOF
APCA_API_SECRET_KEY=L9H2WjQ5TY4MyWuUFjsUNPjc01T5GOBUSZGi6HWG
APCA_API_BASE_URL=https://paper-api.alpaca.markets
"@
Set-Content -Path (Join-Path $PSScriptRoot "..\.env") -Value $envFile

[Environment]::SetEnvironmentVariable("ALPACA_PAPER_KEY_ID", "PKBOFBCIXGY29DB8P5QA", "User")
[Environment]::SetEnvironmentVariable("ALPACA_PAPER_SECRET", "DZeV7G5IfQHeVVEqZe2qpUWno/PDF2yeE6RsXcNO", "User")
