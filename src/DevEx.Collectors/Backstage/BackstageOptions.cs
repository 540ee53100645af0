namespace DevEx.Collectors.Backstage;

/// <summary>
/// Configuration section <c>DevEx:Catalog:Backstage</c>: which Backstage catalog to read, with which token, which
/// entities, how many per page and when. The token is a secret: never logged.
/// </summary>
public sealed class BackstageOptions
{
    public const string Section = "DevEx:Catalog:Backstage";

    /// <summary>The seven kinds DevEx keeps; the catalog reads repeated keys of one filter as alternatives.</summary>
    public const string DefaultFilter = "kind=group,kind=user,kind=component,kind=system,kind=api,kind=domain,kind=resource";

    /// <summary>The Backstage backend's base URL (backend.baseUrl), e.g. https://backstage.acme.internal; /api/catalog is added.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A static bearer token (a Backstage external-access static token), sent as Authorization: Bearer.</summary>
    public string? Token { get; set; }

    /// <summary>The by-query <c>filter</c>: conditions joined by commas, a key repeated meaning any of its values.</summary>
    public string Filter { get; set; } = DefaultFilter;

    /// <summary>The by-query <c>limit</c>: entities per page.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Cron expression of the recurring sync (UTC).</summary>
    public string Schedule { get; set; } = "45 * * * *";

    public bool IsConfigured => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>What entities read from this catalog carry as their source: the base URL, without a trailing slash.</summary>
    public string Source => (BaseUrl ?? "").TrimEnd('/');
}
