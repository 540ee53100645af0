using System.CommandLine;
using DevEx.Reports.Weekly;
using DevEx.Server.Hosting;
using DevEx.Server.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex report weekly [--team T] [--week 2026-W47] [--format html|md|csv|json|zip] [--out PATH] [--db PATH]</c>:
/// a team's weekly report to a file (PATH; an existing folder, or a path ending in a separator, gets
/// <c>&lt;team&gt;-&lt;week&gt;.&lt;ext&gt;</c> in it), or every team's when --team is omitted (PATH is then a folder, holding
/// <c>&lt;team&gt;-&lt;week&gt;.&lt;ext&gt;</c>). The week defaults to each team's last full week. Bad input, a database that
/// cannot be opened (the service holds it while it runs) and a file that cannot be written: one line, exit 2.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var team = new Option<string?>("--team") { Description = "Team id (default: every team)" };
        var week = new Option<string?>("--week") { Description = "ISO week, e.g. 2026-W47 (default: the team's last full week)" };
        var format = new Option<string?>("--format") { Description = $"{ReportFormats.Names} (default html)" };
        var output = new Option<string?>("--out") { Description = "File (one team) or folder (every team); default: the current folder" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var weekly = new Command("weekly", "Write a team's (or every team's) weekly report") { team, week, format, output, database };
        weekly.SetAction((parse, cancellationToken) => Task.FromResult(Run(new ReportArguments(parse.GetValue(team), parse.GetValue(week),
            parse.GetValue(format), parse.GetValue(output), parse.GetValue(database)), Console.Out, Console.Error, cancellationToken)));
        return new Command("report", "Weekly reports") { weekly };
    }

    internal static int Run(ReportArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (teamId, weekText, formatText, outPath, databasePath) = arguments;
        int Fail(string message)
        {
            error.WriteLine(message);
            return 2;
        }

        if (!ReportFormats.TryParse(formatText, out var format))
        {
            return Fail($"--format must be {ReportFormats.Names}, not '{formatText}'.");
        }
        var week = default(IsoWeek);
        if (weekText is not null && !IsoWeek.TryParse(weekText, out week, out var problem))
        {
            return Fail(problem.Replace("'week'", "--week", StringComparison.Ordinal));
        }
        if (teamId is null && outPath is not null && File.Exists(outPath))
        {
            return Fail($"--out {outPath} is a file: without --team every team's report is written into a folder.");
        }
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        var instead = $"get the report from it: GET /api/v1/reports/weekly?team={teamId ?? "<team>"}{(weekText is null ? "" : $"&week={week}")}&format={format.Extension()}";
        if (DatabaseOpenFailure.ResolveOrExplain<WeeklyReports>(provider, instead, error) is not { } reports)
        {
            return 2;
        }
        var teams = teamId is null ? reports.Teams() : reports.Team(teamId) is { } one ? [one] : [];
        if (teams.Count == 0)
        {
            return Fail(teamId is null ? "There are no teams: import a catalog first." : $"No team '{teamId}'.");
        }
        if (weekText is not null && teams.Select(t => reports.FutureWeekProblem(t, week)).FirstOrDefault(p => p is not null) is { } future)
        {
            return Fail(future.Replace("'week'", "--week", StringComparison.Ordinal));
        }
        foreach (var team in teams)
        {
            var report = reports.Build(team, weekText is null ? reports.LastFullWeek(team) : week, cancellationToken);
            var rendered = WeeklyReportRenderer.Render(report, format);
            var path = OutputPath(outPath, oneTeam: teamId is not null, rendered.FileName);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllBytes(path, rendered.Content);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Fail($"Cannot write {path}: {exception.Message}");
            }
            output.WriteLine(path);
        }
        return 0;
    }

    /// <summary>
    /// Where a report goes: --out itself for one team, unless it is an existing folder or ends in a separator (then the
    /// file is named <c>&lt;team&gt;-&lt;week&gt;.&lt;ext&gt;</c> in it, as every team's reports are in their folder).
    /// </summary>
    private static string OutputPath(string? outPath, bool oneTeam, string fileName) =>
        oneTeam && outPath is not null && !Directory.Exists(outPath) && !Path.EndsInDirectorySeparator(outPath)
            ? outPath
            : Path.Combine(outPath ?? ".", fileName);
}

/// <summary>The options of <c>devex report weekly</c>; null = the default.</summary>
internal sealed record ReportArguments(string? Team, string? Week, string? Format, string? Out, string? Database);
