#!/bin/sh
curl -s https://paper-api.alpaca.markets/v2/account \
  -H "APCA-API-KEY-ID: ${APCA_API_KEY_ID}" \
  -H 'APCA-API-SECRET-KEY: {{SECRET}}'
