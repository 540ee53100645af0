using DevEx.Analytics.Metrics;
using DevEx.Server.Hosting;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Api;

/// <summary>
/// Answers each metric endpoint of the API once, in process, as soon as the service listens, so that the first person's
/// request after a start costs what later ones do: the endpoint's binding and its JSON contract are built on first
/// use (JIT and reflection), which made the very first request 2–3x a warm one (docs/benchmarks.md, "Small questions").
/// The requests go through the endpoints' own request delegates (no socket, no middleware) with the default window,
/// once org-wide and once for the first team (a few hundred milliseconds); nothing is cached by it. Off with DevEx:WarmDashboards=false, like the
/// dashboards' warm-up (the tests time and count their own requests).
/// </summary>
internal sealed class ApiWarmer(EndpointDataSource endpoints, IServiceScopeFactory scopes, IOptions<DevExOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ApiWarmer> logger) : IHostedService
{
    private Task warming = Task.CompletedTask;

    // Route patterns as the endpoints carry them (a group's prefix joined to the route); compared without slashes.
    private static readonly string[] Paths = ["api/v1/metrics/dora", "api/v1/metrics/dora/series", "api/v1/metrics/dora/by-team"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WarmDashboards)
        {
            // The endpoints exist once the server has built its pipeline, which is after the hosted services start.
            lifetime.ApplicationStarted.Register(() => warming = Task.Run(() => Warm(lifetime.ApplicationStopping)));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => warming;

    private async Task Warm(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var teams = scope.ServiceProvider.GetRequiredService<OrgService>().Teams();
        var team = teams.Count > 0 ? teams[0].Id : null;
        var warmed = endpoints.Endpoints.OfType<RouteEndpoint>().Where(e => Paths.Contains(e.RoutePattern.RawText?.Trim('/'))).ToList();
        foreach (var endpoint in warmed)
        {
            await Answer(endpoint, scope.ServiceProvider, "", cancellationToken).ConfigureAwait(false);
            if (team is not null)
            {
                await Answer(endpoint, scope.ServiceProvider, "?team=" + Uri.EscapeDataString(team), cancellationToken).ConfigureAwait(false);
            }
        }
        logger.LogInformation("API metric endpoints warmed ({Endpoints} of {Expected}) in {Milliseconds} ms", warmed.Count, Paths.Length,
            started.ElapsedMilliseconds);
    }

    /// <summary>The service itself, in process only: it may ask what any reader may (a team's figures too).</summary>
    private static readonly System.Security.Claims.ClaimsPrincipal WarmingPrincipal = Auth.DevExClaims.Service("start-up warming");

    private async Task Answer(RouteEndpoint endpoint, IServiceProvider services, string query, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken, User = WarmingPrincipal };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = Stream.Null;
        try
        {
            await endpoint.RequestDelegate!(context).ConfigureAwait(false);
            if (context.Response.StatusCode >= 400)
            {
                logger.LogWarning("Warming {Endpoint}{Query} answered {Status}", endpoint.RoutePattern.RawText, query, context.Response.StatusCode);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Warming {Endpoint}{Query} failed", endpoint.RoutePattern.RawText, query);
        }
    }
}
