using DevEx.Collectors.Sync;
using DevEx.Server.Api.Contracts;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

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
            return TypedResults.Ok(runner.Sources.Select(source => new SyncSourceStatus(source.Name, source.IsConfigured, source.Schedule,
                latest.FirstOrDefault(r => r.Source == source.Name),
                cursors.All(source.Name).Select(c => new SyncSourceCursor(c.Scope, c.Resource, c.Cursor, c.UpdatedAt)).ToList())).ToList());
        }).WithSummary("Each source's last run (rows written, requests spent, errors) and cursors");
        sync.MapPost("/{source}", Results<Accepted<SyncStarted>, ProblemHttpResult> (string source, SyncRunner runner, IBackgroundJobClient jobs) =>
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
            return TypedResults.Accepted($"/api/v1/sync", new SyncStarted(found.Name, job));
        })
            .ProducesParameterProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start one sync of a source now (202; GET /api/v1/sync shows the outcome)");
        return sync;
    }
}
