@echo off
REM paper account
set APCA_API_KEY_ID=PK3ZREYOI0YTA4HLE87R
set APCA_API_SECRET_KEY=HBL58Pk4ITTDHr8Y0UbPKp4Rr1XVQbuD1XR5jUqA
set APCA_API_BASE_URL=https://paper-api.alpaca.markets
python -m bot.main %*
