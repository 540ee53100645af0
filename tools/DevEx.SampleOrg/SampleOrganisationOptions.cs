using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// What to generate. <paramref name="Until"/> is the exclusive end (a Monday, UTC midnight); it defaults to a fixed
/// date rather than today so that the same options always produce the same bytes.
/// </summary>
public sealed record SampleOrganisationOptions(
    int Seed = 42, int Teams = 8, int Weeks = 26, int EngineersPerTeam = 10, LocalDate? Until = null)
{
    public static LocalDate DefaultUntil { get; } = new(2026, 11, 23);

    public LocalDate EffectiveUntil => Until ?? DefaultUntil;

    internal void Validate()
    {
        if (Teams < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Teams), Teams, "at least one team");
        }
        if (Weeks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Weeks), Weeks, "at least one week");
        }
        // A pull request needs a reviewer who is not its author.
        if (EngineersPerTeam < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(EngineersPerTeam), EngineersPerTeam, "at least two engineers per team");
        }
        if (EffectiveUntil.DayOfWeek != IsoDayOfWeek.Monday)
        {
            throw new ArgumentOutOfRangeException(nameof(Until), EffectiveUntil, "the end date must be a Monday");
        }
    }
}

/// <summary>How many records of each kind were written.</summary>
public sealed record SampleOrganisationSummary(
    int Teams, int People, int Repositories, int Commits, int PullRequests, int PipelineRuns, int Deployments, int Incidents,
    int Tickets = 0, int TicketTransitions = 0, int Calendars = 0, int CalendarEvents = 0, int RepositoryFileVersions = 0);
