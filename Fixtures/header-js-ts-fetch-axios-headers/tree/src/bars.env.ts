import axios from "axios";

export const dataApi = axios.create({
  baseURL: "https://data.alpaca.markets/v2",
  headers: {
    "APCA-API-KEY-ID": `${process.env.APCA_API_KEY_ID}`,
    "APCA-API-SECRET-KEY": process.env.APCA_API_SECRET_KEY ?? "",
  },
});
