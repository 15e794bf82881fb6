#!/usr/bin/env bash
set -euo pipefail

curl -sS https://paper-api.alpaca.markets/v2/account \
  -H "APCA-API-KEY-ID: PK4VI1DPNK0SYCGG1KSO" \
  -H "APCA-API-SECRET-KEY: kDRhWZAQSOdEtfOEIQabisFnD7EwlDT4KTvp76qi"

wget -qO- \
  --header="APCA-API-KEY-ID: PK4VI1DPNK0SYCGG1KSO" \
  --header="APCA-API-SECRET-KEY: kDRhWZAQSOdEtfOEIQabisFnD7EwlDT4KTvp76qi" \
  https://paper-api.alpaca.markets/v2/positions

http GET https://paper-api.alpaca.markets/v2/orders status==open \
  APCA-API-KEY-ID:PK4VI1DPNK0SYCGG1KSO \
  APCA-API-SECRET-KEY:kDRhWZAQSOdEtfOEIQabisFnD7EwlDT4KTvp76qi
