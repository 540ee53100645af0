namespace DevEx.Server.Dashboards;

/// <summary>
/// What a page may put in an href from data: a drill-down link's or an imported row's URL comes from a query file or an
/// import, so a <c>javascript:</c> or <c>data:</c> URL there would run in the reader's session. Allowed: a path on this
/// site (<c>/…</c>, not the scheme-relative <c>//host</c>) and absolute http(s) URLs; anything else is shown as text.
/// </summary>
internal static class SafeLink
{
    public static string? Of(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        if (link.StartsWith('/'))
        {
            return link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal) ? null : link;
        }
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? link : null;
    }
}
