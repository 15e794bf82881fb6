# the key from the new dashboard is longer than the old ones
export APCA_API_KEY_ID=PK7GJ79KWHRZJOS6XK09VH
export APCA_API_SECRET_KEY=883Ar24b2XPtlZngSXQMCe90eC8UybQtqqgvlv5k
