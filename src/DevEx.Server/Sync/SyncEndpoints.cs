using DevEx.Collectors.Sync;
using Hangfire;

namespace DevEx.Server.Sync;

/// <summary>GET /api/v1/sync (each source's last run and cursors) and POST /api/v1/sync/{source} (run one now).</summary>
internal static class SyncEndpoints
{
    public static RouteGroupBuilder MapSync(this RouteGroupBuilder api)
    {
        var sync = api.MapGroup("/sync").WithTags("Sync");
        sync.MapGet("", (SyncRunner runner, SyncRunStore runs, SyncStateStore cursors) =>
        {
            var latest = runs.Latest();
            return TypedResults.Ok(runner.Sources.Select(source => new
            {
                source = source.Name,
                configured = source.IsConfigured,
                schedule = source.Schedule,
                lastRun = latest.FirstOrDefault(r => r.Source == source.Name),
                cursors = cursors.All(source.Name).Select(c => new { c.Scope, c.Resource, c.Cursor, c.UpdatedAt }),
            }));
        }).WithSummary("Each source's last run (rows written, requests spent, errors) and cursors");
        sync.MapPost("/{source}", (string source, SyncRunner runner, IBackgroundJobClient jobs) =>
        {
            var found = runner.Find(source);
            if (found is null)
            {
                return Api.Problems.NotFound("source", $"No sync source '{source}'. Sources: {string.Join(", ", runner.Sources.Select(s => s.Name))}.");
            }
            if (!found.IsConfigured)
            {
                return TypedResults.Problem($"Source '{found.Name}' is not configured; see docs/configuration.md.",
                    statusCode: StatusCodes.Status409Conflict, title: "Source not configured");
            }
            var job = jobs.Enqueue<SyncJob>(j => j.RunAsync(found.Name, CancellationToken.None));
            return TypedResults.Accepted($"/api/v1/sync", new { source = found.Name, job });
        }).WithSummary("Start one sync of a source now (202; GET /api/v1/sync shows the outcome)");
        return sync;
    }
}
