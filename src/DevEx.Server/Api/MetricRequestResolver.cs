using System.Globalization;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Server.Api;

/// <summary>A request's parameters made into a window, scope and interval, or the problem a person can act on.</summary>
internal sealed record ResolvedRequest(MetricWindow Window, MetricScope Scope, MetricInterval Interval)
{
    /// <summary>The cache key of <paramref name="question"/> asked for this window, scope and interval.</summary>
    public string Key(string question) => string.Join('\u001f', question, Window.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Window.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Window.Zone.Id, Scope.Team, Scope.Service, Scope.Repo, Interval);
}

/// <summary>Validates metric requests: 400 names the bad parameter, 404 the unknown team, service or repository.</summary>
internal sealed class MetricRequestResolver(IClock clock, MetricOptions options, DuckDbDatabase database, ScopeCatalog catalog)
{
    public ProblemHttpResult? TryResolve(MetricRequest request, out ResolvedRequest resolved)
    {
        resolved = null!;
        var zone = DateTimeZoneProviders.Tzdb[options.TimeZone];
        var now = clock.GetCurrentInstant();
        var defaults = MetricWindow.LastFullWeeks(now, zone);
        if (!TryDate(request.From, "from", defaults.From, out var from, out var problem)
            || !TryDate(request.To, "to", defaults.To, out var to, out problem))
        {
            return problem;
        }
        if ((OutOfRange(request.From, "from", from) ?? OutOfRange(request.To, "to", to)) is { } outOfRange)
        {
            return outOfRange;
        }
        if (request.From is not null && request.To is null && from >= to)
        {
            // From alone, in the current week or later: the window runs to the end of today, never into the future.
            var tomorrow = now.InZone(zone).Date.PlusDays(1);
            if (from >= tomorrow)
            {
                return Problems.BadRequest("from", $"'from' ({from:yyyy-MM-dd}) is after today ({tomorrow.PlusDays(-1):yyyy-MM-dd} in {zone.Id}): there is no data yet.");
            }
            to = tomorrow;
        }
        if (request.To is not null && request.From is null && from >= to)
        {
            from = to.PlusWeeks(-MetricWindow.DefaultWeeks);
        }
        if (from >= to)
        {
            return Problems.BadRequest("to", $"'to' ({to:yyyy-MM-dd}) must be after 'from' ({from:yyyy-MM-dd}); the window is [from, to).");
        }
        if (!TryInterval(request.Interval, out var interval))
        {
            return Problems.BadRequest("interval", $"'interval' must be day, week or month, not '{request.Interval}'.");
        }
        if (PeriodCount(from, to, interval) is var periods and > MaxPeriods)
        {
            // Whatever the endpoint, so that no request builds hundreds of thousands of periods (a series, a dashboard).
            var unit = interval switch { MetricInterval.Day => "days", MetricInterval.Month => "months", _ => "ISO weeks" };
            return request.Interval is null
                ? Problems.BadRequest("from", string.Create(CultureInfo.InvariantCulture,
                    $"The window from 'from' ({from:yyyy-MM-dd}) to 'to' ({to:yyyy-MM-dd}) holds {periods:#,0} {unit}, more than {MaxPeriods:#,0}; choose a later 'from', an earlier 'to' or interval=month."))
                : Problems.BadRequest("interval", string.Create(CultureInfo.InvariantCulture,
                    $"The window holds {periods:#,0} {unit} at 'interval' {interval.ToString().ToLowerInvariant()}, more than {MaxPeriods:#,0}; choose a coarser interval or a shorter window."));
        }
        var scope = new MetricScope(Blank(request.Team), Blank(request.Service), Blank(request.Repo));
        if (Unknown(scope) is { } notFound)
        {
            return notFound;
        }
        resolved = new ResolvedRequest(new MetricWindow(from, to, zone), scope, interval);
        return null;
    }

    /// <summary>The most periods a window may hold at its interval (10 years of days, 70 of weeks, 305 of months).</summary>
    public const int MaxPeriods = 3660;

    /// <summary>Dates a window may start or end on: no earlier data exists, and later ones would overflow the calendar.</summary>
    public static readonly LocalDate Earliest = new(1970, 1, 1);

    public static readonly LocalDate Latest = new(9999, 1, 1);

    private static ProblemHttpResult? OutOfRange(string? given, string name, LocalDate date) =>
        given is null || (date >= Earliest && date <= Latest) ? null
            : Problems.BadRequest(name, $"'{name}' ({date:yyyy-MM-dd}) must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");

    /// <summary>How many periods of the interval cover [from, to): <see cref="MetricWindow.Periods"/> counted, not built.</summary>
    private static long PeriodCount(LocalDate from, LocalDate to, MetricInterval interval)
    {
        var last = to.PlusDays(-1);
        return interval switch
        {
            MetricInterval.Day => Period.Between(from, to, PeriodUnits.Days).Days,
            MetricInterval.Month => (last.Year - from.Year) * 12L + last.Month - from.Month + 1,
            _ => Period.Between(IsoWeekStart.Of(from), IsoWeekStart.Of(last), PeriodUnits.Days).Days / 7 + 1,
        };
    }

    private static bool TryDate(string? text, string name, LocalDate fallback, out LocalDate date, out ProblemHttpResult? problem)
    {
        problem = null;
        date = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success)
        {
            date = parsed.Value;
            return true;
        }
        problem = Problems.BadRequest(name, $"'{name}' must be a date written yyyy-MM-dd, not '{text}'.");
        return false;
    }

    private static bool TryInterval(string? text, out MetricInterval interval)
    {
        interval = MetricInterval.Week;
        return string.IsNullOrWhiteSpace(text) || (Enum.TryParse(text.Trim(), ignoreCase: true, out interval) && Enum.IsDefined(interval)
            && !int.TryParse(text, out _));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>404 for a ticket project no ticket has (as for an unknown team), listing the projects there are.</summary>
    public ProblemHttpResult? UnknownProject(string? project)
    {
        if (Blank(project) is not { } id)
        {
            return null;
        }
        var projects = ScopeLookups.TicketProjects(database);
        return projects.Contains(id, StringComparer.Ordinal) ? null
            : Problems.NotFound("project", projects.Count == 0 ? $"No project '{id}': there are no tickets."
                : $"No project '{id}'. Ticket projects: {string.Join(", ", projects)}.");
    }

    private ProblemHttpResult? Unknown(MetricScope scope)
    {
        if (scope.Team is null && scope.Service is null && scope.Repo is null)
        {
            return null;
        }
        if (scope.Team is not null && !catalog.TeamExists(scope.Team))
        {
            if (scope.Team == MetricScope.Unowned)
            {
                return Problems.NotFound("team", $"'{MetricScope.Unowned}' is the row of per-team listings for services no team owns, not a team: "
                    + "GET /api/v1/data-quality lists those services; filter by one of them with 'service'.");
            }
            return Problems.NotFound("team", $"No team '{scope.Team}'. GET /api/v1/teams lists the teams.");
        }
        if (scope.Service is not null && !catalog.ServiceExists(scope.Service))
        {
            return Problems.NotFound("service", $"No service '{scope.Service}'. GET /api/v1/services lists the services.");
        }
        if (scope is { Team: not null, Service: not null }
            && catalog.OwnerTeam(scope.Service) is var owner
            && (owner is null || !catalog.IsAtOrBelow(owner, scope.Team)))
        {
            // A service outside the team (and the teams below it) has nothing in the team's scope: say so rather than answer
            // zeros. An owner that is no team (no Group of that id) owns nothing, as in the per-team listings' row 'unowned'.
            return Problems.BadRequest("service", $"Service '{scope.Service}' is {(owner is null ? "owned by no team" : $"owned by team '{owner}'")}, not by '{scope.Team}' or a team below it: "
                + $"leave out 'team' or choose one of its services (GET /api/v1/teams/{scope.Team}).");
        }
        if (scope.Repo is not null && !ScopeLookups.RepositoryKnown(database, scope.Repo))
        {
            return Problems.NotFound("repo", $"No repository '{scope.Repo}' (write it as owner/name).");
        }
        return null;
    }
}
