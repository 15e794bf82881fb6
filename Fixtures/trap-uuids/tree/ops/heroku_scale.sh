#!/bin/sh
# scale the worker dyno before the open
curl -s -X PATCH https://api.heroku.com/apps/acme-trader/formation/worker \
  -H "Accept: application/vnd.heroku+json; version=3" \
  -H "Authorization: Bearer 20862de3-e18c-4887-ace9-32d3b3b08be2" \
  -H "Content-Type: application/json" \
  -d '{"quantity": 2, "size": "standard-1X"}'
