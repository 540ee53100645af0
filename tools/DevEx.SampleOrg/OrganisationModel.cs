using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>How often a team promotes to production; the spread is what makes DORA levels differ across teams.</summary>
internal enum DeployCadence
{
    OnMerge,
    TwiceDaily,
    Daily,
    Weekly,
    Monthly,
}

internal enum MergePolicy
{
    Squash,
    MergeCommit,
    Mixed,
}

internal enum PersonRole
{
    Engineer,
    /// <summary>Works in the showcase team's repos but has no User entity: data quality lists them.</summary>
    Outsider,
    /// <summary>A CI machine that pushes with a host email nobody maps.</summary>
    BuildMachine,
    Bot,
}

/// <summary>The knobs that make one team differ from another.</summary>
internal sealed record TeamProfile(
    DeployCadence Cadence,
    double ChangeFailRate,
    double PickupMedianHours,
    double PullRequestsPerWeek,
    double DirectPushesPerWeek,
    bool Showcase);

internal sealed record SamplePerson(
    string Name,
    string Login,
    string Email,
    WorkingHours Hours,
    PersonRole Role,
    bool ZoneOverride = false,
    bool LocalOffsetInCommits = false,
    int VacationWeek = -1,
    string? AliasEmail = null,
    string? OldLogin = null,
    Instant? RenamedAt = null)
{
    public bool InCatalog => Role == PersonRole.Engineer;

    public bool IsBot => Role == PersonRole.Bot;

    /// <summary>The login GitHub showed at that time: a renamed person appears under the old login before.</summary>
    public string LoginAt(Instant at) => BeforeRename(at) ? OldLogin! : Login;

    /// <summary>The renamed person also committed with a personal address until they fixed their git config.</summary>
    public string CommitEmailAt(Instant at) => AliasEmail is not null && BeforeRename(at) ? AliasEmail : Email;

    /// <summary>The offset a commit of this person carries: their git client's local zone, or UTC.</summary>
    public Offset CommitOffset(Instant at) => LocalOffsetInCommits ? Hours.OffsetAt(at) : Offset.Zero;

    private bool BeforeRename(Instant at) => OldLogin is not null && RenamedAt is { } renamed && at < renamed;

    public bool OnVacation(int week) => VacationWeek >= 0 && week >= VacationWeek && week < VacationWeek + 2;
}

internal sealed record SampleService(
    string Name,
    string Repo,
    IReadOnlyList<string> ProductionEnvironments,
    string StagingEnvironment,
    string? ProductionPattern,
    bool InCatalog,
    string? SourceTemplate,
    // Set when this service's deploy tool logs in the team's local offset instead of Z.
    WorkingHours? LocalTimestamps);

internal sealed record SampleRepository(
    string Name,
    string DefaultBranch,
    MergePolicy Policy,
    bool FlakyE2e,
    bool UsesRenovate,
    double Weight,
    IReadOnlyList<SampleService> Services)
{
    public string FullName => $"{SampleNames.Owner}/{Name}";

    public string Url => $"https://github.com/{FullName}";
}

internal sealed record SampleTeam(
    int Index,
    string Name,
    string Title,
    WorkingHours Hours,
    TeamProfile Profile,
    IReadOnlyList<SamplePerson> Members,
    TeamOutsiders? Outsiders,
    IReadOnlyList<SampleRepository> Repositories);

/// <summary>People without a User entity who still turn up in the showcase team's data.</summary>
internal sealed record TeamOutsiders(SamplePerson Contractor, SamplePerson Reviewer, SamplePerson BuildMachine);

/// <summary>The whole organisation; the simulated window is [Start, Until).</summary>
internal sealed record SampleOrganisation(
    int Seed, int Weeks, Instant Start, Instant Until, LocalDate StartDate, IReadOnlyList<SampleTeam> Teams)
{
    public static readonly SamplePerson Dependabot = new(
        "dependabot", "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com",
        new WorkingHours("UTC", new LocalTime(0, 0), new LocalTime(23, 59)), PersonRole.Bot);

    public static readonly SamplePerson Renovate = new(
        "renovate", "renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com",
        new WorkingHours("UTC", new LocalTime(0, 0), new LocalTime(23, 59)), PersonRole.Bot);
}
