#!/usr/bin/env bash
set -euo pipefail
: "${APCA_API_KEY_ID:?set APCA_API_KEY_ID}" "${APCA_API_SECRET_KEY:?set APCA_API_SECRET_KEY}"

curl -sS https://paper-api.alpaca.markets/v2/account \
  -H "APCA-API-KEY-ID: $APCA_API_KEY_ID" \
  -H "APCA-API-SECRET-KEY: ${APCA_API_SECRET_KEY}"

wget -qO- \
  --header="APCA-API-KEY-ID: $APCA_API_KEY_ID" \
  --header="APCA-API-SECRET-KEY: $APCA_API_SECRET_KEY" \
  https://paper-api.alpaca.markets/v2/positions

http GET https://paper-api.alpaca.markets/v2/orders status==open \
  "APCA-API-KEY-ID:$APCA_API_KEY_ID" \
  "APCA-API-SECRET-KEY:$APCA_API_SECRET_KEY"
