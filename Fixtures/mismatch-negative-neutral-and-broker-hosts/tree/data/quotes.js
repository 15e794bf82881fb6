const WebSocket = require("ws");

const ws = new WebSocket("wss://stream.data.alpaca.markets/v2/iex");
ws.on("open", () => {
  ws.send(JSON.stringify({
    action: "auth",
    key: "AK72Q35CWCE6URBW5QQI",
    secret: "Jh8bpKkxp3IAcFx1RmhyLbLuMMAgsNt7lRwSBmys",
  }));
  ws.send(JSON.stringify({ action: "subscribe", quotes: ["AAPL"] }));
});
