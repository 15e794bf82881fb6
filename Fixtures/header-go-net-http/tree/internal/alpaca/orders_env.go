package alpaca

import (
	"context"
	"net/http"
	"os"
)

func newOrdersRequestFromEnv(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://paper-api.alpaca.markets/v2/orders", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("APCA-API-KEY-ID", os.Getenv("APCA_API_KEY_ID"))
	req.Header.Add("APCA-API-SECRET-KEY", os.Getenv("APCA_API_SECRET_KEY"))
	return req, nil
}
