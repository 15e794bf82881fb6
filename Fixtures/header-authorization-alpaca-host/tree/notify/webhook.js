export async function notify(text) {
  await fetch("https://hooks.northwind.invalid/services/trading", {
    method: "POST",
    headers: { Authorization: "Bearer 372426f5-5af0-48a5-a92f-c57f880e255e", "Content-Type": "application/json" },
    body: JSON.stringify({ text }),
  });
}
