using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Git;
using DevEx.Server.Cli;
using DevEx.Store;
using DevEx.Store.Queries;
using LibGit2Sharp;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests.Cli;

/// <summary>
/// <c>devex import-git</c> end to end: a repository written with libgit2 in a temp folder, imported, derived, and read
/// back through the DORA and explain services. The history (week of Monday 2026-02-02; authors in +02:00):
/// <code>
///  c1 ── c2 ──── c3 ── m1 ── c4        main = c4; m1 = merge of feature, parents [c3, f2]
///         \            /
///          f1 ────── f2                feature = f2
/// </code>
/// c1 Mon 10:00+02 (08:00Z) · c2 Mon 12:00+02 (10:00Z) · f1 Tue 09:00+02 (07:00Z) · f2 Tue 11:00+02 (09:00Z)
/// c3 Tue 10:00+02 (08:00Z) · m1 authored Tue 14:00+02 (12:00Z), committed Tue 16:00+02 (14:00Z) · c4 Wed 09:00+02 (07:00Z)
/// Tags: v1.0.0 annotated on c2 at 2026-02-02T06:00-05:00 (Mon 11:00Z); v1.1.0 lightweight on m1 (m1's committer
/// time, Tue 14:00Z); v1.2.0 annotated on c4 at 2026-02-05T10:00+02:00 (Thu 08:00Z); nightly on c4 does not match.
/// </summary>
public sealed class ImportGitCommandTests : IDisposable
{
    private const string Pattern = @"^v\d+\.\d+\.\d+$";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "import-git-" + Guid.NewGuid().ToString("N"));
    private readonly string repositoryPath;
    private readonly string databasePath;
    private readonly Dictionary<string, string> sha = [];

    public ImportGitCommandTests()
    {
        repositoryPath = Path.Combine(directory, "shop");
        databasePath = Path.Combine(directory, "devex.duckdb");
        Repository.Init(repositoryPath);
        using var repository = new Repository(repositoryPath);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
        Commit Add(string name, string at, Commit[] parents, string? committedAt = null)
        {
            var author = Sign("Ann", "ann@example.com", at);
            var tree = new TreeDefinition().Add(name + ".txt", repository.ObjectDatabase.CreateBlob(new MemoryStream([(byte)name[^1]])), Mode.NonExecutableFile);
            var commit = repository.ObjectDatabase.CreateCommit(author, committedAt is null ? author : Sign("Ann", "ann@example.com", committedAt),
                $"Change {name}", repository.ObjectDatabase.CreateTree(tree), parents, prettifyMessage: false);
            sha[name] = commit.Sha;
            return commit;
        }
        var c1 = Add("c1", "2026-02-02T10:00:00+02:00", []);
        var c2 = Add("c2", "2026-02-02T12:00:00+02:00", [c1]);
        var f1 = Add("f1", "2026-02-03T09:00:00+02:00", [c2]);
        var f2 = Add("f2", "2026-02-03T11:00:00+02:00", [f1]);
        var c3 = Add("c3", "2026-02-03T10:00:00+02:00", [c2]);
        var m1 = Add("m1", "2026-02-03T14:00:00+02:00", [c3, f2], committedAt: "2026-02-03T16:00:00+02:00");
        var c4 = Add("c4", "2026-02-04T09:00:00+02:00", [m1]);
        repository.Refs.Add("refs/heads/main", c4.Id);
        repository.Refs.Add("refs/heads/feature", f2.Id);
        repository.Tags.Add("v1.0.0", c2, Sign("Cat", "cat@example.com", "2026-02-02T06:00:00-05:00"), "Release 1.0.0");
        repository.Tags.Add("v1.1.0", m1);
        repository.Tags.Add("v1.2.0", c4, Sign("Cat", "cat@example.com", "2026-02-05T10:00:00+02:00"), "Release 1.2.0");
        repository.Tags.Add("nightly", c4);
    }

    private static Signature Sign(string name, string email, string at) =>
        new(name, email, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        Directory.Delete(directory, recursive: true);
    }

    private static readonly MetricWindow Week = new(new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 9), DateTimeZone.Utc);

    private (GitImportSummary Import, DerivationSummary Derived) ImportAndDerive(DuckDbDatabase db)
    {
        var import = new GitCollector().Run(db, new FakeClock(Instant.FromUtc(2026, 2, 11, 12, 0)),
            new GitCollectorOptions(repositoryPath, "acme/shop", Pattern), CancellationToken.None);
        return (import, new DerivationRunner(db, new MetricOptions()).Run());
    }

    [Fact]
    public void Tags_become_deployments_with_change_sets_and_lead_times()
    {
        using var db = DuckDbDatabase.OpenAndMigrate(databasePath);

        var (import, derived) = ImportAndDerive(db);

        // c1 c2 f1 f2 c3 m1 c4 = 7 commits, m1 the one merge; 4 tags, 3 match.
        Assert.Equal((7, 1, 4, 3, 3), (import.Commits, import.MergeCommits, import.Tags, import.TagsMatched, import.Deployments));
        // Changes: v1.1.0 ships c3 f1 f2 m1 (4), v1.2.0 ships c4 (1); v1.0.0 is the first deployment and ships none.
        Assert.Equal((3, 5, 0), (derived.ProductionDeployments, derived.Changes, derived.FailedDeployments));
        var explain = new ExplainService(new QueryRunner(db));
        var deployments = explain.Deployments(Week, MetricScope.Org).OrderBy(d => d.FinishedAt).ToList();
        Assert.Equal(["git:acme/shop:v1.0.0", "git:acme/shop:v1.1.0", "git:acme/shop:v1.2.0"], deployments.Select(d => d.Id));
        Assert.Equal([Instant.FromUtc(2026, 2, 2, 11, 0), Instant.FromUtc(2026, 2, 3, 14, 0), Instant.FromUtc(2026, 2, 5, 8, 0)],
            deployments.Select(d => d.FinishedAt));
        Assert.Equal([sha["c2"], sha["m1"], sha["c4"]], deployments.Select(d => d.Sha));
        Assert.All(deployments, d => Assert.Equal("shop", d.Service));
        Assert.True(deployments[0].IsFirst);
        // Change sets: m1 and not c2 = {c3, f1, f2, m1}; c4 and not m1 = {c4}.
        Assert.Equal([0, 4, 1], deployments.Select(d => d.ChangeSetSize));
        Assert.Empty(ChangeSet(db, "git:acme/shop:v1.0.0"));
        Assert.Equal(new[] { sha["c3"], sha["f1"], sha["f2"], sha["m1"] }.Order(), ChangeSet(db, "git:acme/shop:v1.1.0"));
        Assert.Equal([sha["c4"]], ChangeSet(db, "git:acme/shop:v1.2.0"));
    }

    private static IEnumerable<string> ChangeSet(DuckDbDatabase db, string deployment) =>
        new QueryRunner(db).RunSql<string>("SELECT sha FROM d_deployment_commits WHERE deployment_id = $id ORDER BY sha", new { id = deployment });

    [Fact]
    public void Lead_time_is_deployment_finish_minus_authored_time_and_frequency_counts_the_window()
    {
        using var db = DuckDbDatabase.OpenAndMigrate(databasePath);
        ImportAndDerive(db);

        // v1.1.0 finished Tue 14:00Z: c3 (08:00Z) 6 h, f1 (07:00Z) 7 h, f2 (09:00Z) 5 h, m1 (authored 12:00Z) 2 h.
        // v1.2.0 finished Thu 08:00Z: c4 (Wed 07:00Z) 25 h.
        var changes = new ExplainService(new QueryRunner(db)).Changes(Week, MetricScope.Org).ToDictionary(c => c.Ref);
        Assert.Equal(5, changes.Count);
        string[] inFinishOrder = ["c3", "f1", "f2", "m1", "c4"];
        Assert.Equal([6.0, 7.0, 5.0, 2.0, 25.0], inFinishOrder.Select(c => changes[sha[c]].LeadTimeHours));
        Assert.Equal("git:acme/shop:v1.2.0", changes[sha["c4"]].DeploymentId);
        var dora = new DoraMetricsService(new QueryRunner(db), new DoraLevels(new DoraLevelThresholds())).Get(Week, MetricScope.Org);
        // Deployments Mon, Tue, Thu: 3 in the week, on 3 days.
        Assert.Equal((3L, 3.0, 3L), (dora.DeploymentFrequency.Deployments, dora.DeploymentFrequency.PerWeek, dora.DeploymentFrequency.DeployDays));
        // Sorted 2, 5, 6, 7, 25: median 6; p75 at rank 0.75 * 4 = 3 → 7; p90 at rank 3.6 → 7 + 0.6 * (25 - 7) = 17.8.
        var lead = dora.ChangeLeadTime;
        Assert.Equal(5L, lead.SampleSize);
        Assert.Equal(6.0, lead.MedianHours);
        Assert.Equal(7.0, lead.P75Hours);
        Assert.Equal(17.8, lead.P90Hours!.Value, 9);
        Assert.Equal((0L, 3L), (dora.ChangeFailRate.FailedDeployments, dora.ChangeFailRate.Deployments));
    }

    [Fact]
    public void Importing_again_gives_identical_rows()
    {
        using var db = DuckDbDatabase.OpenAndMigrate(databasePath);
        ImportAndDerive(db);
        var first = Dump(db);

        ImportAndDerive(db);

        Assert.Equal(first, Dump(db));
    }

    private static string Dump(DuckDbDatabase db) => string.Join('\n', new QueryRunner(db).RunSql<string>("""
        SELECT 'c|' || sha || '|' || parents::VARCHAR || '|' || author || '|' || authored_at::VARCHAR || '|' || committed_at::VARCHAR || '|' || source FROM commits
        UNION ALL SELECT 'd|' || id || '|' || service || '|' || sha || '|' || finished_at::VARCHAR || '|' || source FROM deployments
        UNION ALL SELECT 'r|' || repo || '|' || default_branch || '|' || source FROM repositories
        UNION ALL SELECT 'x|' || ref || '|' || deployment_id || '|' || lead_time_hours::VARCHAR FROM d_changes
        UNION ALL SELECT 'k|' || deployment_id || '|' || sha FROM d_deployment_commits
        ORDER BY 1
        """, new { }));

    [Fact]
    public void The_command_prints_the_summary_and_exits_0()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = ImportGitCommand.Run(new GitCollectorOptions(repositoryPath, "acme/shop", Pattern), databasePath, output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("commits         7", lines);
        Assert.Contains("merge commits   1", lines);
        Assert.Contains(@"tags matched    3 of 4 ('^v\d+\.\d+\.\d+$')", lines);
        Assert.Contains("deployments     3 (service shop, environment production)", lines);
        Assert.Contains(lines, l => l.StartsWith("derived (whole database): 3 production deployments, 5 changes, 0 failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Running_again_with_a_corrected_pattern_removes_and_names_the_stray_deployments()
    {
        using (var repository = new Repository(repositoryPath))
        {
            repository.Tags.Add("crate-x-v0.9", sha["c1"]);
        }
        var (output, error) = (new StringWriter(), new StringWriter());
        // Unanchored 'v\d' matches v1.0.0 v1.1.0 v1.2.0 and crate-x-v0.9: 4 of the 5 tags (nightly does not), two schemes.
        Assert.Equal(0, ImportGitCommand.Run(new GitCollectorOptions(repositoryPath, "acme/shop", @"v\d"), databasePath, output, error));
        var first = Lines(output);
        Assert.Contains(@"tags matched    4 of 5 ('v\d')", first);
        Assert.Contains(first, l => l.StartsWith("warning: the pattern matches tags of 2 naming schemes: vN.N.N (3, e.g. v1.0.0), crate-x-vN.N (1, e.g. crate-x-v0.9).", StringComparison.Ordinal));

        output = new StringWriter();
        Assert.Equal(0, ImportGitCommand.Run(new GitCollectorOptions(repositoryPath, "acme/shop", Pattern), databasePath, output, error));

        var second = Lines(output);
        Assert.Contains("removed 1 deployments no longer matching the pattern: crate-x-v0.9", second);
        Assert.DoesNotContain(second, l => l.StartsWith("warning:", StringComparison.Ordinal));
        // The three release tags are left: 3 production deployments.
        Assert.Contains(second, l => l.StartsWith("derived (whole database): 3 production deployments", StringComparison.Ordinal));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void A_glob_typed_as_the_pattern_is_called_out()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        // 'v*' is "zero or more v": it matches all 4 tags, nightly included.
        Assert.Equal(0, ImportGitCommand.Run(new GitCollectorOptions(repositoryPath, "acme/shop", "v*"), databasePath, output, error));

        var lines = Lines(output);
        Assert.Contains("tags matched    4 of 4 ('v*')", lines);
        Assert.Contains(lines, l => l.StartsWith("warning: 'v*' is a regular expression, not a glob: it matched every tag.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_help_says_the_pattern_is_a_regular_expression()
    {
        var option = ImportGitCommand.Create().Options.Single(o => o.Name == "--deployments-from-tags");
        Assert.Contains("regular expression (not a glob: 'v*' matches every tag)", option.Description);
    }

    private static List<string> Lines(StringWriter output) => output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();

    [Fact]
    public async Task The_verb_is_wired_into_the_command_line()
    {
        Assert.True(DevExCommandLine.IsCommand(["import-git"]));

        var exit = await DevExCommandLine.RunAsync(["import-git", repositoryPath, "--repo", "acme/shop", "--deployments-from-tags", Pattern,
            "--service", "web", "--environment", "staging", "--db", databasePath]);

        Assert.Equal(0, exit);
        using var db = new DuckDbDatabase(databasePath);
        Assert.Equal(["web|staging"], new QueryRunner(db).RunSql<string>("SELECT DISTINCT service || '|' || environment FROM deployments", new { }));
    }

    [Fact]
    public void A_folder_that_is_not_a_repository_exits_2_with_one_line_and_no_database()
    {
        var plain = Path.Combine(directory, "plain");
        Directory.CreateDirectory(plain);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = ImportGitCommand.Run(new GitCollectorOptions(plain, "acme/shop", Pattern), databasePath, output, error);

        Assert.Equal(2, exit);
        Assert.Equal($"'{plain}' is not a git repository: give the top folder of a clone (the one holding .git) or a bare repository.{Environment.NewLine}", error.ToString());
        Assert.False(File.Exists(databasePath));
    }

    [Fact]
    public void An_invalid_tag_pattern_exits_2_with_one_line()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = ImportGitCommand.Run(new GitCollectorOptions(repositoryPath, "acme/shop", "(v"), databasePath, output, error);

        Assert.Equal(2, exit);
        var message = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The tag pattern '(v' is not a valid .NET regular expression: ", message);
        Assert.False(File.Exists(databasePath));
    }
}
