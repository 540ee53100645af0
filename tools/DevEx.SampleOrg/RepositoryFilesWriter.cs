using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// repository_files.ndjson: the history of the files the golden-path scorecard reads. Every catalogued repository got
/// its catalog-info.yaml (the Components of catalog/components.yaml it holds) and a ci.yml with its own build steps
/// 10 to 15 weeks before the window; its ci.yml then switched to the platform's reusable workflow when
/// <see cref="PlatformAdoption"/> says (one took @v1 first and upgraded later; some never switched). The platform's
/// repository has the workflow itself, v1 long before the window and v2 before any service adopted it. Commit ids
/// are drawn, not those of commits.ndjson: these commits touch only files the sample has no other record of.
/// </summary>
internal static class RepositoryFilesWriter
{
    private const string CatalogInfo = "catalog-info.yaml";
    private const string Ci = ".github/workflows/ci.yml";

    private const string OwnBuild = """
        name: CI
        on:
          push:
            branches: [main]
          pull_request:
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
              - run: dotnet test

        """;

    public static int Write(string path, SampleOrganisation organisation, IReadOnlyList<PlatformAdoption> adoptions)
    {
        var rng = SamplePrng.For(organisation.Seed, "repository-files");
        using var output = new NdjsonWriter(path);
        WritePlatform(output, organisation, rng);
        var number = 0;
        var byRepository = adoptions.ToDictionary(a => a.Repository.FullName, StringComparer.Ordinal);
        foreach (var team in organisation.Teams)
        {
            foreach (var repository in team.Repositories)
            {
                var first = Commit(organisation, -10 - rng.Next(0, 6), rng);
                var components = CatalogWriter.ComponentsOf(team, repository, ref number);
                if (components.Count > 0)
                {
                    Version(output, repository, CatalogInfo, first, CatalogWriter.Text(components));
                }
                Version(output, repository, Ci, first, OwnBuild.Replace("[main]", $"[{repository.DefaultBranch}]", StringComparison.Ordinal));
                var adoption = byRepository[repository.FullName];
                if (adoption.Week is { } week)
                {
                    var version = adoption.UpgradeWeek is null ? adoption.Version : "v1";
                    Version(output, repository, Ci, Commit(organisation, week, rng), Shared(repository, version));
                }
                if (adoption.UpgradeWeek is { } upgrade)
                {
                    Version(output, repository, Ci, Commit(organisation, upgrade, rng), Shared(repository, adoption.Version));
                }
            }
        }
        return output.Count;
    }

    private static void WritePlatform(NdjsonWriter output, SampleOrganisation organisation, SamplePrng rng)
    {
        var platform = OrganisationHierarchy.PlatformRepository;
        var v1 = Commit(organisation, -40, rng);
        Version(output, platform, CatalogInfo, v1, CatalogWriter.Text([CatalogWriter.PlatformComponent()]));
        Version(output, platform, OrganisationHierarchy.SharedWorkflow, v1, Reusable(cache: false));
        Version(output, platform, OrganisationHierarchy.SharedWorkflow, Commit(organisation, -14, rng), Reusable(cache: true));
    }

    /// <summary>The reusable workflow; v2 added dependency caching (the reason services were asked to move to it).</summary>
    private static string Reusable(bool cache) => $$$"""
        name: Build
        on:
          workflow_call:
            inputs:
              dotnet-version:
                type: string
                default: "10.0.x"
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: ${{ inputs.dotnet-version }}{{{(cache ? "\n          cache: true" : "")}}}
              - run: dotnet test

        """;

    private static string Shared(SampleRepository repository, string version) => $"""
        name: CI
        on:
          push:
            branches: [{repository.DefaultBranch}]
          pull_request:
        jobs:
          build:
            uses: {OrganisationHierarchy.PlatformRepository.FullName}/{OrganisationHierarchy.SharedWorkflow}@{version}
            secrets: inherit

        """;

    /// <summary>A commit on the Tuesday of week <paramref name="week"/> of the window (negative: before it), in working hours UTC.</summary>
    private static (string Sha, Instant At) Commit(SampleOrganisation organisation, int week, SamplePrng rng) =>
        (rng.NextSha(), organisation.Start + Duration.FromDays((7 * week) + 1) + Duration.FromMinutes(rng.Next(9 * 60, 17 * 60)));

    private static void Version(NdjsonWriter output, SampleRepository repository, string path, (string Sha, Instant At) commit, string content)
    {
        var json = output.BeginRecord();
        json.WriteString("repo", repository.FullName);
        json.WriteString("path", path);
        json.WriteString("commit", commit.Sha);
        json.Timestamp("committedAt", commit.At);
        json.WriteString("content", content);
        output.EndRecord();
    }
}
