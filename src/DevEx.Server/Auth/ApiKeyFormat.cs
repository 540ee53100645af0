using System.Security.Cryptography;
using System.Text;

namespace DevEx.Server.Auth;

/// <summary>
/// An API key is <c>devex_ID_SECRET</c>: ID (12 hex digits) finds the row, SECRET (32 random bytes, base64url) makes it
/// unguessable; the store keeps the SHA-256 of the whole key, compared in constant time. The prefix lets a scheme
/// selector tell a key from a provider's token, and secret scanners find a leaked one.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "devex_";

    public static (string Id, string Key) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id part of a well-formed key, null for anything else.</summary>
    public static string? IdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + 14 || key[Prefix.Length + 12] != '_')
        {
            return null;
        }
        var id = key.Substring(Prefix.Length, 12);
        return id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
