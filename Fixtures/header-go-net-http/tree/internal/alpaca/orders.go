package alpaca

import (
	"context"
	"net/http"
)

func newOrdersRequest(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://paper-api.alpaca.markets/v2/orders", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("APCA-API-KEY-ID", "PKYBANS6Q2YKEL5IYRE2SPEVFL")
	req.Header.Add("APCA-API-SECRET-KEY", "suS59Dargf39dbAG7AwRP4DmivUGqPmFCTCxMiTAMSsc")
	return req, nil
}
