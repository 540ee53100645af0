using DevEx.Store;

namespace DevEx.Server.Hosting;

/// <summary>The host's own settings (configuration section <c>DevEx</c>; env <c>DevEx__Database</c> etc.).</summary>
public sealed class DevExOptions
{
    public const string Section = "DevEx";

    /// <summary>The DuckDB file; created with its folder when missing. <c>--db PATH</c> sets it too.</summary>
    public string Database { get; set; } = "data/devex.duckdb";

    /// <summary>
    /// DuckDB's worker threads per statement. 1: requests and panels already run their queries side by side, and a small
    /// question's statements spend more on scheduling a second thread than they gain (docs/benchmarks.md, "Small questions").
    /// </summary>
    public int DatabaseThreads { get; set; } = DuckDbDatabase.DefaultThreads;

    /// <summary>Import the bundled sample organisation when the database holds no data.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>Where the bundled sample is; a relative path is also looked for above the program's folder.</summary>
    public string SampleData { get; set; } = "sample-data";

    /// <summary>Dashboard definitions (*.json), read at start and again whenever a file changes.</summary>
    public string Dashboards { get; set; } = "dashboards";

    /// <summary>Golden-path scorecards (*.yaml, *.yml), read again whenever a file changes (docs/adoption.md, "Scorecards").</summary>
    public string Scorecards { get; set; } = "scorecards";

    /// <summary>How many ISO weeks, up to the current one, each scorecard is evaluated for.</summary>
    public int ScorecardWeeks { get; set; } = 52;

    /// <summary>Metric SQL; dashboard panels may name a file here that is not built in (no recompiling).</summary>
    public string Queries { get; set; } = "queries";

    /// <summary>Render each dashboard's default view in the background after new data, so first visits are cached.</summary>
    public bool WarmDashboards { get; set; } = true;
}
