using System.Text.Json;
using DevEx.Server.Reports;
using DevEx.Store.State;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// The scheduled report of a team in Pacific/Auckland, run on Monday 2026-02-09 07:00 there (Sunday 18:00 UTC): it
/// covers Auckland's week 2026-W06 (Sun 2026-02-01 11:00 UTC to Sun 2026-02-08 11:00 UTC), writes its files and
/// reaches the team's webhook exactly once.
/// </summary>
public sealed class ScheduledReportTests : IDisposable
{
    private static readonly Instant MondaySevenInAuckland = Instant.FromUtc(2026, 2, 8, 18, 0);
    private readonly string output = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "reports");
    private readonly DevExAppFactory factory = new(MondaySevenInAuckland);

    private async Task<WebApplicationFactory<Program>> StartAsync(string webhook, Action<IWebHostBuilder>? configure = null)
    {
        var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("DevEx:Reports:Webhooks:core", webhook)
                .UseSetting("DevEx:Reports:DeliveryBackoff", "00:00:00.010")
                .UseSetting("DevEx:Reports:OutputDirectory", output)
                .UseSetting("DevEx:Reports:PublicUrl", "https://devex.example");
            configure?.Invoke(builder);
        });
        await ReportScenarioImport.LoadAsync(app.CreateClient(), "Pacific/Auckland");
        return app;
    }

    private static async Task<DeliveryOutcome> RunJob(WebApplicationFactory<Program> app, string team = "core")
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RunAsync(team, null, CancellationToken.None);
    }

    private static string Text(string body) => JsonDocument.Parse(body).RootElement.GetProperty("text").GetString()!;

    private string Written(string file) => File.ReadAllText(Path.Combine(output, "core", file));

    [Fact]
    public async Task A_failed_first_attempt_is_retried_and_the_week_is_delivered_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var app = await StartAsync(receiver.Url);

        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));

        Assert.Equal([500, 200], receiver.Calls.Select(c => c.Status));
        var text = Text(Assert.Single(receiver.Delivered));
        Assert.Contains("Core: week 2026-W06", text);
        Assert.Contains("Deployments: 4", text);
        Assert.Contains("https://devex.example/api/v1/reports/weekly?team=core&week=2026-W06&format=html", text);
        var log = Assert.Single(JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/reports/deliveries?team=core")).RootElement.EnumerateArray());
        Assert.Equal(("2026-W06", "delivered", 2), (log.GetProperty("week").GetString(), log.GetProperty("status").GetString(), log.GetProperty("attempts").GetInt32()));
        Assert.DoesNotContain(receiver.Url, log.GetRawText());
        foreach (var extension in new[] { "html", "md", "csv", "json" })
        {
            Assert.True(File.Exists(Path.Combine(output, "core", $"2026-W06.{extension}")), extension);
        }
        Assert.True(File.Exists(Path.Combine(output, "core", "2026-W06-charts", "deployments.png")));
    }

    [Fact]
    public async Task A_delivery_failing_every_attempt_fails_the_job_and_a_later_run_delivers_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 502, 503, 500);
        var app = await StartAsync(receiver.Url);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app)); // the job fails (Hangfire does not retry it: the next run delivers)
        var failed = app.Services.GetRequiredService<ReportDeliveryLog>().List("core").Single();
        Assert.Equal(("failed", 4, 500), (failed.Status, failed.Attempts, failed.LastStatusCode));

        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));
        Assert.Single(receiver.Delivered);
        Assert.Equal(5, receiver.Calls.Count);
    }

    [Fact]
    public async Task A_404_is_not_a_transient_failure_and_is_not_retried_within_the_run()
    {
        await using var receiver = await WebhookReceiver.StartAsync(404);
        var app = await StartAsync(receiver.Url);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app));

        // One attempt (404 is not 5xx/408/429): the row is failed after 1 attempt, the receiver saw 1 call.
        var failed = app.Services.GetRequiredService<ReportDeliveryLog>().List("core").Single();
        Assert.Equal(("failed", 1, 404), (failed.Status, failed.Attempts, failed.LastStatusCode));
        Assert.Single(receiver.Calls);
    }

    [Fact]
    public async Task A_week_whose_delivery_failed_for_good_is_delivered_first_by_the_next_weeks_run()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 502, 503, 500);
        var app = await StartAsync(receiver.Url);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app)); // W06: every attempt of the webhook pipeline failed

        factory.Clock.Advance(Duration.FromDays(7)); // Monday 2026-02-16 07:00 in Auckland: the run of W07
        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));

        // The owed week first, then the run's own; each once.
        Assert.Equal(2, receiver.Delivered.Count);
        Assert.Contains("Core: week 2026-W06", Text(receiver.Delivered[0]));
        Assert.Contains("Core: week 2026-W07", Text(receiver.Delivered[1]));
        var log = app.Services.GetRequiredService<ReportDeliveryLog>().List("core");
        Assert.Equal([("2026-W07", "delivered", 1), ("2026-W06", "delivered", 5)], log.Select(d => (d.Week, d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Owed_weeks_are_delivered_four_weeks_back_at_most()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 502, 503, 500);
        var app = await StartAsync(receiver.Url);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app)); // W06 failed for good

        factory.Clock.Advance(Duration.FromDays(35)); // the run of W11: it looks back to W07, so W06 stays undelivered
        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));

        Assert.Contains("Core: week 2026-W11", Text(Assert.Single(receiver.Delivered)));
        Assert.Equal("failed", app.Services.GetRequiredService<ReportDeliveryLog>().List("core").Single(d => d.Week == "2026-W06").Status);
    }

    [Fact]
    public async Task Re_running_a_week_rewrites_its_files_with_new_data_and_delivers_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = await StartAsync(receiver.Url);
        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        // Auckland's W06: D2..D5 (4); its W05 (from Sun 01-25 11:00 UTC): D0 (Mon 01-26 10:00 UTC) and D1 (2).
        Assert.Contains("core,2026-W06,deployments,4,count,2,2", Written("2026-W06.csv").Split('\n'));

        await ImportAucklandMondayDeployment(app.CreateClient());
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));

        Assert.Contains("core,2026-W06,deployments,5,count,2,3", Written("2026-W06.csv").Split('\n'));
        Assert.Contains("| Deployments | 5 | ", Written("2026-W06.md"));
        Assert.Single(receiver.Calls);
    }

    [Fact]
    public async Task The_week_and_its_lists_are_those_of_the_team_zone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = await StartAsync(receiver.Url);
        await ImportAucklandMondayDeployment(app.CreateClient());
        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));

        // DA (Sun 2026-02-01 12:00 UTC) is Monday 01:00 in Auckland: in Auckland's W06 with D2..D5 (5 against D0 and D1),
        // while the UTC week would count 4 against 3 (DA in UTC's W05).
        Assert.Contains("core,2026-W06,deployments,5,count,2,3", Written("2026-W06.csv").Split('\n'));
        var report = JsonDocument.Parse(Written("2026-W06.json")).RootElement;
        Assert.Equal(("2026-02-02", "2026-02-09"), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        // At Auckland's week end, Sun 2026-02-08 11:00 UTC: #10 ready Mon 02-02 10:00 UTC, 6 d 1 h = 145 h; #11 ready
        // Thu 02-05 12:00 UTC, 2 d 23 h = 71 h (commented: waiting for merge). In UTC they would be 158 and 84 h.
        Assert.Equal([(10, 145.0, "review"), (11, 71.0, "merge")], report.GetProperty("waitingPullRequests").EnumerateArray()
            .Select(p => (p.GetProperty("number").GetInt32(), Math.Round(p.GetProperty("waitingHours").GetDouble(), 6), p.GetProperty("waitingFor").GetString())));
        // CORE-1 blocked Tue 02-03 09:00 → Thu 09:00 UTC (48 h); CORE-2 from Fri 02-06 12:00 UTC to the end, 47 h, still
        // blocked: CORE-1 first here, while the UTC week (CORE-2 60 h) lists CORE-2 first. Working hours of Auckland
        // (Mon-Fri 09:00-17:00 at +13:00): CORE-1 is Tue 22:00 → Thu 22:00 there, Wed 8 + Thu 8 = 16 h; CORE-2 is Sat 01:00
        // → the week's end Mon 00:00 there, a weekend: 0 h.
        Assert.Equal([("CORE-1", 48.0, 16.0, false), ("CORE-2", 47.0, 0.0, true)], report.GetProperty("blockedTickets").EnumerateArray()
            .Select(t => (t.GetProperty("key").GetString(), Math.Round(t.GetProperty("blockedHours").GetDouble(), 6),
                Math.Round(t.GetProperty("blockedWorkingHours").GetDouble(), 6), t.GetProperty("stillBlocked").GetBoolean())));
    }

    [Fact]
    public async Task A_run_asked_for_the_week_in_progress_writes_its_files_and_posts_nothing()
    {
        // Monday 07:00 in Auckland: its W07 began 7 hours ago. The scheduled run (no week given) builds W06 and posts it;
        // a run asked for W07 writes W07's files, marked in progress, and posts nothing (partial figures are not the week's).
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = await StartAsync(receiver.Url);
        using (var scope = app.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<WeeklyReportJob>();
            Assert.Equal(DeliveryOutcome.WeekInProgress, await job.RunAsync("core", "2026-W07", CancellationToken.None));
            Assert.Empty(receiver.Calls);
            Assert.Contains("Week in progress: figures up to 2026-02-09 07:00 (Pacific/Auckland)", Written("2026-W07.md"));
            Assert.True(JsonDocument.Parse(Written("2026-W07.json")).RootElement.GetProperty("inProgress").GetBoolean());
            Assert.Empty(app.Services.GetRequiredService<ReportDeliveryLog>().List("core"));

            Assert.Equal(DeliveryOutcome.Delivered, await job.RunAsync("core", null, CancellationToken.None));
        }
        var text = Text(Assert.Single(receiver.Delivered));
        Assert.Contains("Core: week 2026-W06", text);
        Assert.False(JsonDocument.Parse(Written("2026-W06.json")).RootElement.GetProperty("inProgress").GetBoolean());
    }

    [Fact]
    public async Task The_backoff_between_attempts_doubles()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 502, 503);
        var time = new SteppingTimeProvider(DateTimeOffset.UnixEpoch); // every wait returns at once, its length kept
        var app = await StartAsync(receiver.Url, builder => builder
            .UseSetting("DevEx:Reports:DeliveryBackoff", "00:00:05")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time)));

        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));

        // Four attempts: 5 s before the second, then 10 s, then 20 s.
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], time.Delays);
        Assert.Equal([500, 502, 503, 200], receiver.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Two_teams_each_get_exactly_one_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var app = await StartAsync(receiver.BaseUrl + "/core", builder => builder.UseSetting("DevEx:Reports:Webhooks:web", receiver.BaseUrl + "/web"));
        var response = await app.CreateClient().PostAsync("/api/v1/import/catalog", new StringContent(ReportScenarioImport.Catalog("Pacific/Auckland") + """

            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: web
            spec:
              type: team
              children: []
            """));
        response.EnsureSuccessStatusCode();

        foreach (var team in new[] { "core", "web", "core", "web" })
        {
            await RunJob(app, team);
        }

        // core's first attempt got the 500 and its second the 200; web's first went through.
        Assert.Equal([("/core", 500), ("/core", 200), ("/web", 200)], receiver.Calls.Select(c => (c.Path, c.Status)));
        Assert.Equal(["core", "web"], app.Services.GetRequiredService<ReportDeliveryLog>().List().Where(d => d.Status == "delivered").Select(d => d.Team).Order());
    }

    [Fact]
    public async Task Each_team_gets_a_recurring_job_on_the_schedule_in_its_own_zone_and_gone_teams_lose_theirs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = await StartAsync(receiver.Url);
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<WeeklyReportJob>(ReportScheduling.JobId("gone"),
            job => job.RunAsync("gone", null, CancellationToken.None), "0 7 * * 1");
        Assert.Equal(1, app.Services.GetRequiredService<ReportScheduling>().Refresh());

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        var job = Assert.Single(jobs, j => j.Id == ReportScheduling.JobId("core"));
        Assert.Equal(("0 7 * * 1", "Pacific/Auckland"), (job.Cron, job.TimeZoneId));
        Assert.DoesNotContain(jobs, j => j.Id == ReportScheduling.JobId("gone")); // a team no longer in the catalog
    }

    /// <summary>Commit ca (on c1) deployed as DA on Sun 2026-02-01 12:00 UTC: Monday 01:00 in Auckland (+13:00).</summary>
    private static async Task ImportAucklandMondayDeployment(HttpClient client)
    {
        (await client.PostAsync("/api/v1/import/commits", new StringContent(
            """{"repo":"acme/api","sha":"ca","parents":["c1"],"author":"dev@example.com","authoredAt":"2026-02-01T11:30:00Z"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/v1/import/deployments", new StringContent(
            """{"id":"DA","service":"api","repo":"acme/api","environment":"production","sha":"ca","finishedAt":"2026-02-01T12:00:00Z","status":"success"}"""))).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        factory.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
