using System.Net;
using System.Text.Json;
using NodaTime;
using DevEx.Collectors.GitHub.Mapping;

namespace DevEx.Server.Tests.Webhooks;

/// <summary>
/// A real merged pull request (reallyfastci: webhook-pr-close.json, the merge's push webhook-push-to-master.json)
/// followed by two production deployments written for the test: lead time through the webhooks alone.
/// </summary>
public sealed class ReallyFastCiLeadTimeTests : IDisposable
{
    private const string Secret = "reallyfastci";
    private const string Repo = "ailisp/gcbapp-buildconfig-example";
    private const string FirstCommit = "7682a248ad73d204eb94d9eab840c6fe41b8963d";
    private const string MergeCommit = "a21683865c088b5fe1906cf6552d15a285a4986d";

    private readonly WebhookApp app = new(Instant.FromUtc(2019, 12, 2, 12, 0), Secret);
    private readonly WebhookPoster poster;

    public ReallyFastCiLeadTimeTests() => poster = new WebhookPoster(app);

    public void Dispose() => app.Dispose();

    private const string Repository = $$"""
        {"full_name": "{{Repo}}", "name": "gcbapp-buildconfig-example", "default_branch": "master",
         "html_url": "https://github.com/{{Repo}}"}
        """;

    private static string Deployment(long id, string sha, string createdAt, string payload = "{}") => $$"""
        {"id": {{id}}, "sha": "{{sha}}", "ref": "master", "task": "deploy", "environment": "production",
         "payload": {{payload}}, "created_at": "{{createdAt}}", "updated_at": "{{createdAt}}"}
        """;

    /// <summary>A deployment as GitHub announces it: created (no outcome), then a success status.</summary>
    private async Task Deploy(long id, string sha, string createdAt, string succeededAt, string payload = "{}")
    {
        var deployment = Deployment(id, sha, createdAt, payload);
        Assert.Equal(HttpStatusCode.Accepted, (await poster.Post("deployment",
            $$"""{"action": "created", "deployment": {{deployment}}, "repository": {{Repository}}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await poster.Post("deployment_status", $$"""
            {"action": "created",
             "deployment_status": {"id": {{id + 5000}}, "state": "success", "environment": "production", "target_url": "",
                                   "created_at": "{{succeededAt}}", "updated_at": "{{succeededAt}}"},
             "deployment": {{deployment}}, "repository": {{Repository}}}
            """)).StatusCode);
    }

    private async Task PostPullRequestThenPush()
    {
        var headers = WebhookPoster.RecordedHeaders("github-webhooks/reallyfastci/webhook-pr-close-header.txt");
        var close = await poster.Post(headers["x-github-event"], WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-pr-close.json"),
            headers["x-github-delivery"]);
        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        var push = await poster.Post("push", WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-push-to-master.json"));
        Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
    }

    [Fact]
    public async Task The_pull_request_is_merged_and_its_commits_are_known()
    {
        await PostPullRequestThenPush();

        Assert.Equal([(3, "byao1276", Instant.FromUtc(2019, 11, 26, 7, 1, 13), MergeCommit)],
            poster.Query<(int, string, DateTime, string)>("SELECT number, author, merged_at, merge_commit_sha FROM pull_requests")
                .Select(p => (p.Item1, p.Item2, Instant.FromDateTimeUtc(DateTime.SpecifyKind(p.Item3, DateTimeKind.Utc)), p.Item4)));
        // The push's five commits, chained: each one's parent is the commit pushed before it.
        Assert.Equal(5, poster.Count("commits"));
        Assert.Equal(["411a0fbb93b25e1ba1d7ef7d437315c2a411ed52"],
            poster.Query<string>($"SELECT unnest(parents) FROM commits WHERE sha = '7d1b24db3fde2747f9dadfb0f8abf0c8e6f40cad'"));
        // The four commits the merge brought are the pull request's (the head, 7b5a809, came with the PR event).
        Assert.Equal(["411a0fbb93b25e1ba1d7ef7d437315c2a411ed52", FirstCommit, "7b5a809ab03679215c55926f7d111156ec98b865",
            "7d1b24db3fde2747f9dadfb0f8abf0c8e6f40cad"],
            poster.Query<string>("SELECT sha FROM pull_request_commits WHERE number = 3 ORDER BY sha"));
    }

    [Fact]
    public async Task Pushed_before_the_pull_request_event_the_commits_are_found_down_from_its_head()
    {
        var headers = WebhookPoster.RecordedHeaders("github-webhooks/reallyfastci/webhook-pr-close-header.txt");
        await poster.Post("push", WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-push-to-master.json"));
        await poster.Post("pull_request", WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-pr-close.json"), headers["x-github-delivery"]);

        // The PR says "commits": 4 and its head is 7b5a809: four commits down the first parents of the stored chain.
        Assert.Equal(["411a0fbb93b25e1ba1d7ef7d437315c2a411ed52", FirstCommit, "7b5a809ab03679215c55926f7d111156ec98b865",
            "7d1b24db3fde2747f9dadfb0f8abf0c8e6f40cad"],
            poster.Query<string>("SELECT sha FROM pull_request_commits WHERE number = 3 ORDER BY sha"));
    }

    [Fact]
    public async Task A_ready_time_from_a_ready_for_review_event_survives_later_pull_request_events()
    {
        var closed = WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-pr-close.json");
        var ready = System.Text.Json.Nodes.JsonNode.Parse(closed)!;
        ready["action"] = "ready_for_review";
        ready["pull_request"]!["state"] = "open";
        ready["pull_request"]!["updated_at"] = "2019-11-14T09:30:00Z";
        await poster.Post("pull_request", ready.ToJsonString());

        await poster.Post("pull_request", closed);

        Assert.Equal([new DateTime(2019, 11, 14, 9, 30, 0)], poster.Query<DateTime>("SELECT ready_at FROM pull_requests"));
    }

    [Fact]
    public async Task An_inactive_status_keeps_a_superseded_success()
    {
        await PostPullRequestThenPush();
        await Deploy(1001, FirstCommit, "2019-11-04T11:55:00Z", "2019-11-04T12:00:00Z");

        // GitHub marks the deployment inactive when a newer one replaces it.
        var inactive = await poster.Post("deployment_status", $$"""
            {"action": "created",
             "deployment_status": {"id": 7001, "state": "inactive", "created_at": "2019-11-26T08:00:00Z"},
             "deployment": {{Deployment(1001, FirstCommit, "2019-11-04T11:55:00Z")}}, "repository": {{Repository}}}
            """);

        Assert.Equal(HttpStatusCode.Accepted, inactive.StatusCode);
        Assert.Equal([("success", new DateTime(2019, 11, 4, 12, 0, 0))], poster.Query<(string, DateTime)>("SELECT status, finished_at FROM deployments"));
    }

    [Fact]
    public async Task An_issue_labelled_incident_is_an_incident_until_the_label_is_removed()
    {
        string Issue(string action, string labels) => $$"""
            {"action": "{{action}}",
             "issue": {"number": 9, "title": "Build page down", "state": "open", "created_at": "2019-11-26T09:00:00Z",
                       "body": "Caused by: #3", "labels": [{{labels}}]},
             "repository": {{Repository}}}
            """;

        await poster.Post("issues", Issue("labeled", """{"name": "incident"}, {"name": "severity:high"}"""));
        Assert.Equal([($"github:{Repo}#9", "gcbapp-buildconfig-example", "high", $"{Repo}#3")],
            poster.Query<(string, string, string, string)>("SELECT id, service, severity, caused_by_pr FROM incidents"));

        await poster.Post("issues", Issue("unlabeled", """{"name": "severity:high"}"""));
        Assert.Equal(0, poster.Count("incidents"));
    }

    [Fact]
    public async Task Lead_time_runs_from_the_first_commit_eleven_days_before_the_pull_request_to_the_deployment()
    {
        await PostPullRequestThenPush();
        // The merge deployment needs a previous one: the push only chains its commits, so deploy the first of them
        // earlier (a first deployment has an empty change set and no lead time).
        await Deploy(1001, FirstCommit, "2019-11-04T11:55:00Z", "2019-11-04T12:00:00Z");
        // A deployment payload with a non-string value (Octokit reads payloads as strings only).
        await Deploy(1002, MergeCommit, "2019-11-26T07:50:00Z", "2019-11-26T08:00:00Z", """{"replicas": 3}""");
        // The webhooks only queued their derivations; the change appears once the queue has drained.
        await app.DerivationsDone();

        var response = await app.Client.GetAsync("/api/v1/changes?from=2019-11-01&to=2019-12-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changes = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // D2's change set: reachable from a216838 and not from 7682a24 = {a216838 (merge), 7b5a809, 7d1b24d, 411a0fb},
        // all of pull request #3: one change.
        var change = Assert.Single(changes.EnumerateArray());
        Assert.Equal(("pr", $"{Repo}#3", "first-commit", $"github:{Repo}:1002", "gcbapp-buildconfig-example"),
            (change.GetProperty("kind").GetString(), change.GetProperty("ref").GetString(), change.GetProperty("startSource").GetString(),
             change.GetProperty("deploymentId").GetString(), change.GetProperty("service").GetString()));
        // Start: the PR's first commit, 2019-11-02T13:56:20-04:00 = 2019-11-02T17:56:20Z (the PR was opened
        // 2019-11-13T01:28:51Z, ten and a third days later). Its other commits are later: 2019-11-03T00:12:20-04:00 =
        // 04:12:20Z, 2019-11-06T16:06:40-08:00 = 2019-11-07T00:06:40Z, 2019-11-12T17:21:49-08:00 = 2019-11-13T01:21:49Z.
        Assert.Equal("2019-11-02T17:56:20Z", change.GetProperty("startedAt").GetString());
        // Deployment finished 2019-11-26T08:00:00Z. 2019-11-02T17:56:20Z + 24 d = 2019-11-26T17:56:20Z, 9 h 56 m 20 s
        // past the finish: 24 d - 9 h 56 m 20 s = 23 d 14 h 3 m 40 s = 23 x 24 + 14 = 566 h + 220 s (0.061111 h).
        Assert.Equal(566 + 220 / 3600.0, change.GetProperty("leadTimeHours").GetDouble(), 6);
    }

    [Fact]
    public async Task A_webhook_and_a_later_rest_poll_of_the_same_objects_end_in_one_row_each()
    {
        await PostPullRequestThenPush();
        await Deploy(1001, FirstCommit, "2019-11-04T11:55:00Z", "2019-11-04T12:00:00Z");

        // A REST poll maps the same pull request and deployment with the same mappers.
        var serializer = new Octokit.Internal.SimpleJsonSerializer();
        using var prClose = JsonDocument.Parse(WebhookPoster.Fixture("github-webhooks/reallyfastci/webhook-pr-close.json"));
        var pull = serializer.Deserialize<Octokit.PullRequest>(prClose.RootElement.GetProperty("pull_request").GetRawText());
        var deployment = serializer.Deserialize<Octokit.Deployment>(Deployment(1001, FirstCommit, "2019-11-04T11:55:00Z"));
        var status = serializer.Deserialize<Octokit.DeploymentStatus>("""{"id": 6001, "state": "success", "created_at": "2019-11-04T12:00:00Z"}""");
        var batch = new DevEx.Store.Writing.SourceBatch();
        batch.Add(DevEx.Collectors.GitHub.Mapping.PullRequestMapper.Map(Repo, pull, [], [], []));
        batch.Deployments.Add(DevEx.Collectors.GitHub.Mapping.DeploymentMapper.Map(Repo, deployment, [status])!);
        new DevEx.Collectors.GitHub.GitHubRowWriter(app.Database).Write(batch);

        Assert.Equal(1, poster.Count("pull_requests"));
        Assert.Equal([$"github:{Repo}:1001"], poster.Query<string>("SELECT id FROM deployments"));
    }
}
