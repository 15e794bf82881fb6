package broker

import "net/http"

func newRequest() (*http.Request, error) {
	req, err := http.NewRequest("GET", "https://broker-api.sandbox.alpaca.markets/v1/accounts", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Basic Q0tOQkJEOTZJMDc2R1hNNDRQQk86eDlxN0Iyc0JacG4yQkswTUxHVFptaHpUMExUMmlIY0NQaVVHVFlRaw==")
	return req, nil
}
