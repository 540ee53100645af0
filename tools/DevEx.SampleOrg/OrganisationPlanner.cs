using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Decides who and what exists: teams with zones and working hours, people, repositories and services. Team 0 is the
/// showcase team: it always has two repositories (one with two services, one deploying to two production regions),
/// the contractor and the renamed person, so that even a tiny sample holds every case the metrics name.
/// </summary>
internal static class OrganisationPlanner
{
    private static readonly (string Zone, LocalTime Start, LocalTime End)[] TeamZones =
    [
        ("Europe/Berlin", new LocalTime(9, 0), new LocalTime(17, 0)),
        ("America/New_York", new LocalTime(9, 0), new LocalTime(17, 0)),
        ("Asia/Kolkata", new LocalTime(10, 0), new LocalTime(18, 0)),
        ("America/Los_Angeles", new LocalTime(8, 30), new LocalTime(16, 30)),
        ("UTC", new LocalTime(9, 0), new LocalTime(17, 0)),
        ("Pacific/Auckland", new LocalTime(8, 30), new LocalTime(16, 30)),
    ];

    private static readonly string[] RemoteZones =
        ["Europe/Lisbon", "Asia/Kolkata", "America/Sao_Paulo", "Europe/Warsaw", "America/Chicago", "Pacific/Auckland"];

    // Mostly on-merge teams (they make most deployment rows), with a spread down to monthly releases.
    private static readonly DeployCadence[] Cadences =
    [
        DeployCadence.OnMerge, DeployCadence.TwiceDaily, DeployCadence.OnMerge, DeployCadence.Weekly,
        DeployCadence.OnMerge, DeployCadence.Daily, DeployCadence.OnMerge, DeployCadence.Monthly,
    ];

    public static SampleOrganisation Plan(SampleOrganisationOptions options)
    {
        var until = options.EffectiveUntil.AtMidnight().InUtc().ToInstant();
        var startDate = options.EffectiveUntil.PlusWeeks(-options.Weeks);
        var start = startDate.AtMidnight().InUtc().ToInstant();
        var rng = SamplePrng.For(options.Seed, "organisation");
        var people = new PersonFactory(rng);
        var uncataloguedTeam = options.Teams > 1 ? 1 : 0;
        var teams = new List<SampleTeam>(options.Teams);
        for (var i = 0; i < options.Teams; i++)
        {
            teams.Add(PlanTeam(i, options, rng, people, start, i == uncataloguedTeam));
        }
        return new SampleOrganisation(options.Seed, options.Weeks, start, until, startDate, teams);
    }

    private static SampleTeam PlanTeam(
        int index, SampleOrganisationOptions options, SamplePrng rng, PersonFactory people, Instant start, bool uncatalogued)
    {
        var showcase = index == 0;
        var name = index < SampleNames.TeamNames.Length
            ? SampleNames.TeamNames[index]
            : $"{SampleNames.TeamNames[index % SampleNames.TeamNames.Length]}-{(index / SampleNames.TeamNames.Length) + 1}";
        var zone = TeamZones[index % TeamZones.Length];
        var hours = new WorkingHours(zone.Zone, zone.Start, zone.End);
        var size = showcase
            ? options.EngineersPerTeam
            : Math.Max(2, (int)Math.Round(options.EngineersPerTeam * rng.Uniform(0.7, 1.3)));

        var members = new List<SamplePerson>(size);
        for (var m = 0; m < size; m++)
        {
            members.Add(people.Engineer(hours, options.Weeks, start, showcase, m, RemoteZones));
        }

        var profile = PlanProfile(index, rng, showcase);
        var repositories = PlanRepositories(index, name, size, hours, rng, uncatalogued);
        return new SampleTeam(index, name, Title(name), hours, profile, members,
            showcase ? PersonFactory.Outsiders(hours) : null, repositories);
    }

    private static TeamProfile PlanProfile(int index, SamplePrng rng, bool showcase)
    {
        var cadence = Cadences[index % Cadences.Length];
        var baseRate = cadence switch
        {
            DeployCadence.OnMerge => 0.04,
            DeployCadence.TwiceDaily => 0.07,
            DeployCadence.Daily => 0.09,
            DeployCadence.Weekly => 0.14,
            _ => 0.2,
        };
        // Every fifth team (from the fourth) is struggling: more than twice the usual failure rate.
        var troubled = index % 5 == 3 ? 2.2 : 1.0;
        var slowReviews = index % 4 == 2 ? 2.5 : 1.0;
        var trunkBased = cadence == DeployCadence.OnMerge && index % 3 == 0;
        return new TeamProfile(
            cadence,
            baseRate * troubled * rng.Uniform(0.7, 1.3),
            rng.LogNormal(2.0, 0.35) * slowReviews,
            rng.LogNormal(1.07, 0.15),
            trunkBased ? 0.35 : 0.08,
            showcase);
    }

    private static List<SampleRepository> PlanRepositories(
        int team, string name, int size, WorkingHours hours, SamplePrng rng, bool uncataloguedLast)
    {
        var count = team <= 1 ? 2 : size >= 24 ? 3 : size >= 8 ? 2 : 1;
        var repositories = new List<SampleRepository>(count);
        for (var r = 0; r < count; r++)
        {
            var twoServices = r == 0 && team % 5 == 0;
            var uncatalogued = uncataloguedLast && r == count - 1;
            var repoName = uncatalogued ? $"legacy-{name}-reports"
                : twoServices ? name
                : r switch { 0 => $"{name}-service", 1 => $"{name}-web", _ => $"{name}-jobs" };
            var serviceNames = uncatalogued ? [repoName]
                : twoServices ? [name.EndsWith("-api", StringComparison.Ordinal) ? name : $"{name}-api", $"{name}-worker"]
                : new[] { r switch { 0 => name, 1 => $"{name}-web", _ => $"{name}-jobs" } };
            var services = serviceNames
                .Select((service, s) => PlanService(service, repoName, team, r, s, hours, rng, uncatalogued))
                .ToList();
            var policy = team == 0
                ? (r == 0 ? MergePolicy.Mixed : MergePolicy.Squash)
                : rng.NextDouble() switch { < 0.4 => MergePolicy.Squash, < 0.7 => MergePolicy.MergeCommit, _ => MergePolicy.Mixed };
            var flaky = team == 0 ? r == 0 : rng.Chance(0.5);
            var renovate = team == 0 ? r == 1 : rng.Chance(0.5);
            var weight = count == 1 ? 1.0 : r == 0 ? 0.6 : 0.4 / (count - 1);
            // The legacy repository never moved off "master".
            repositories.Add(new SampleRepository(
                repoName, uncatalogued ? "master" : "main", policy, flaky, renovate, weight, services));
        }
        return repositories;
    }

    private static SampleService PlanService(
        string name, string repoName, int team, int repo, int service, WorkingHours hours, SamplePrng rng, bool uncatalogued)
    {
        string[] production;
        string? pattern = null;
        if (team == 0 && repo == 1)
        {
            // Two regions, each its own production environment: the pattern tells DevEx both are production.
            production = ["prod-eu", "prod-us"];
            pattern = "^prod-(eu|us)$";
        }
        else if (team == 4 && repo == 0 && service == 0)
        {
            production = ["live"];
            pattern = "^live$";
        }
        else if (team == 2 && repo == 0)
        {
            production = ["Production"];
        }
        else
        {
            production = [rng.Chance(0.75) ? "production" : "prod"];
        }
        var template = team % 2 == 0 && !uncatalogued ? "template:default/golden-path-service" : null;
        var localTimestamps = team % 3 == 1 ? hours : null;
        return new SampleService(name, $"{SampleNames.Owner}/{repoName}", production, "staging", pattern,
            !uncatalogued, template, localTimestamps);
    }

    private static string Title(string name) =>
        string.Join(' ', name.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
