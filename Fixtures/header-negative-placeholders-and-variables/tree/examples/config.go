package examples

import "net/http"

type Config struct{ KeyID, SecretKey string }

func authorize(req *http.Request, cfg Config) {
	req.Header.Set("APCA-API-KEY-ID", cfg.KeyID)
	req.Header.Set("APCA-API-SECRET-KEY", cfg.SecretKey)
}
