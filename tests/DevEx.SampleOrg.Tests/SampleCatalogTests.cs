using static DevEx.SampleOrg.Tests.SampleData;

namespace DevEx.SampleOrg.Tests;

/// <summary>The Backstage catalog, and the people the data names that it does not.</summary>
public sealed class SampleCatalogTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private SampleData Data => fixture.Data;

    [Fact]
    public void Groups_carry_time_zone_and_working_hours()
    {
        Assert.Contains("kind: Group\nmetadata:\n  name: payments\n", Data.Groups, StringComparison.Ordinal);
        Assert.Contains("    devex.dev/timezone: \"Europe/Berlin\"\n", Data.Groups, StringComparison.Ordinal);
        Assert.Contains("    devex.dev/timezone: \"America/New_York\"\n", Data.Groups, StringComparison.Ordinal);
        Assert.Contains("    devex.dev/working-hours: \"Mon-Fri 09:00-17:00\"\n", Data.Groups, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_have_email_login_membership_and_sometimes_aliases_and_a_zone()
    {
        var users = Data.Users.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(fixture.Summary.People, users.Length);
        Assert.All(users, user =>
        {
            Assert.Contains("kind: User\n", user, StringComparison.Ordinal);
            Assert.Contains("    github.com/user-login: ", user, StringComparison.Ordinal);
            Assert.Contains("    email: ", user, StringComparison.Ordinal);
            Assert.Contains("  memberOf: [", user, StringComparison.Ordinal);
        });
        Assert.Contains(users, u => u.Contains("devex.dev/aliases", StringComparison.Ordinal));
        Assert.Contains(users, u => u.Contains("    devex.dev/timezone: \"Asia/Kolkata\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Components_point_at_repositories_and_one_service_has_no_component()
    {
        Assert.Equal("acme/payments", Data.ComponentAnnotation("payments-api", "github.com/project-slug"));
        Assert.Equal("acme/payments", Data.ComponentAnnotation("payments-worker", "github.com/project-slug"));
        Assert.Equal("^prod-(eu|us)$", Data.ComponentAnnotation("payments-web", "devex.dev/production-environments"));
        var uncatalogued = Data.Deployments.Select(d => Str(d, "service")).Distinct()
            .Where(s => !Data.Components.Contains($"  name: {s}\n", StringComparison.Ordinal)).ToList();
        var legacy = Assert.Single(uncatalogued);
        Assert.Contains(Data.Deployments, d => Str(d, "service") == legacy && Str(d, "repo") == $"acme/{legacy}");
    }

    [Fact]
    public void Commits_are_authored_by_email_and_pull_requests_by_login()
    {
        Assert.All(Data.Commits, c => Assert.Contains('@', Str(c, "author")));
        Assert.All(Data.PullRequests, p => Assert.DoesNotContain('@', Str(p, "author")));
    }

    [Fact]
    public void Some_authors_are_in_no_user_entity()
    {
        var known = Data.CatalogIdentities();
        var unknownEmails = Data.Commits.Select(c => Str(c, "author"))
            .Where(a => !known.Contains(a) && !a.Contains("[bot]", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("dana@northwind-consulting.example", unknownEmails);
        Assert.Contains("root@build-agent-07.ci.internal", unknownEmails);
        var logins = Data.PullRequests.Select(p => Str(p, "author"))
            .Concat(Data.PullRequests.SelectMany(p => p.GetProperty("reviews").EnumerateArray().Select(r => Str(r, "reviewer"))));
        Assert.Contains(logins, l => !known.Contains(l) && !l.EndsWith("[bot]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_appears_under_an_alias_the_catalog_lists()
    {
        var aliases = System.Text.RegularExpressions.Regex.Matches(Data.Users, "devex.dev/aliases: \"([^\"]*)\"")
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)).ToHashSet();
        Assert.Contains(Data.Commits, c => aliases.Contains(Str(c, "author")));
        Assert.Contains(Data.PullRequests, p => aliases.Contains(Str(p, "author"))
            || p.GetProperty("reviews").EnumerateArray().Any(r => aliases.Contains(Str(r, "reviewer"))));
    }
}
