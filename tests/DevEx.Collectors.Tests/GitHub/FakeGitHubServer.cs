using System.Collections.Concurrent;
using System.Net;
using DevEx.Collectors.Tests.GitHub.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DevEx.Collectors.Tests.GitHub;

/// <summary>
/// GitHub's REST API as far as a test needs it: an in-process Kestrel on 127.0.0.1 (a free port) answering registered
/// routes under both <c>/</c> and <c>/api/v3/</c> (where Octokit sends GitHub Enterprise requests).
/// <list type="bullet">
/// <item>A route is a method, a path and the query parameters it requires: a request matches when its path is equal
/// (ignoring case) and it carries every parameter of the route (Octokit adds its defaults, such as sort=created); the
/// route naming the most parameters wins, the latest registered among equals. <c>page</c> must match exactly (absent
/// means page 1), so a missing page is a 404 rather than page 1 again.</item>
/// <item>A route answers with its responses in turn, the last one repeating (<c>Get(..., 502).Then(200, body)</c>), or
/// with a delegate. Unmatched requests go to <see cref="Fallback"/>, else 404.</item>
/// <item>A 200 with an ETag (or Last-Modified) answers a matching If-None-Match (If-Modified-Since) with a bodiless 304.</item>
/// <item><c>https://api.github.com/</c> in a response header (Link) is rewritten to this server, so recorded
/// pagination links lead back here.</item>
/// <item><see cref="Requests"/> logs what was received, in order, with the status answered.</item>
/// </list>
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    private const string ApiV3 = "/api/v3";
    private const string RecordedHost = "https://api.github.com/";

    private readonly Lock routesLock = new();
    private readonly Dictionary<string, List<FakeRoute>> routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private WebApplication? app;
    private long registered;

    private FakeGitHubServer()
    {
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT, the value for GitHubOptions.BaseUrl.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Answers requests no route matches (generated responses for large scenarios); null = 404.</summary>
    public Func<ReceivedRequest, FakeResponse?>? Fallback { get; set; }

    /// <summary>Everything received so far, in arrival order, each with the status it was answered with.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => requests.ToArray();

    public static async Task<FakeGitHubServer> StartAsync()
    {
        var server = new FakeGitHubServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        server.app = app;
        return server;
    }

    /// <summary>The text of a file under the test output's Fixtures/ folder, e.g. <c>github/pulls.get.json</c>.</summary>
    public static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public FakeRoute Get(
        string pathAndQuery,
        int status = 200,
        string? body = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? etag = null,
        string? lastModified = null) =>
        Map("GET", pathAndQuery, new FakeResponse(status, body, headers, etag, lastModified));

    public FakeRoute Post(string pathAndQuery, int status = 201, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Map("POST", pathAndQuery, new FakeResponse(status, body, headers));

    public FakeRoute Map(string method, string pathAndQuery, FakeResponse first) => Add(new FakeRoute(method, pathAndQuery, first));

    public FakeRoute Map(string method, string pathAndQuery, Func<ReceivedRequest, FakeResponse> responder) =>
        Add(new FakeRoute(method, pathAndQuery, responder));

    /// <summary>
    /// Registers <paramref name="pages"/> as the pages of <paramref name="pathAndQuery"/>: page 1 at the path as given,
    /// page n at <c>…&amp;page=n</c>, each with the Link header GitHub would send (prev, next, last, first) and the ETag
    /// <c>"{etagPrefix}-n"</c> when a prefix is given.
    /// </summary>
    public IReadOnlyList<FakeRoute> GetPages(string pathAndQuery, IReadOnlyList<string> pages, string? etagPrefix = null)
    {
        var separator = pathAndQuery.Contains('?') ? '&' : '?';
        string PageUrl(int page) => $"{RecordedHost}{pathAndQuery.TrimStart('/')}{separator}page={page}";
        var registeredPages = new List<FakeRoute>(pages.Count);
        for (var page = 1; page <= pages.Count; page++)
        {
            var links = new List<string>();
            if (page > 1)
            {
                links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
            }
            if (page < pages.Count)
            {
                links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
                links.Add($"<{PageUrl(pages.Count)}>; rel=\"last\"");
            }
            if (page > 1)
            {
                links.Add($"<{PageUrl(1)}>; rel=\"first\"");
            }
            var headers = links.Count == 0 ? null : new Dictionary<string, string> { ["Link"] = string.Join(", ", links) };
            var path = page == 1 ? pathAndQuery : $"{pathAndQuery}{separator}page={page}";
            var etag = etagPrefix is null ? null : $"\"{etagPrefix}-{page}\"";
            registeredPages.Add(Get(path, 200, pages[page - 1], headers, etag));
        }
        return registeredPages;
    }

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private FakeRoute Add(FakeRoute route)
    {
        route.Order = Interlocked.Increment(ref registered);
        lock (routesLock)
        {
            var key = RouteKey(route.Method, route.Path);
            if (!routes.TryGetValue(key, out var list))
            {
                routes[key] = list = [];
            }
            list.Add(route);
        }
        return route;
    }

    private FakeRoute? Match(ReceivedRequest request)
    {
        lock (routesLock)
        {
            return routes.TryGetValue(RouteKey(request.Method, request.Path), out var candidates)
                ? candidates
                    .Where(route => route.Accepts(request.Query))
                    .OrderByDescending(route => route.Query.Count)
                    .ThenByDescending(route => route.Order)
                    .FirstOrDefault()
                : null;
        }
    }

    private static string RouteKey(string method, string path) => $"{method.ToUpperInvariant()} {path.TrimEnd('/')}";

    private async Task HandleAsync(HttpContext context)
    {
        var received = await ReceivedRequest.ReadAsync(context.Request, ApiV3);
        var response = Match(received)?.Next(received)
            ?? Fallback?.Invoke(received)
            ?? new FakeResponse(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                requests.Enqueue(received with { Status = 499 });
                return;
            }
        }
        var notModified = response.IsNotModifiedFor(received);
        var status = notModified ? 304 : response.Status;
        requests.Enqueue(received with { Status = status });

        context.Response.StatusCode = status;
        var root = BaseUrl + (received.ApiV3Prefix ? ApiV3 : "") + "/";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = value;
            }
            else if (!IsHopOrLength(name))
            {
                context.Response.Headers[name] = value.Replace(RecordedHost, root, StringComparison.OrdinalIgnoreCase);
            }
        }
        if (response.ETag is not null)
        {
            context.Response.Headers.ETag = response.ETag;
        }
        if (response.LastModified is not null)
        {
            context.Response.Headers.LastModified = response.LastModified;
        }
        if (notModified || response.Body is null)
        {
            return;
        }
        context.Response.ContentType ??= "application/json; charset=utf-8";
        await context.Response.WriteAsync(response.Body);
    }

    private static bool IsHopOrLength(string name) =>
        name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase);
}
