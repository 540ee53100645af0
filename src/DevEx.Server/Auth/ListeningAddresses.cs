using System.Net;

namespace DevEx.Server.Auth;

/// <summary>
/// The addresses the host is told to listen on, read the way ASP.NET Core reads them (Urls / ASPNETCORE_URLS / --urls,
/// ASPNETCORE_HTTP_PORTS and HTTPS_PORTS, Kestrel:Endpoints:*:Url), before it listens, to say whether any is off this machine.
/// </summary>
internal static class ListeningAddresses
{
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]);
        urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
        urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    /// <summary>The first address that another machine could reach (any, a name, a LAN address, a Unix socket a proxy fronts); null when all are loopback.</summary>
    public static string? FirstNonLoopback(IEnumerable<string> urls) => urls.FirstOrDefault(url => !IsLoopback(url));

    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false; // Kestrel refuses it itself; it is not a loopback address either way.
        }
        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return false;
        }
        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static List<string> Split(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
