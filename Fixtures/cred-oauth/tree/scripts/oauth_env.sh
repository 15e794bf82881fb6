#!/bin/sh
# run the bot on behalf of the staging user (token from the OAuth flow)
export APCA_API_OAUTH_TOKEN=dec70b1c-579f-4993-a282-8a65084c5f0b
export APCA_API_BASE_URL=https://paper-api.alpaca.markets
exec python -m bot.main
