using DevEx.Analytics.Derivations;
using DevEx.Server.Derivation;
using DevEx.Store;

namespace DevEx.Server.Hosting;

/// <summary>
/// Rebuilds the derived tables at start when a migration changed what they hold (<see cref="DuckDbDatabase.DerivedTablesOutdated"/>),
/// so an upgraded database shows the new figures before the first sync instead of empty columns.
/// Runs before the server starts listening.
/// </summary>
internal sealed class DerivedTablesUpgrade(DuckDbDatabase database, DerivationQueueService derivations, ILogger<DerivedTablesUpgrade> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.DerivedTablesOutdated)
        {
            var summary = derivations.RequestAndWait(new DerivationRequest("database upgraded"));
            logger.LogInformation("Database upgraded: derived tables rebuilt in {Elapsed} ({PullRequests} pull requests, {Deployments} production deployments)",
                summary.Elapsed, summary.PullRequests, summary.ProductionDeployments);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
