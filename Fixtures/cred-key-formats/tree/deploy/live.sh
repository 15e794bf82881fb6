#!/bin/sh
export APCA_API_KEY_ID=AKVINZO5KFB2EIWGRN7JB6EPQ2
export APCA_API_SECRET_KEY=XP5xYs4FDF9uZcmCpzi7Ziir9dJKGyEfxStMJzpiAex
exec python -m bot.live
