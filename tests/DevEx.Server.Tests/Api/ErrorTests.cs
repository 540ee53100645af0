using System.Net;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries: data_quality_summary (import rejects per file).
/// <summary>Bad requests get problem details naming what was wrong; bad import lines are rejected, the rest kept.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Theory]
    [InlineData("/api/v1/metrics/dora?from=02/02/2026", "from")]
    [InlineData("/api/v1/metrics/dora?to=2026-13-01", "to")]
    [InlineData("/api/v1/metrics/dora?from=2026-02-09&to=2026-02-02", "to")]
    [InlineData("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-02", "to")]
    [InlineData("/api/v1/metrics/dora/series?interval=fortnight", "interval")]
    [InlineData("/api/v1/deployments?from=yesterday", "from")]
    [InlineData("/api/v1/deployments?failed=maybe", "failed")]
    [InlineData("/api/v1/deployments?rework=1", "rework")]
    [InlineData("/api/v1/data-quality/findings?category=identities", "category")]
    // The clock says Wed 2026-02-11: from alone on Thursday 02-12 starts after today.
    [InlineData("/api/v1/metrics/dora?from=2026-02-12", "from")]
    // Dates outside 1970-01-01..9999-01-01: year 1 would make 521,000 weekly periods; 9999-12-30 plus the default 4 weeks overflows.
    [InlineData("/api/v1/metrics/dora/series?from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("/api/v1/metrics/dora?from=9999-12-30", "from")]
    [InlineData("/api/v1/metrics/dora?from=2026-01-01&to=9999-12-31", "to")]
    // At most 3,660 periods, the interval given or not: 1970-01-01 (a Thursday) to 2040-01-01 is 25,567 days, so 3,653
    // ISO weeks from Monday 1969-12-29 (3,652 weeks to Monday 2039-12-26, plus that week): 3,653 <= 3,660 passes (below);
    // 2041-01-01 adds leap 2040's 366 days: its last day, Monday 2040-12-31, starts week 3,653 + 53 = 3,706: too many. As days, 2040-01-01 is 25,567 days: too many for interval=day.
    [InlineData("/api/v1/metrics/dora/series?from=1970-01-01&to=2041-01-01", "from")]
    [InlineData("/api/v1/metrics/dora/series?from=1970-01-01&to=2040-01-01&interval=day", "interval")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Theory]
    // 3,653 ISO weeks (see above) and 3,660 days (1970-01-01 + 3,660 days = 1980-01-09, as 1970..1979 hold 3,652 days
    // and 8 more reach the 9th): under the limit and at it.
    [InlineData("/api/v1/metrics/dora/series?from=1970-01-01&to=2040-01-01")]
    [InlineData("/api/v1/metrics/dora/series?from=1970-01-01&to=1980-01-09&interval=day")]
    public async Task Long_windows_up_to_3660_periods_are_answered(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/metrics/dora?team=nobody", "team")]
    [InlineData("/api/v1/metrics/pr-flow?service=nothing", "service")]
    [InlineData("/api/v1/changes?repo=acme/none", "repo")]
    [InlineData("/api/v1/teams/nobody", "team")]
    [InlineData("/api/v1/metrics/tickets?project=NOPE", "project")]
    [InlineData("/api/v1/metrics/wait-states?project=NOPE", "project")]
    [InlineData("/api/v1/tickets?project=NOPE", "project")]
    [InlineData("/api/v1/metrics/dora?team=unowned", "team")]
    public async Task Unknown_scopes_are_404_problems(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Unknown_import_kind_is_404_listing_the_kinds()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/import/tweets", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("deployments", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_import_lines_are_rejected_with_line_and_reason_and_the_rest_imported()
    {
        var client = factory.CreateClient();
        const string body = """
            {"id":"D1","service":"api","environment":"production","sha":"a1","finishedAt":"2026-02-02T09:00:00Z","status":"success"}
            {"id":"D2","service":"api","environment":"production","sha":"a2","finishedAt":"2026-02-02T09:00:00","status":"success"}
            not json
            {"id":"D3","service":"api","environment":"production","sha":"a3","finishedAt":"2026-02-03T09:00:00Z","status":"exploded"}
            {"id":"D4","service":"api","environment":"production","sha":"a4","finishedAt":"2026-02-04T09:00:00Z","status":"success"}
            """;
        var response = await client.PostAsync("/api/v1/import/deployments", new StringContent(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var rejects = result.GetProperty("rejects").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4], rejects.Select(r => r.Item1));
        Assert.Contains("without an offset", rejects[0].Item2);
        Assert.Contains("invalid JSON", rejects[1].Item2);
        Assert.Contains("exploded", rejects[2].Item2);

        var quality = JsonDocument.Parse(await client.GetStringAsync("/api/v1/data-quality")).RootElement;
        Assert.Equal(3, quality.GetProperty("importRejects").GetInt32());
        var deployments = JsonDocument.Parse(await client.GetStringAsync("/api/v1/deployments?from=2026-02-02&to=2026-02-09")).RootElement;
        Assert.Equal(2, deployments.GetArrayLength());
    }

    [Fact]
    public async Task Reimporting_the_same_body_changes_nothing()
    {
        var client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
        var before = await client.GetStringAsync("/api/v1/deployments?from=2026-02-02&to=2026-02-09");
        await WorkedExampleImport.LoadAsync(client);
        Assert.Equal(before, await client.GetStringAsync("/api/v1/deployments?from=2026-02-02&to=2026-02-09"));
    }

    public void Dispose() => factory.Dispose();
}
