#!/usr/bin/env bash
: "${APCA_API_KEY_ID:?set it first}" "${APCA_API_SECRET_KEY:?set it first}"
curl -s "${APCA_API_BASE_URL:-https://paper-api.alpaca.markets}/v2/orders?status=open" \
  -H "APCA-API-KEY-ID: $APCA_API_KEY_ID" \
  -H "APCA-API-SECRET-KEY: ${APCA_API_SECRET_KEY}"
