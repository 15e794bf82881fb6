using System;
using Alpaca.Markets;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Bot
{
    public static class Vault
    {
        public static SecretKey LoadAlpacaKey(Uri vaultUri)
        {
            var vault = new SecretClient(vaultUri, new DefaultAzureCredential());
            KeyVaultSecret stored = vault.GetSecret("AlpacaLiveTradingBotCredentialsForOrders");
            return new SecretKey("AKADWQE8ZGR43LO2D2ZO", stored.Value);
        }
    }
}
