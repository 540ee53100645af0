using System.Security.Cryptography;
using System.Text;

namespace DevEx.Server.Webhooks;

/// <summary>
/// GitHub signs each delivery: X-Hub-Signature-256 = "sha256=" + hex(HMAC-SHA256(secret, raw body)). Compared in
/// constant time, so the response time tells an attacker nothing about how much of a forged signature was right.
/// </summary>
internal static class GitHubWebhookSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header) =>
        TryParse(header, out var given) && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);

    /// <summary>The HMAC a header states ("sha256=" and hex); false for anything else, which no body can match.</summary>
    public static bool TryParse(string? header, out byte[] signature)
    {
        signature = [];
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            signature = Convert.FromHexString(header.AsSpan(Prefix.Length));
            return signature.Length == HMACSHA256.HashSizeInBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
