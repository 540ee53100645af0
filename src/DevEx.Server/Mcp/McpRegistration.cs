using System.Security.Claims;
using DevEx.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DevEx.Server.Mcp;

/// <summary>
/// The MCP endpoint for AI agents (docs/mcp.md): Streamable HTTP at /mcp, stateless, read-only tools that answer what
/// the REST API answers with the caller's role and team scope. A provider's bearer token needs the scope
/// <see cref="McpOptions.Scope"/>; API keys and local requests are who they are on the API. A 401 names the protected
/// resource metadata (<c>/.well-known/oauth-protected-resource</c>), as the MCP authorization spec asks.
/// </summary>
internal static class McpRegistration
{
    public const string Path = "/mcp";
    public const string Policy = "devex-mcp";
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    /// <summary>The tools and what they share (over HTTP here, over stdio in <c>devex mcp</c>).</summary>
    public static IServiceCollection AddDevExMcpTools(this IServiceCollection services)
    {
        services.AddOptions<McpOptions>().BindConfiguration(McpOptions.Section)
            .Validate(o => o.CallsPerMinute >= 1, "DevEx:Mcp:CallsPerMinute must be 1 or more").ValidateOnStart();
        services.AddSingleton<McpCalls>();
        services.AddSingleton<McpCallFilter>();
        return services.AddDevExTools(typeof(OrgTools), typeof(MetricTools), typeof(ExplainTools), typeof(ReportTools));
    }

    /// <summary>The server's name and what it tells an agent first.</summary>
    public static void Describe(McpServerOptions options)
    {
        options.ServerInfo = new Implementation { Name = "devex", Title = "DevEx", Version = typeof(McpRegistration).Assembly.GetName().Version?.ToString() ?? "1" };
        options.ServerInstructions = "DevEx answers DORA, pull-request flow, wait states, tickets, meeting load and platform adoption for the teams the "
            + "caller may see, with the same numbers and permissions as its REST API. Every tool is read-only. Start with list_teams; "
            + "windows are from (inclusive) to (exclusive), yyyy-MM-dd. Figures are never per person.";
    }

    public static IServiceCollection AddDevExMcp(this IServiceCollection services)
    {
        services.AddDevExMcpTools();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(DevExRoles.All)
            .RequireAssertion(context => context.Resource is HttpContext http
                && HasScope(context.User, http.RequestServices.GetRequiredService<IOptions<McpOptions>>().Value.Scope)));
        services.AddMcpServer(Describe)
            .WithHttpTransport(o => o.Stateless = true)
            .AddCallToolFilter();
        return services;
    }

    /// <summary>Answers every 401 of /mcp with where the protected resource metadata is (RFC 9728), before authorization runs.</summary>
    public static WebApplication UseDevExMcpChallenge(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
                {
                    context.Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{BaseUrl(context.Request)}{MetadataPath}\"";
                }
                return Task.CompletedTask;
            });
            await next(context);
        }));
        return app;
    }

    public static WebApplication MapDevExMcp(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<McpOptions>>().Value.Enabled)
        {
            return app;
        }
        app.MapMcp(Path).RequireAuthorization(Policy);
        app.MapGet(MetadataPath, Metadata).AllowAnonymous().ExcludeFromDescription();
        app.MapGet($"{MetadataPath}{Path}", Metadata).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ProtectedResource> Metadata(HttpRequest request, IOptions<AuthOptions> auth, IOptions<McpOptions> mcp)
    {
        var authority = auth.Value.Oidc.Authority;
        return TypedResults.Json(new ProtectedResource(
            $"{BaseUrl(request)}{Path}",
            string.IsNullOrWhiteSpace(authority) ? [] : [authority.TrimEnd('/')],
            [mcp.Value.Scope],
            ["header"],
            "DevEx"));
    }

    /// <summary>Whether a provider's token carries the MCP scope; an API key or a local request needs none.</summary>
    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindFirst(DevExClaims.Source)?.Value != "oidc"
        || user.FindAll("scope").Concat(user.FindAll("scp")).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static IMcpServerBuilder AddCallToolFilter(this IMcpServerBuilder builder) =>
        builder.WithRequestFilters(filters => filters.AddCallToolFilter(next => async (context, cancellationToken) =>
            await context.Services!.GetRequiredService<McpCallFilter>().Wrap(next)(context, cancellationToken)));
}

/// <summary>The OAuth 2.0 protected resource metadata of /mcp (RFC 9728), in its snake_case names.</summary>
internal sealed record ProtectedResource(
    [property: System.Text.Json.Serialization.JsonPropertyName("resource")] string Resource,
    [property: System.Text.Json.Serialization.JsonPropertyName("authorization_servers")] IReadOnlyList<string> AuthorizationServers,
    [property: System.Text.Json.Serialization.JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: System.Text.Json.Serialization.JsonPropertyName("bearer_methods_supported")] IReadOnlyList<string> BearerMethodsSupported,
    [property: System.Text.Json.Serialization.JsonPropertyName("resource_name")] string ResourceName);
