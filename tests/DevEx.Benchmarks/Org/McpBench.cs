using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.SampleOrg;
using ModelContextProtocol.Client;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>mcp</c>: a tools/call of get_dora_metrics against GET /api/v1/metrics/dora for the same questions, on the server as
/// its own process on the benchmark org (made by <c>org</c>), through the official C# MCP client (Streamable HTTP,
/// stateless): one team's 4 weeks and the organisation's 52 weeks, each for a new window every time (computed) and
/// asked again (kept). Issue 16's target: the tool call within 2x of the REST call.
/// </summary>
internal static class McpBench
{
    public static Command Create(IClock clock)
    {
        var work = BenchDatabase.OrgWork();
        var repetitions = new Option<int>("--repetitions") { Description = "Timed calls per question and way", DefaultValueFactory = _ => 30 };
        var command = new Command("mcp", "Measure get_dora_metrics over MCP against the REST call on the benchmark org (run `org` first)") { work, repetitions };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(repetitions), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int repetitions, IClock clock, CancellationToken ct)
    {
        if (BenchDatabase.OrgDatabase(work) is not { } database)
        {
            return 2;
        }
        var until = new SampleOrganisationOptions().EffectiveUntil;
        // The bench calls faster than an agent may (DevEx:Mcp:CallsPerMinute, 120): the limit is lifted for it.
        using var server = await BenchServer.Start(database, ct, new Dictionary<string, string> { ["DevEx__Mcp__CallsPerMinute"] = "1000000" });
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(server.Client.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, server.Client, ownsHttpClient: false), cancellationToken: ct);
        var teams = await client.CallToolAsync("list_teams", cancellationToken: ct);
        var team = System.Text.Json.Nodes.JsonNode.Parse(teams.StructuredContent!.Value.GetRawText())!["items"]!.AsArray()
            .Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal).First();
        var questions = new (string Name, string? Team, int Weeks)[] { ($"one team ({team}), 4 weeks", team, 4), ("org-wide, 52 weeks", null, 52) };
        var report = new BenchReport(Console.Out);
        report.Machine(clock, withTime: true);
        report.Line($"Load average (1, 5, 15 min) before: {BenchServer.LoadAverage()}");
        report.Line();
        report.Line("| question | asked | REST median | MCP median | MCP / REST |");
        report.Line("| --- | --- | --- | --- | --- |");
        var shift = 10;
        foreach (var (name, questionTeam, weeks) in questions)
        {
            foreach (var kept in new[] { false, true })
            {
                var rest = new List<double>();
                var mcp = new List<double>();
                for (var i = 0; i < repetitions + 3; i++)
                {
                    // The same new window for both ways, REST first then MCP on another: neither finds the other's answer kept.
                    var (from, to) = Window(until, kept ? 0 : shift++, weeks);
                    var (mcpFrom, mcpTo) = Window(until, kept ? 0 : shift++, weeks);
                    var restTime = await server.Time($"/api/v1/metrics/dora?from={from}&to={to}{(questionTeam is null ? "" : $"&team={questionTeam}")}", ct);
                    var arguments = new Dictionary<string, object?> { ["from"] = mcpFrom, ["to"] = mcpTo };
                    if (questionTeam is not null)
                    {
                        arguments["team"] = questionTeam;
                    }
                    var clockTime = Stopwatch.StartNew();
                    var result = await client.CallToolAsync("get_dora_metrics", arguments, cancellationToken: ct);
                    var mcpTime = clockTime.Elapsed.TotalMilliseconds;
                    if (result.IsError == true)
                    {
                        throw new InvalidOperationException($"get_dora_metrics failed: {string.Join(" ", result.Content)}");
                    }
                    if (i >= 3)
                    {
                        rest.Add(restTime);
                        mcp.Add(mcpTime);
                    }
                }
                var restMedian = Median(rest);
                var mcpMedian = Median(mcp);
                report.Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {(kept ? "again (kept)" : "a new window each time (computed)")} | {restMedian:0.0} ms | {mcpMedian:0.0} ms | {mcpMedian / restMedian:0.00} |"));
            }
        }
        report.Line();
        report.Line($"Load average (1, 5, 15 min) after: {BenchServer.LoadAverage()}");
        return 0;
    }

    private static (string From, string To) Window(LocalDate until, int shift, int weeks) =>
        (until.PlusDays(-shift).PlusWeeks(-weeks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), until.PlusDays(-shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
