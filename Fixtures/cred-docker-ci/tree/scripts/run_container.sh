#!/bin/sh
docker run --rm -d --name trader \
  -e APCA_API_KEY_ID=PK4EE45U0VOMTIFRPV6P -e APCA_API_SECRET_KEY=wmLgZlIsVvMticuqTPFXDW5LF7j3IUT2xPTh9Dz5 \
  -e APCA_API_BASE_URL=https://paper-api.alpaca.markets \
  trader:latest
