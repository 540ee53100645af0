using NodaTime;

namespace DevEx.Store.Rows;

/// <summary>A check's result for a Component in a week (d_scorecard_checks).</summary>
public sealed record ScorecardCheckRow(string Scorecard, string CheckId, string Component, LocalDate Week, bool Passed, string? EvidenceRepo,
    string? EvidenceFile, int? EvidenceLine, string? EvidenceCommit, string Detail);

/// <summary>The level a Component reached on a scorecard in a week (d_scorecard_levels).</summary>
public sealed record ScorecardLevelRow(string Scorecard, string Component, string? OwnerTeam, LocalDate Week, string? Level, int Checks, int Passed);
