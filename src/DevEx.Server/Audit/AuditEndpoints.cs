using DevEx.Server.Api.Contracts;
using DevEx.Server.Auth;
using DevEx.Store.State;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Server.Audit;

/// <summary>One audit entry as the API gives it.</summary>
internal sealed record AuditEntryAnswer(Instant At, string Actor, string Kind, string Action, int? Status);

/// <summary>GET /api/v1/audit (admin): the audit log, newest first.</summary>
internal static class AuditEndpoints
{
    public const int MaxEntries = 1000;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Results<Ok<IReadOnlyList<AuditEntryAnswer>>, ProblemHttpResult> (AuditLog log, IClock clock,
                string? from, string? to, string? actor, string? kind, int? limit) =>
            {
                var now = clock.GetCurrentInstant();
                if (!TryInstant(from, "from", now - Duration.FromDays(30), out var start, out var problem)
                    || !TryInstant(to, "to", now + Duration.FromSeconds(1), out var end, out problem))
                {
                    return problem!;
                }
                if (limit is < 1 or > MaxEntries)
                {
                    return Api.Problems.BadRequest("limit", $"'limit' must be 1 to {MaxEntries}, not {limit}.");
                }
                IReadOnlyList<AuditEntryAnswer> entries = [.. log.Query(start, end, Blank(actor), Blank(kind), limit ?? MaxEntries)
                    .Select(e => new AuditEntryAnswer(e.OccurredAt, e.Actor, e.Kind, e.Action, e.Status))];
                return TypedResults.Ok(entries);
            })
            .RequireAuthorization(DevExPolicies.Admin)
            .ProducesParameterProblems()
            .WithTags("Audit")
            .WithSummary("The audit log (admin): admin actions, exports and API-key use in [from, to) (default: the last 30 days), newest first");
        return api;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A date (yyyy-MM-dd, its UTC midnight) or an instant (ISO 8601 with Z).</summary>
    private static bool TryInstant(string? text, string name, Instant fallback, out Instant value, out ProblemHttpResult? problem)
    {
        problem = null;
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } date)
        {
            value = date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            return true;
        }
        if (InstantPattern.ExtendedIso.Parse(text.Trim()) is { Success: true } instant)
        {
            value = instant.Value;
            return true;
        }
        problem = Api.Problems.BadRequest(name, $"'{name}' must be a date (yyyy-MM-dd) or a UTC time (yyyy-MM-ddTHH:mm:ssZ), not '{text}'.");
        return false;
    }
}
