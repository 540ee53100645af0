using LibGit2Sharp;

namespace DevEx.Collectors.Tests.Git;

/// <summary>
/// The known history the git tests read (week of Monday 2026-02-02; authors in +02:00, so 10:00+02:00 = 08:00Z):
/// <code>
///  c1 ── c2 ──────── c3 ── m1 ── c4 ── w1          main = c4, wip = w1
///         │ \             /       \
///         │  f1 ─────── f2         n1              feature = f2; n1 only under tag "nightly"
///         s1                                       refs/remotes/origin/spike = s1
/// </code>
/// c1 Ann Mon 10:00+02 (08:00Z) · c2 Bob@Example.COM Mon 12:00+02 (10:00Z) · s1 Bob Mon 15:00+02 (13:00Z)
/// f1 Ann Tue 09:00+02 (07:00Z) · f2 Ann Tue 11:00+02 (09:00Z) · c3 Bob Tue 10:00+02 (08:00Z)
/// m1 merge of feature into main, parents [c3, f2], authored Tue 14:00+02 (12:00Z), committed Tue 16:00+02 (14:00Z)
/// c4 Ann Wed 09:00+02 (07:00Z) · n1 Ann Wed 20:00+02 (18:00Z) · w1 Ann Thu 09:00+02 (07:00Z)
/// Tags: v1.0.0 annotated on c2, tagged by Cat 2026-02-02T06:00-05:00 (11:00Z); v1.1.0 lightweight on m1;
/// v1.2.0 annotated on c4, tagged 2026-02-05T10:00+02:00 (Thu 08:00Z); nightly lightweight on n1 (does not match).
/// </summary>
internal sealed class GitScenario
{
    public const string Pattern = @"^v\d+\.\d+\.\d+$";

    private GitScenario(TestGitRepository git)
    {
        Signature Ann(string at) => TestGitRepository.Sign("Ann", "ann@example.com", at);
        Signature Bob(string at) => TestGitRepository.Sign("Bob", "Bob@Example.COM", at);
        C1 = git.Commit("Initial commit", Ann("2026-02-02T10:00:00+02:00"), []);
        C2 = git.Commit("Add orders", Bob("2026-02-02T12:00:00+02:00"), [C1]);
        S1 = git.Commit("Spike caching", Bob("2026-02-02T15:00:00+02:00"), [C2]);
        F1 = git.Commit("Add search", Ann("2026-02-03T09:00:00+02:00"), [C2]);
        F2 = git.Commit("Search paging", Ann("2026-02-03T11:00:00+02:00"), [F1]);
        C3 = git.Commit("Fix totals", Bob("2026-02-03T10:00:00+02:00"), [C2]);
        M1 = git.Commit("Merge branch 'feature'", Bob("2026-02-03T14:00:00+02:00"), [C3, F2], Bob("2026-02-03T16:00:00+02:00"));
        C4 = git.Commit("Add export\n\nExports orders as CSV.\n", Ann("2026-02-04T09:00:00+02:00"), [M1]);
        N1 = git.Commit("Nightly build", Ann("2026-02-04T20:00:00+02:00"), [C4]);
        W1 = git.Commit("Work in progress", Ann("2026-02-05T09:00:00+02:00"), [C4]);
        git.Ref("main", C4);
        git.Ref("feature", F2);
        git.Ref("wip", W1);
        git.Ref("refs/remotes/origin/spike", S1);
        var tags = git.Repository.Tags;
        tags.Add("v1.0.0", C2, TestGitRepository.Sign("Cat", "cat@example.com", "2026-02-02T06:00:00-05:00"), "Release 1.0.0");
        tags.Add("v1.1.0", M1);
        tags.Add("v1.2.0", C4, TestGitRepository.Sign("Cat", "cat@example.com", "2026-02-05T10:00:00+02:00"), "Release 1.2.0");
        tags.Add("nightly", N1);
    }

    public Commit C1 { get; }
    public Commit C2 { get; }
    public Commit S1 { get; }
    public Commit F1 { get; }
    public Commit F2 { get; }
    public Commit C3 { get; }
    public Commit M1 { get; }
    public Commit C4 { get; }
    public Commit N1 { get; }
    public Commit W1 { get; }

    public static GitScenario Build(TestGitRepository git) => new(git);
}
