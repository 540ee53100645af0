using DevEx.Analytics.Adoption;
using DevEx.Server.Hosting;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Adoption;

/// <summary>
/// The scorecards of the scorecards folder (DevEx:Scorecards), read at start and again when a file is added, changed or
/// removed: a platform team edits a golden path with no rebuild or restart. Problems are logged with file, line and reason.
/// </summary>
internal sealed class ScorecardCatalog(IOptions<DevExOptions> options, ILogger<ScorecardCatalog> logger)
{
    private readonly Lock gate = new();
    private string? stamp;
    private ScorecardSet current = ScorecardSet.Empty;
    private long version;

    public ScorecardSet Current => Versioned.Set;

    /// <summary>The scorecards with the number of the load they came from, read together: kept answers computed from them key on it.</summary>
    public (ScorecardSet Set, long Version) Versioned
    {
        get
        {
            var folder = RepositoryFolder.Find(options.Value.Scorecards, Directory.Exists);
            var (files, now) = ScorecardSet.List(folder);
            lock (gate)
            {
                if (now != stamp || current.Folder != folder)
                {
                    current = ScorecardSet.Load(folder, files);
                    stamp = now;
                    version++;
                    foreach (var problem in current.Problems)
                    {
                        logger.LogWarning("Scorecard not used: {Problem}", problem);
                    }
                    logger.LogInformation("{Count} scorecards loaded from {Folder}", current.Scorecards.Count, folder ?? $"{options.Value.Scorecards} (no such folder)");
                }
                return (current, version);
            }
        }
    }
}
