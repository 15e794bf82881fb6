#!/usr/bin/env bash
# source me: . scripts/alpaca_env.sh
export APCA_API_KEY_ID="PKWC779LTTE8YW01JAGQ"
export APCA_API_SECRET_KEY="Z5yBtSirR3tTYgm7pEzT3oWZn24xrGpGvdnsLQcT"
export APCA_API_BASE_URL="https://paper-api.alpaca.markets"
