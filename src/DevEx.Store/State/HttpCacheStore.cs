using Dapper;

namespace DevEx.Store.State;

/// <summary>
/// The validators (ETag, Last-Modified), Link header and body of every cacheable GET, in the http_cache table, keyed by
/// the full request URL. It lives in DuckDB rather than memory so a restarted collector still sends If-None-Match and a
/// 304, which costs no rate limit, answers most of an hourly sync.
/// </summary>
public sealed class HttpCacheStore(DuckDbDatabase database, TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    public CachedResponse? Get(string url)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<CachedResponse>(
            "SELECT etag, last_modified, link, body FROM http_cache WHERE url = $url", new { url });
    }

    /// <summary>Stores (or replaces) the response of <paramref name="url"/>.</summary>
    public void Put(string url, string? etag, string? lastModified, string? link, string body)
    {
        var storedAt = time.GetUtcNow().UtcDateTime;
        database.Write((connection, _) => connection.Execute(
                """
                INSERT INTO http_cache (url, etag, last_modified, link, body, stored_at)
                VALUES ($url, $etag, $lastModified, $link, $body, $storedAt)
                ON CONFLICT (url) DO UPDATE SET
                    etag = excluded.etag, last_modified = excluded.last_modified, link = excluded.link,
                    body = excluded.body, stored_at = excluded.stored_at
                """,
                new { url, etag, lastModified, link, body, storedAt }));
    }
}

/// <summary>A cached GET response: its validators, its Link header (pagination) and its body.</summary>
public sealed record CachedResponse(string? ETag, string? LastModified, string? Link, string Body);
