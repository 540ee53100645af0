using System.CommandLine;
using DevEx.SampleOrg;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// The generated organisation the org benches share: its size options, and its work folder (default
/// <c>devex-bench-TxWxE</c> under the system temp folder), where it is generated once and reused by every org bench (org, calendars, reports; dashboards reads its database).
/// </summary>
internal sealed class BenchOrganisation
{
    private readonly Option<int> teams = new("--teams") { DefaultValueFactory = _ => 50 };
    private readonly Option<int> weeks = new("--weeks") { DefaultValueFactory = _ => 52 };
    private readonly Option<int> engineers = new("--engineers-per-team") { DefaultValueFactory = _ => 20 };
    private readonly Option<string?> work = new("--work") { Description = "Working folder (default: under the system temp folder)" };

    /// <summary>Adds the options to a command.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(teams);
        command.Options.Add(weeks);
        command.Options.Add(engineers);
        command.Options.Add(work);
        return command;
    }

    /// <summary>The options as parsed, the work folder, and the organisation's folder (generated when it is not there yet).</summary>
    public (SampleOrganisationOptions Options, string Work, string Org, SampleOrganisationSummary? Generated) Resolve(ParseResult parse)
    {
        var options = new SampleOrganisationOptions(Teams: parse.GetValue(teams), Weeks: parse.GetValue(weeks), EngineersPerTeam: parse.GetValue(engineers));
        var folder = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), $"devex-bench-{options.Teams}x{options.Weeks}x{options.EngineersPerTeam}");
        var org = Path.Combine(folder, "org");
        var generated = File.Exists(Path.Combine(org, "generator.json")) ? null : new SampleOrganisationGenerator().Write(org, options);
        return (options, folder, org, generated);
    }
}
