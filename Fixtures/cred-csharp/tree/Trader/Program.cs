using Alpaca.Markets;

const string KeyId = "PK80ISJWRS8WPODGIN20";
const string SecretKey = "IYC0z1zO9lBo9juIRTm7A2rwbVVThbL4qGI71Xk0";

using var client = Environments.Paper.GetAlpacaTradingClient(new SecretKey(KeyId, SecretKey));
var account = await client.GetAccountAsync();
Console.WriteLine($"Buying power: {account.BuyingPower}");
