namespace DevEx.Server.Hosting;

/// <summary>
/// Configuration section <c>DevEx:Limits</c>: how large a request body may be. Small by default, so a client cannot make
/// the server hold or read much; the endpoints that take large bodies raise it for themselves (docs/security.md).
/// </summary>
internal sealed class RequestLimitOptions
{
    public const string Section = "DevEx:Limits";

    /// <summary>Every request body, unless its endpoint says otherwise (Kestrel's MaxRequestBodySize).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1L << 20;

    /// <summary>POST /api/v1/import/{kind}: one file of a kind, streamed line by line (never held whole).</summary>
    public long ImportMaxBodyBytes { get; set; } = 512L << 20;
}

/// <summary>
/// Configuration section <c>DevEx:RateLimits</c>: requests a client may make per window, a client being the signed-in
/// user or API key when there is one, else the remote address. Generous: a dashboard page fires a handful of requests.
/// </summary>
internal sealed class RequestRateLimitOptions
{
    public const string Section = "DevEx:RateLimits";

    public bool Enabled { get; set; } = true;

    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Configuration section <c>DevEx:ForwardedHeaders</c>: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto
/// are believed. With neither list set the headers are ignored: anyone can send them.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string Section = "DevEx:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public IList<string> KnownNetworks { get; } = [];
}
