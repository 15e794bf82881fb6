package setup

import "os"

func init() {
	// make the SDK pick the credentials up from the environment
	os.Setenv("APCA_API_KEY_ID", "PKGB37E9B85817F5NOLH")
	os.Setenv("APCA_API_SECRET_KEY", "adNc1T5R8ZwCDD1A3B41BvrVRp5D8hKnLVnhM5T4")
	os.Setenv("APCA_API_BASE_URL", "https://paper-api.alpaca.markets")
}
