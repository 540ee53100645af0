using System.Security.Cryptography;
using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>A short hash of a text (a panel's definition, a query's SQL), so cached results follow edits to either.</summary>
internal static class ContentFingerprint
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
