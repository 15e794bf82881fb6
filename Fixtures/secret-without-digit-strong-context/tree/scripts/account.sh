#!/bin/sh
curl -s -u "PKWW7A0JXUSVJIOCTZP8:KOMnIlPiluufzOFSPFEvoikxsEvrwgPJLbspvjqA" https://paper-api.alpaca.markets/v2/account
