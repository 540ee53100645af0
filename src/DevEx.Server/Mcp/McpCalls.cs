using System.Security.Claims;
using DevEx.Server.Access;
using DevEx.Server.Api;
using DevEx.Server.Auth;
using DevEx.Server.Caching;
using DevEx.Server.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelContextProtocol;

namespace DevEx.Server.Mcp;

/// <summary>
/// What every MCP tool does before it answers, exactly as the REST endpoint it mirrors: the window and scope resolved
/// by <see cref="MetricRequestResolver"/> (a bad value is the same sentence as the API's 400 or 404), the scope rule of
/// the endpoint's <see cref="Surface"/> for the caller (the API's 403 sentence), and the answer kept in
/// <see cref="ResultCache"/> under the API's key, so a tool and the endpoint share one computation. A refusal is a tool
/// error (<see cref="McpException"/>), never a partial answer.
/// </summary>
internal sealed class McpCalls(MetricRequestResolver resolver, ScopeAccess access, ResultCache cache, PanelGate gate)
{
    /// <summary>The documentation of the metric definitions, as the service serves it.</summary>
    public const string Definitions = "/docs/metrics";

    /// <summary>Rows a listing tool returns at most, whatever it is asked.</summary>
    public const int MaxRows = 200;

    /// <summary>The caller: the request's principal, or, over stdio (devex mcp), the local administrator the command line is.</summary>
    public static ClaimsPrincipal Caller(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user : DevExClaims.Service("devex mcp");

    public async Task<McpAnswer<T>> AnswerAsync<T>(ClaimsPrincipal? user, MetricRequest request, Surface surface, string question, string endpoint,
        string definition, Func<ResolvedRequest, CancellationToken, T> compute, CancellationToken cancellationToken) where T : class
    {
        var resolved = Resolve(request);
        Allow(user, surface, request.Team, request.Service, request.Repo);
        var result = await cache.GetOrAddAsync(resolved.Key(question), () => compute(resolved, cancellationToken), gate, cancellationToken);
        return new McpAnswer<T>(resolved.Window.From, resolved.Window.To, resolved.Window.Zone.Id, resolved.Scope.Team, resolved.Scope.Service,
            resolved.Scope.Repo, endpoint, $"{Definitions}#{definition}", result);
    }

    /// <summary>The request resolved, or the API's problem as a tool error.</summary>
    public ResolvedRequest Resolve(MetricRequest request) =>
        resolver.TryResolve(request, out var resolved) is { } problem ? throw Refused(problem) : resolved;

    /// <summary>Throws the scope rule's refusal for the caller, if any.</summary>
    public void Allow(ClaimsPrincipal? user, Surface surface, string? team, string? service = null, string? repo = null)
    {
        if (access.Refusal(Caller(user), surface, team, service, repo) is { } refusal)
        {
            throw new McpException($"Outside what your role may see: {refusal}.");
        }
    }

    /// <summary>Whether the caller may see a per-team row of <paramref name="team"/> (the unowned row: what no team owns).</summary>
    public bool MaySeeTeam(ClaimsPrincipal user, string team) =>
        access.MaySeeTeam(user, team == DevEx.Analytics.Metrics.MetricScope.Unowned ? null : team);

    public static McpException Refused(ProblemHttpResult problem) =>
        new($"{problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}");

    public static McpList<T> Limit<T>(IReadOnlyList<T> rows, int? limit, string endpoint)
    {
        var take = Math.Clamp(limit ?? MaxRows, 1, MaxRows);
        return new McpList<T>([.. rows.Take(take)], rows.Count, rows.Count > take, endpoint);
    }
}
