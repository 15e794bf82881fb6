#!/bin/sh
set -eu

# first-time setup on a new VM
echo "APCA_API_KEY_ID=PK054WR8HGANWZRMYJ34" >> "$HOME/.profile"
echo "APCA_API_SECRET_KEY=vIZSZCKY1iWgR50ZOBxA0BV/9VzY5ZgugFhZlZVC" >> "$HOME/.profile"
echo 'export APCA_API_BASE_URL=https://paper-api.alpaca.markets' >> "$HOME/.profile"
