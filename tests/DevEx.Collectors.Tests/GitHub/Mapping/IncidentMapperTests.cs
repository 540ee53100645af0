using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class IncidentMapperTests
{
    private static readonly GitHubOptions BugsAreIncidents = new() { IncidentLabel = "bug" };

    [Fact]
    public void A_pull_request_in_the_issues_list_is_never_an_incident()
    {
        // issues.list-for-repo.json holds one item, labelled "bug", with a "pull_request" key: a pull request.
        var issue = Assert.Single(Read<List<Issue>>("github/issues.list-for-repo.json"));

        Assert.Null(IncidentMapper.Map("octocat/Hello-World", issue, BugsAreIncidents));
    }

    [Fact]
    public void An_issue_with_the_incident_label_is_an_incident_of_the_repositorys_service()
    {
        var issue = Read<Issue>("github-webhooks/issues/opened.payload.json", "issue");

        Assert.Equal(new IncidentRow("github:Codertocat/Hello-World#1", "Hello-World", At("2019-05-15T15:20:18Z"), null,
            "Spelling error in the README file", null, null, null, null, "github"),
            IncidentMapper.Map("Codertocat/Hello-World", issue, BugsAreIncidents));
        // With the default label ("incident") the same issue is just a bug.
        Assert.Null(IncidentMapper.Map("Codertocat/Hello-World", issue, new GitHubOptions()));
    }

    [Fact]
    public void Labels_name_the_service_and_severity_and_a_closed_issue_is_resolved()
    {
        var issue = Parse<Issue>("""
            {"number": 42, "title": "Checkout down", "state": "closed", "body": "Timeline...\nCaused by: #17\n",
             "created_at": "2024-05-01T10:00:00Z", "closed_at": "2024-05-01T11:30:00Z",
             "labels": [{"name": "Incident"}, {"name": "service: payments"}, {"name": "severity:SEV1"}]}
            """);

        Assert.Equal(new IncidentRow("github:acme/shop#42", "payments", At("2024-05-01T10:00:00Z"), At("2024-05-01T11:30:00Z"),
            "Checkout down", "SEV1", null, null, "acme/shop#17", "github"),
            IncidentMapper.Map("acme/shop", issue, new GitHubOptions()));
    }

    [Fact]
    public void A_not_caused_by_change_label_marks_the_incident_unless_the_body_names_a_cause()
    {
        var outage = Parse<Issue>("""
            {"number": 7, "title": "DNS provider outage", "state": "open", "body": "Provider status page is red.",
             "created_at": "2024-05-01T10:00:00Z", "labels": [{"name": "incident"}, {"name": "Infrastructure"}]}
            """);
        var named = Parse<Issue>("""
            {"number": 8, "title": "Checkout down", "state": "open", "body": "Caused by: #17",
             "created_at": "2024-05-01T10:00:00Z", "labels": [{"name": "incident"}, {"name": "Infrastructure"}]}
            """);

        var row = IncidentMapper.Map("acme/shop", outage, new GitHubOptions())!;
        Assert.Equal((false, "label Infrastructure"), (row.CausedByChange, row.CausedByChangeReason));
        var withCause = IncidentMapper.Map("acme/shop", named, new GitHubOptions())!;
        Assert.Equal(("acme/shop#17", null, null), (withCause.CausedByPr, withCause.CausedByChange, withCause.CausedByChangeReason));
        // Another label set: "infrastructure" is then just a label.
        var options = new GitHubOptions();
        options.NotCausedByChangeLabels.Clear();
        options.NotCausedByChangeLabels.Add("provider");
        Assert.Null(IncidentMapper.Map("acme/shop", outage, options)!.CausedByChange);
    }

    [Theory]
    [InlineData("Caused by: a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", null, "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", null)]
    [InlineData("caused-by: A84D88E", null, "a84d88e", null)]
    [InlineData("Some text\n  causedby : #123.", null, null, "acme/shop#123")]
    [InlineData("Caused by: acme/payments#9", null, null, "acme/payments#9")]
    [InlineData("Caused by: github:acme/shop:145988746", "github:acme/shop:145988746", null, null)]
    [InlineData("Caused by: a84d88", "a84d88", null, null)] // 6 hex digits: too short for a sha, so a deployment id
    [InlineData("No cause named", null, null, null)]
    public void The_body_names_the_cause(string body, string? deployment, string? sha, string? pr)
    {
        Assert.Equal((deployment, sha, pr), IncidentMapper.CausedBy("acme/shop", body, new GitHubOptions().CausedByPattern));
    }
}
