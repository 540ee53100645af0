using DevEx.Analytics.Adoption;

namespace DevEx.Analytics.Tests.Adoption;

/// <summary>
/// Scorecard files and each check kind against real workflow files (RoadieHQ/roadie-backstage-plugins, Fixtures/SOURCES.md):
/// changeset.yml line 24 and main.yml line 30 both use backstage/actions/yarn-install@v0.5.9.
/// </summary>
public sealed class ScorecardTests
{
    private const string Card = """
        id: node-golden-path
        title: Node golden path
        appliesTo:
          types: [service, website]
        checks:
          - id: shared-install
            title: Installs with the platform's yarn action
            kind: workflow-uses
            uses: backstage/actions/yarn-install
            version: '^v0\.5\.'
          - id: codeowners
            kind: file-exists
            path: .github/CODEOWNERS
          - id: node-20
            kind: file-contains
            path: .github/workflows/*.yml
            pattern: 'node-version: \[20\]'
          - id: techdocs
            kind: annotation
            annotation: backstage.io/techdocs-ref
          - id: in-production
            kind: component-field
            field: spec.lifecycle
            pattern: '^production$'
          - id: fast-lead-time
            kind: metric
            metric: change_lead_time_median_hours
            below: 24
        levels:
          - name: bronze
            checks: [shared-install, in-production]
          - name: silver
            checks: [techdocs]
          - name: gold
            checks: [fast-lead-time, codeowners]
        """;

    private static Scorecard Read(string yaml = Card)
    {
        var (card, problems) = ScorecardReader.Read(new StringReader(yaml), "scorecards/node.yaml");
        Assert.Empty(problems);
        return card!;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "adoption", name));

    private static ComponentSnapshot Web(double? leadTime = 20) => new("component:default/web",
        [
            new RepositoryFile("acme/web", ".github/workflows/changeset.yml", Fixture("roadie-changeset.yml"), "c0ffee1"),
            new RepositoryFile("acme/web", ".github/workflows/main.yml", Fixture("roadie-main.yml"), "c0ffee1"),
        ],
        new Dictionary<string, string> { ["github.com/project-slug"] = "acme/web" },
        new Dictionary<string, string> { ["spec.lifecycle"] = "production", ["spec.type"] = "website" },
        (metric, weeks) => metric == MetricThresholds.LeadTimeMedianHours && weeks == 4 ? leadTime : null);

    private static CheckResult Check(string id, ComponentSnapshot component) =>
        CheckEvaluator.Evaluate(Read().Checks.Single(c => c.Id == id), component);

    [Fact]
    public void A_step_using_the_platform_action_passes_with_its_file_line_and_commit()
    {
        // changeset.yml sorts before main.yml; its line 24 is `uses: backstage/actions/yarn-install@v0.5.9`.
        var result = Check("shared-install", Web());
        Assert.True(result.Passed);
        Assert.Equal(("acme/web", ".github/workflows/changeset.yml", 24, "c0ffee1"),
            (result.Evidence.Repo, result.Evidence.File, result.Evidence.Line, result.Evidence.Commit));
    }

    [Fact]
    public void The_same_action_at_another_version_fails_and_says_which_version_it_found()
    {
        var card = Read(Card.Replace(@"'^v0\.5\.'", @"'^v1\.'", StringComparison.Ordinal));
        var result = CheckEvaluator.Evaluate(card.Checks[0], Web());
        Assert.False(result.Passed);
        Assert.Equal((24, "uses backstage/actions/yarn-install@v0.5.9, not a version matching ^v1\\."), (result.Evidence.Line, result.Evidence.Detail));
    }

    [Fact]
    public void A_job_calling_a_reusable_workflow_is_a_use_too()
    {
        const string caller = "on: push\njobs:\n  ci:\n    uses: acme/platform/.github/workflows/ci.yml@v2.3.0\n    secrets: inherit\n";
        var uses = WorkflowUses.Read(caller);
        Assert.Equal([new WorkflowUse("acme/platform/.github/workflows/ci.yml", "v2.3.0", 4)], uses);
    }

    [Fact]
    public void File_checks_match_paths_by_glob_and_lines_by_pattern()
    {
        // Neither workflow has a CODEOWNERS file beside it; both run node-version: [18], none [20].
        Assert.False(Check("codeowners", Web()).Passed);
        var node = Check("node-20", Web());
        Assert.False(node.Passed);
        Assert.Equal("no line of .github/workflows/changeset.yml, .github/workflows/main.yml matches node-version: \\[20\\]", node.Evidence.Detail);
        var eighteen = CheckEvaluator.Evaluate(new ScorecardCheck("node-18", "node 18", CheckKind.FileContains, ".github/**/*.yml", @"node-version: \[18\]"), Web());
        Assert.Equal((true, ".github/workflows/changeset.yml", 14), (eighteen.Passed, eighteen.Evidence.File, eighteen.Evidence.Line));
    }

    [Fact]
    public void Catalog_and_metric_checks_read_the_entity_and_the_services_figure()
    {
        Assert.False(Check("techdocs", Web()).Passed);
        Assert.True(Check("in-production", Web()).Passed);
        Assert.True(Check("fast-lead-time", Web(leadTime: 20)).Passed);
        var slow = Check("fast-lead-time", Web(leadTime: 30));
        Assert.Equal((false, "change_lead_time_median_hours over the last 4 weeks: 30, not below 24"), (slow.Passed, slow.Evidence.Detail));
        Assert.False(Check("fast-lead-time", Web(leadTime: null)).Passed);
    }

    [Fact]
    public void A_level_needs_its_checks_and_every_level_before_it()
    {
        // web passes shared-install and in-production (bronze), not techdocs (silver): bronze, although it also passes
        // fast-lead-time of gold.
        var card = Read();
        Assert.Equal("bronze", card.LevelOf(new HashSet<string> { "shared-install", "in-production", "fast-lead-time" }));
        Assert.Equal("gold", card.LevelOf(card.Checks.Select(c => c.Id).ToHashSet()));
        Assert.Null(card.LevelOf(new HashSet<string> { "techdocs" }));
        Assert.True(card.AppliesTo.Admits("website", "production"));
        Assert.False(card.AppliesTo.Admits("library", "production"));
    }

    [Theory]
    [InlineData("id: Bad Id\nchecks: []\n", 1, "'id' is required")]
    [InlineData("id: x\nchecks:\n  - id: a\n    kind: teleport\n", 3, "'kind' must be one of")]
    [InlineData("id: x\nchecks:\n  - id: a\n    kind: file-contains\n    path: Dockerfile\n", 3, "needs 'pattern'")]
    [InlineData("id: x\nchecks:\n  - id: a\n    kind: metric\n    metric: lead_time\n    below: 1\n", 3, "no metric 'lead_time'")]
    [InlineData("id: x\nchecks:\n  - id: a\n    kind: file-exists\n    path: README.md\nlevels:\n  - name: gold\n    checks: [b]\n", 7, "names check 'b'")]
    [InlineData("id: x\nchecks:\n  - id: a\n    kind: annotation\n    annotation: x\n    pattern: '('\n", 3, "not a valid regular expression")]
    [InlineData("id: [unclosed\n", 2, "invalid YAML")] // the parser finds the list unclosed at the end of the file, line 2
    public void A_bad_file_is_refused_with_its_line_and_reason(string yaml, int line, string reason)
    {
        var (card, problems) = ScorecardReader.Read(new StringReader(yaml), "scorecards/bad.yaml");
        Assert.Null(card);
        var problem = Assert.Single(problems);
        Assert.Equal(("scorecards/bad.yaml", line), (problem.Source, problem.Line));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }
}

/// <summary>The sample organisation's golden path file reads without a problem, and a folder with a duplicate id keeps the first.</summary>
public sealed class ScorecardSetTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public ScorecardSetTests() => Directory.CreateDirectory(folder);

    [Fact]
    public void The_sample_golden_path_reads_with_three_levels()
    {
        var sample = Path.Combine(RepositoryRoot.Path, "sample-data", "scorecards");
        var set = ScorecardSet.Load(sample, ScorecardSet.List(sample).Files);
        Assert.Empty(set.Problems);
        var card = Assert.Single(set.Scorecards);
        Assert.Equal("shared-ci", card.Id);
        Assert.Equal(["bronze", "silver", "gold"], card.Levels.Select(l => l.Name));
    }

    [Fact]
    public void A_second_scorecard_of_the_same_id_is_named_and_left_out_and_a_bad_file_does_not_stop_the_others()
    {
        File.WriteAllText(Path.Combine(folder, "a.yaml"), "id: same\nchecks:\n  - id: x\n    kind: file-exists\n    path: README.md\n");
        File.WriteAllText(Path.Combine(folder, "b.yml"), "id: same\nchecks:\n  - id: y\n    kind: file-exists\n    path: LICENSE\n");
        File.WriteAllText(Path.Combine(folder, "c.yaml"), "id: broken\nchecks: 7\n");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a scorecard");
        var set = ScorecardSet.Load(folder, ScorecardSet.List(folder).Files);
        Assert.Equal("x", Assert.Single(set.Scorecards).Checks[0].Id);
        Assert.Equal(2, set.Problems.Count);
        Assert.Contains(set.Problems, p => p.Source.EndsWith("b.yml", StringComparison.Ordinal) && p.Reason.Contains("already declared", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p.Source.EndsWith("c.yaml", StringComparison.Ordinal) && p.Reason == "'checks' is a list");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
