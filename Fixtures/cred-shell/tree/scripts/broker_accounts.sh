#!/usr/bin/env bash
# list the sandbox broker accounts
curl -s -u CK5H7E94K6VYW3GMDGJQ:FCJYowso8vLv2wKa90cibItpr7hPC9SCJYaFvLOW \
  "https://broker-api.sandbox.alpaca.markets/v1/accounts?status=ACTIVE" | jq '.[].id'
