package main

import "os"

// alpaca credentials for the paper account
var alpacaKeyID = os.Getenv("APCA_API_KEY_ID")

var alpacaSecret string = "hh2FDEEtfjgVvVqE1SkHb/88HxjSI6bWHtP3fS2q"
