using System.CommandLine;
using DevEx.SampleOrg;
using NodaTime.Text;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex sample --out DIR --seed N --teams T --weeks W</c>: writes a generated organisation in the import format and prints
/// what it wrote as a short table. Exit codes: 0 written, 2 an option out of range.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same options give the same files", DefaultValueFactory = _ => 42 };
        var teams = new Option<int>("--teams") { Description = "Number of teams", DefaultValueFactory = _ => 8 };
        var weeks = new Option<int>("--weeks") { Description = "Number of weeks of history", DefaultValueFactory = _ => 26 };
        var engineers = new Option<int>("--engineers-per-team") { Description = "Engineers per team", DefaultValueFactory = _ => 10 };
        var until = new Option<string?>("--until") { Description = "Exclusive end date, a Monday (default 2026-11-23)" };
        var command = new Command("sample", "Generate a sample organisation in the import format. Exit codes: 0 written, 2 an option out of range") { output, seed, teams, weeks, engineers, until };
        command.SetAction(parse =>
        {
            var untilText = parse.GetValue(until);
            NodaTime.LocalDate? untilDate = null;
            if (untilText is not null)
            {
                var parsed = LocalDatePattern.Iso.Parse(untilText);
                if (!parsed.Success)
                {
                    Console.Error.WriteLine($"--until must be a date written yyyy-MM-dd, not '{untilText}'.");
                    return 2;
                }
                untilDate = parsed.Value;
            }
            var options = new SampleOrganisationOptions(parse.GetValue(seed), parse.GetValue(teams), parse.GetValue(weeks), parse.GetValue(engineers), untilDate);
            try
            {
                var summary = new SampleOrganisationGenerator().Write(parse.GetValue(output)!, options);
                Print(summary, parse.GetValue(output)!, Console.Out);
                return 0;
            }
            catch (ArgumentOutOfRangeException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>What was written, one kind a line, in the import format's words (a person reads it, not a program).</summary>
    internal static void Print(SampleOrganisationSummary summary, string folder, TextWriter output)
    {
        output.WriteLine($"wrote {folder}");
        foreach (var (what, count, detail) in new (string, int, string?)[]
        {
            ("teams", summary.Teams, null),
            ("people", summary.People, null),
            ("repositories", summary.Repositories, null),
            ("commits", summary.Commits, null),
            ("pull requests", summary.PullRequests, null),
            ("pipeline runs", summary.PipelineRuns, null),
            ("deployments", summary.Deployments, null),
            ("incidents", summary.Incidents, null),
            ("tickets", summary.Tickets, $"{summary.TicketTransitions} status changes"),
            ("calendars", summary.Calendars, $"{summary.CalendarEvents} events"),
            ("file versions", summary.RepositoryFileVersions, "catalog-info.yaml and CI workflows"),
        })
        {
            output.WriteLine($"  {what,-14} {count,9}{(detail is null ? "" : $"  ({detail})")}");
        }
        output.WriteLine($"import it: devex import {folder}");
    }
}
