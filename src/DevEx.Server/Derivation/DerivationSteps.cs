using DevEx.Analytics.Adoption;
using DevEx.Analytics.Derivations;
using DevEx.Server.Adoption;
using DevEx.Server.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Derivation;

/// <summary>
/// What one derivation run does in the server and on the command line: the derived tables (<see cref="DerivationRunner"/>),
/// then the golden-path scorecards over them (<see cref="ScorecardDeriver"/>), which read the derived changes and
/// deployments for their metric checks. A scorecard step that fails is logged and leaves the last results; the
/// derivation it follows has committed either way.
/// </summary>
public sealed class DerivationSteps
{
    private readonly DerivationRunner runner;
    private readonly ScorecardDeriver scorecards;
    private readonly Func<ScorecardSet> definitions;
    private readonly IClock clock;
    private readonly int weeks;
    private readonly ILogger<DerivationSteps> logger;

    internal DerivationSteps(DerivationRunner runner, ScorecardDeriver scorecards, ScorecardCatalog catalog, IClock clock, IOptions<DevExOptions> options,
        ILogger<DerivationSteps> logger) =>
        (this.runner, this.scorecards, definitions, this.clock, weeks, this.logger) = (runner, scorecards, () => catalog.Current, clock, options.Value.ScorecardWeeks, logger);

    public DerivationSummary Run(DerivationRequest request, CancellationToken stopping)
    {
        var summary = runner.Run(request, stopping);
        try
        {
            var result = scorecards.Run(definitions(), clock.GetCurrentInstant(), weeks, stopping);
            logger.LogInformation("Scorecards: {Scorecards} over {Components} components and {Weeks} weeks, {Results} check results in {Milliseconds} ms",
                result.Scorecards, result.Components, result.Weeks, result.CheckResults, (long)result.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Evaluating the scorecards failed; the results of the last evaluation are kept");
        }
        return summary;
    }
}
