namespace DevEx.SampleOrg;

/// <summary>
/// When a repository's <c>ci.yml</c> moved to the platform's reusable workflow: <see cref="Week"/> counts weeks from the
/// window's start (negative: before it), null when it never did. With <see cref="UpgradeWeek"/> it first took
/// <c>@v1</c> (which the scorecard's version rule refuses) and moved to <c>@v2</c> at that week.
/// </summary>
internal sealed record PlatformAdoption(SampleRepository Repository, int? Week, int? UpgradeWeek, string Version)
{
    /// <summary>
    /// Every team repository, drawn in an order of their own (stream "platform-adoption", so the rest of the sample is
    /// untouched): about 3 in 16 never adopt, 2 in 16 did before the window, the others at a week inside it; the first
    /// of those takes v1 first when the window leaves room for an upgrade.
    /// </summary>
    public static IReadOnlyList<PlatformAdoption> Plan(SampleOrganisation organisation)
    {
        var rng = SamplePrng.For(organisation.Seed, "platform-adoption");
        var repositories = organisation.Teams.SelectMany(t => t.Repositories).ToList();
        var order = Enumerable.Range(0, repositories.Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var n = repositories.Count;
        var never = n >= 2 ? Math.Max(1, (int)Math.Round(n * 3 / 16.0)) : 0;
        var before = n >= 4 ? Math.Max(1, (int)Math.Round(n * 2 / 16.0)) : 0;
        var weeks = organisation.Weeks;
        var plans = new PlatformAdoption?[n];
        for (var rank = 0; rank < n; rank++)
        {
            var repository = repositories[order[rank]];
            var version = rng.Chance(0.5) ? "v2" : "v2.1";
            if (rank < never)
            {
                plans[order[rank]] = new PlatformAdoption(repository, null, null, version);
                continue;
            }
            if (rank < never + before)
            {
                plans[order[rank]] = new PlatformAdoption(repository, -rng.Next(2, 9), null, version);
                continue;
            }
            var week = weeks > 1 ? rng.Next(1, weeks) : 0;
            int? upgrade = rank == never + before && week + 2 < weeks ? rng.Next(week + 2, weeks) : null;
            plans[order[rank]] = new PlatformAdoption(repository, week, upgrade, version);
        }
        return [.. plans.Select(p => p!)];
    }
}
