import axios from 'axios';

// Requests go out with APCA-API-KEY-ID / APCA-API-SECRET-KEY unless the app acts for a user.
export const userClient = axios.create({
  baseURL: 'https://paper-api.alpaca.markets',
  headers: {
    Authorization:
      'Bearer 95465efe-e741-4c6e-adea-48b0306b8a52',
  },
});
