using System.Security.Claims;
using DevEx.Server.Auth;
using DevEx.Store.State;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Audit;

/// <summary>
/// Writes the audit log: after each request, an entry when it was an admin action (a state-changing request to an
/// endpoint the admin policy guards: import, sync, API keys), an export (a panel's CSV, a weekly report download), or a
/// person-level view (an endpoint marked <see cref="PersonViewAudit"/>: a person's own figures under /api/v1/me and the
/// page /me); and an API key's use, once per key per minute (when its last use is recorded). Who is the principal's name.
/// </summary>
internal sealed class AuditTrail(AuditLog log, IOptions<AuditOptions> options, ILogger<AuditTrail> logger)
{
    /// <summary>The route patterns whose answers leave the service as files.</summary>
    private static readonly string[] Exports = ["/dashboards/{id}/panels/{panel}.csv", "/api/v1/reports/weekly"];

    public const string AdminKind = "admin", ExportKind = "export", ApiKeyKind = "api-key", PersonViewKind = "person-view";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (KindOf(context) is { } kind)
        {
            Write(context.User, kind, $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.Response.StatusCode);
        }
    }

    /// <summary>An API key was used (its last use recorded): one entry per key per minute.</summary>
    public void KeyUsed(string keyName) => Write(null, ApiKeyKind, $"api-key:{keyName} used", null, actor: $"api-key:{keyName}");

    private static string? KindOf(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return null;
        }
        if (Exports.Contains(endpoint.RoutePattern.RawText, StringComparer.Ordinal) && HttpMethods.IsGet(context.Request.Method))
        {
            return ExportKind;
        }
        if (endpoint.Metadata.GetMetadata<PersonViewAudit>() is not null)
        {
            return PersonViewKind;
        }
        var admin = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == DevExPolicies.Admin);
        return admin && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) ? AdminKind : null;
    }

    private void Write(ClaimsPrincipal? user, string kind, string action, int? status, string? actor = null)
    {
        try
        {
            log.Record(actor ?? user?.Identity?.Name ?? "anonymous", kind, action, status, Duration.FromDays(options.Value.RetentionDays));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is already given: a failed audit write is logged, never turned into the caller's error.
            logger.LogError(e, "Could not write the audit entry {Kind} {Action}", kind, action);
        }
    }
}
