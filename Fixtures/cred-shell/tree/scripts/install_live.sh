#!/bin/sh
set -eu

mkdir -p "$HOME/.config/trader"
cat > "$HOME/.config/trader/live.yaml" <<EOF
key_id: AKVWR4P94QX8NMKIE3H1
secret_key: 8QHFUGJwPCCb53HzOwLaOK53JlqXK9GkC08MzQ5Q
base_url: https://api.alpaca.markets
EOF
chmod 600 "$HOME/.config/trader/live.yaml"
