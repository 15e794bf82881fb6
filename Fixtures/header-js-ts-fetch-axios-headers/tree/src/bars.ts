import axios from "axios";

export const dataApi = axios.create({
  baseURL: "https://data.alpaca.markets/v2",
  headers: {
    "APCA-API-KEY-ID": `PK5SYT2RGLRTVQAPA65YLTJ2CO`,
    "APCA-API-SECRET-KEY": "NFJ7mNokya2nhupwDfgpNNRq6XHr2nYKG13QC7xpfVmj",
  },
});
