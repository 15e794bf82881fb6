#!/usr/bin/env bash
# quick look at the paper account
curl -s https://paper-api.alpaca.markets/v2/account \
  -H "APCA-API-KEY-ID: PK9Z657C37PP1MNQDG4S" \
  -H "APCA-API-SECRET-KEY: OkI17o1s5KOF8H03QU3ytjrztE57utlsNjC5BOmA" | jq .
