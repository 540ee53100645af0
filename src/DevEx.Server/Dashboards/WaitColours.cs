using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;

namespace DevEx.Server.Dashboards;

/// <summary>The <see cref="PanelData.SeriesColours"/> of the panels that chart waits, all from <see cref="WaitPalette"/>.</summary>
internal static class WaitColours
{
    /// <summary>Long-format series named by wait label ("Waiting for first review"): the overview's hours per period.</summary>
    public static IReadOnlyDictionary<string, string> ByLabel { get; } =
        WaitStateNames.ColourOrder.ToDictionary(WaitStateNames.Label, w => WaitPalette.For(w)!, StringComparer.Ordinal);

    /// <summary>The pull-request phase columns (panel_pr_flow_series.sql): a phase that is a wait takes that wait's colour.</summary>
    public static IReadOnlyDictionary<string, string> PullRequestPhases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["coding"] = WaitPalette.Coding,
        ["pickup"] = WaitPalette.For("pr-pickup")!,
        ["review"] = WaitPalette.For("pr-review")!,
        ["merge_wait"] = WaitPalette.For("pr-merge-wait")!,
        ["deploy_wait"] = WaitPalette.For("deploy-wait")!,
    };

    /// <summary>
    /// What a query panel's series are coloured by: a long-format series named by a wait's label, or a y column named as a
    /// pull-request phase, takes the palette's colour as the same series does in every other chart.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForQueries { get; } =
        ByLabel.Concat(PullRequestPhases).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
