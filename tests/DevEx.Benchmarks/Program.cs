using System.CommandLine;
using DevEx.Benchmarks.Hardening;
using DevEx.Benchmarks.Micro;
using DevEx.Benchmarks.Org;
using NodaTime;

// The benchmarks of docs/benchmarks.md: the org-scale runs as commands that print a Markdown table, the micro-benchmarks
// through BenchmarkDotNet. The one clock the program reads (for the date on each table) is made here.
var clock = SystemClock.Instance;
var micro = new Command("micro", "BenchmarkDotNet micro-benchmarks (metric queries, calendar expansion); any BenchmarkDotNet switch follows, e.g. --filter *Dora*")
{
    TreatUnmatchedTokensAsErrors = false,
};
micro.SetAction(parse => MicroBenchmarks.Run([.. parse.UnmatchedTokens]));
var root = new RootCommand("DevEx benchmarks (docs/benchmarks.md). Run in Release: dotnet run -c Release --project tests/DevEx.Benchmarks -- VERB")
{
    OrgBench.Create(),
    ImportBench.Create(clock),
    TicketBench.Create(clock),
    CalendarBench.Create(clock),
    DashboardBench.Create(clock),
    ApiBench.Create(clock),
    WebhookBench.Create(clock),
    LoadBench.Create(clock),
    AdoptionBench.Create(clock),
    McpBench.Create(clock),
    ReportBench.Create(clock),
    WebhookFloodBench.Create(clock),
    micro,
};
return await root.Parse(args).InvokeAsync();
