using DevEx.Collectors.Git;
using DevEx.Collectors.Tests.Import;

namespace DevEx.Collectors.Tests.Git;

/// <summary>The collector end to end into a throw-away database: what it writes, writing it again, and refusing bad input.</summary>
public sealed class GitCollectorTests : IDisposable
{
    private readonly ImportTestDatabase db = new();
    private readonly TestGitRepository git = new();

    public GitCollectorTests() => GitScenario.Build(git);

    public void Dispose()
    {
        git.Dispose();
        db.Dispose();
    }

    private GitImportSummary Run(GitCollectorOptions options) => new GitCollector().Run(db.Database, db.Clock, options);

    private GitImportSummary RunScenario() => Run(new GitCollectorOptions(git.Path, "acme/shop", GitScenario.Pattern));

    [Fact]
    public void Writes_the_repository_its_commits_and_tag_deployments()
    {
        git.Repository.Network.Remotes.Add("origin", "https://ann:secret@github.com/acme/shop.git");

        var summary = RunScenario();

        // See GitScenario: 10 commits, one merge (m1); 4 tags, 3 matching, all on commits.
        Assert.Equal((10, 1, 4, 3, 3, false), (summary.Commits, summary.MergeCommits, summary.Tags, summary.TagsMatched, summary.Deployments, summary.IsShallow));
        Assert.Empty(summary.Notes);
        Assert.Equal((10L, 3L), (db.Count("commits"), db.Count("deployments")));
        var source = "git:" + Path.GetFullPath(git.Path);
        Assert.Equal(source, summary.Source);
        // The credentials in the origin URL are not stored.
        Assert.Equal(("acme/shop", "main", "https://github.com/acme/shop.git", source),
            db.Query<(string, string, string, string)>("SELECT repo, default_branch, url, source FROM repositories").Single());
        Assert.Equal(0L, db.Scalar<long>($"SELECT count(*) FROM (SELECT source FROM commits UNION ALL SELECT source FROM deployments) WHERE source <> '{source}'"));
    }

    [Fact]
    public void Running_again_writes_the_same_rows()
    {
        RunScenario();
        var first = Dump();

        var second = RunScenario();

        Assert.Equal(first, Dump());
        Assert.Equal((10, 3), (second.Commits, second.Deployments));
    }

    private string Dump() => db.Scalar<string>("""
        SELECT (SELECT string_agg(concat_ws('|', repo, default_branch, url, source), '\n') FROM repositories) || '\n'
            || (SELECT string_agg(concat_ws('|', repo, sha, parents::VARCHAR, author, authored_at::VARCHAR, committed_at::VARCHAR, message, source), '\n' ORDER BY sha) FROM commits) || '\n'
            || (SELECT string_agg(concat_ws('|', id, service, repo, environment, sha, created_at::VARCHAR, finished_at::VARCHAR, status, source), '\n' ORDER BY id) FROM deployments)
        """);

    [Fact]
    public void A_corrected_pattern_replaces_the_tag_deployments_of_the_repository()
    {
        // Two crate tags beside the scenario's v1.0.0, v1.1.0, v1.2.0 (and nightly): the unanchored 'v\d' matches all
        // five release-or-crate tags; the anchored scenario pattern only the three releases.
        git.Repository.Tags.Add("crate-x-v0.1", git.Repository.Tags["v1.0.0"].Target.Peel<LibGit2Sharp.Commit>());
        git.Repository.Tags.Add("crate-x-v0.2", git.Repository.Tags["v1.2.0"].Target.Peel<LibGit2Sharp.Commit>());
        var loose = Run(new GitCollectorOptions(git.Path, "acme/shop", @"v\d"));
        Assert.Equal((6, 5, 5L), (loose.Tags, loose.Deployments, db.Count("deployments")));
        Assert.Empty(loose.RemovedDeployments);
        // Shapes: v1.0.0 v1.1.0 v1.2.0 → vN.N.N (3); crate-x-v0.1 crate-x-v0.2 → crate-x-vN.N (2).
        Assert.Equal([new TagScheme("vN.N.N", 3, "v1.0.0"), new TagScheme("crate-x-vN.N", 2, "crate-x-v0.1")], loose.Schemes);

        var corrected = RunScenario();

        Assert.Equal(["crate-x-v0.1", "crate-x-v0.2"], corrected.RemovedDeployments);
        Assert.Equal([new TagScheme("vN.N.N", 3, "v1.0.0")], corrected.Schemes);
        Assert.Equal(["git:acme/shop:v1.0.0", "git:acme/shop:v1.1.0", "git:acme/shop:v1.2.0"], db.Query<string>("SELECT id FROM deployments ORDER BY id"));
    }

    [Fact]
    public void A_run_without_a_pattern_or_of_another_repository_keeps_the_tag_deployments()
    {
        RunScenario();

        var commitsOnly = Run(new GitCollectorOptions(git.Path, "acme/shop"));
        var other = Run(new GitCollectorOptions(git.Path, "acme/other", "^nothing-matches$"));

        Assert.Equal((0, 0), (commitsOnly.RemovedDeployments.Count, other.RemovedDeployments.Count));
        // The 3 of acme/shop stay; acme/other has none (its pattern matched no tag).
        Assert.Equal(3L, db.Count("deployments"));
    }

    [Theory]
    [InlineData("v1.2.0", "vN.N.N")]
    [InlineData("v10.20.300", "vN.N.N")]
    [InlineData("crate-x-1.0", "crate-x-N.N")]
    [InlineData("v2.0.0-rc.1", "vN.N.N-rc.N")]
    [InlineData("nightly", "nightly")]
    [InlineData("2026.02", "N.N")]
    public void A_tag_s_scheme_is_its_name_with_every_run_of_digits_as_N(string tag, string shape) =>
        Assert.Equal(shape, TagSchemes.ShapeOf(tag));

    [Fact]
    public void Without_a_tag_pattern_only_commits_are_written()
    {
        var summary = Run(new GitCollectorOptions(git.Path, "acme/shop"));

        Assert.Equal((10, 0, 0), (summary.Commits, summary.TagsMatched, summary.Deployments));
        Assert.Equal(0L, db.Count("deployments"));
    }

    [Fact]
    public void A_bare_repository_is_read_like_a_clone()
    {
        using var bare = new TestGitRepository(bare: true);
        GitScenario.Build(bare);

        var summary = Run(new GitCollectorOptions(bare.Path, "acme/shop", GitScenario.Pattern));

        Assert.Equal((10, 3, "main"), (summary.Commits, summary.Deployments, summary.DefaultBranch));
    }

    [Fact]
    public void A_shallow_clone_is_read_with_its_missing_history_absent_and_noted()
    {
        // l1 ── l2 ── l3 on main, then made what `git clone --depth 2` leaves (libgit2 cannot shallow-clone a local
        // path): .git/shallow names the boundary commit l2, and l1's object is not there.
        using var shallow = new TestGitRepository();
        var ann = TestGitRepository.Sign("Ann", "ann@example.com", "2026-02-02T10:00:00+02:00");
        var l1 = shallow.Commit("l1", ann, []);
        var l2 = shallow.Commit("l2", ann, [l1]);
        var l3 = shallow.Commit("l3", ann, [l2]);
        shallow.Ref("main", l3);
        File.WriteAllText(Path.Combine(shallow.Path, ".git", "shallow"), l2.Sha + "\n");
        var l1Object = Path.Combine(shallow.Path, ".git", "objects", l1.Sha[..2], l1.Sha[2..]);
        File.SetAttributes(l1Object, FileAttributes.Normal);
        File.Delete(l1Object);

        var summary = Run(new GitCollectorOptions(shallow.Path, "acme/shop"));

        Assert.True(summary.IsShallow);
        Assert.Contains("shallow", Assert.Single(summary.Notes));
        Assert.Equal(2, summary.Commits);
        Assert.Equal(new[] { l2.Sha, l3.Sha }.Order(), db.Query<string>("SELECT sha FROM commits").Order());
        Assert.Equal("[]", db.Scalar<string>($"SELECT parents::VARCHAR FROM commits WHERE sha = '{l2.Sha}'"));
    }

    [Fact]
    public void A_folder_that_is_not_a_repository_is_refused_by_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "devex-tests", "plain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var error = Assert.Throws<GitCollectorException>(() => Run(new GitCollectorOptions(folder, "acme/shop")));

            Assert.Equal($"'{folder}' is not a git repository: give the top folder of a clone (the one holding .git) or a bare repository.", error.Message);
            Assert.Equal(0L, db.Count("commits"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_is_refused_by_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "devex-tests", "missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<GitCollectorException>(() => Run(new GitCollectorOptions(missing, "acme/shop")));

        Assert.Equal($"'{missing}' does not exist.", error.Message);
    }

    [Fact]
    public void An_invalid_tag_pattern_is_refused_by_name()
    {
        var error = Assert.Throws<GitCollectorException>(() => Run(new GitCollectorOptions(git.Path, "acme/shop", "v[0-9")));

        Assert.StartsWith("The tag pattern 'v[0-9' is not a valid .NET regular expression: ", error.Message);
        Assert.Equal(0L, db.Count("commits"));
    }

    [Theory]
    [InlineData("shop")]
    [InlineData("acme/shop/web")]
    [InlineData("acme/ shop")]
    [InlineData("/shop")]
    public void A_repository_name_not_of_the_form_owner_name_is_refused(string repo)
    {
        var error = Assert.Throws<GitCollectorException>(() => Run(new GitCollectorOptions(git.Path, repo)));

        Assert.Equal($"The repository name '{repo}' is not of the form owner/name (e.g. acme/shop).", error.Message);
    }
}
