namespace DevEx.Analytics.Adoption;

/// <summary>
/// A golden path as a scorecard (docs/adoption.md, "Scorecards"): checks a Component passes or fails each week, and
/// levels made of them, each level needing its own checks and every level's before it.
/// </summary>
public sealed record Scorecard(string Id, string Title, string? Description, ScorecardFilter AppliesTo, IReadOnlyList<ScorecardLevel> Levels,
    IReadOnlyList<ScorecardCheck> Checks, string Source)
{
    /// <summary>The highest level whose checks, and those of every level before it, all pass; null when the first does not.</summary>
    public string? LevelOf(IReadOnlySet<string> passed)
    {
        string? reached = null;
        foreach (var level in Levels)
        {
            if (!level.Checks.All(passed.Contains))
            {
                break;
            }
            reached = level.Name;
        }
        return reached;
    }
}

/// <summary>A level (bronze, silver, gold, or any name) and the ids of the checks it adds.</summary>
public sealed record ScorecardLevel(string Name, IReadOnlyList<string> Checks);

/// <summary>Which Components a scorecard applies to: by spec.type and spec.lifecycle (empty: any).</summary>
public sealed record ScorecardFilter(IReadOnlyList<string> Types, IReadOnlyList<string> Lifecycles)
{
    public static ScorecardFilter Any { get; } = new([], []);

    public bool Admits(string? type, string? lifecycle) =>
        (Types.Count == 0 || (type is not null && Types.Contains(type, StringComparer.OrdinalIgnoreCase)))
        && (Lifecycles.Count == 0 || (lifecycle is not null && Lifecycles.Contains(lifecycle, StringComparer.OrdinalIgnoreCase)));
}

/// <summary>The kinds of check a platform team declares (docs/adoption.md, "Check kinds").</summary>
public enum CheckKind
{
    /// <summary>A workflow file under .github/workflows has a job or step that <c>uses:</c> the given workflow or action, at a ref matching <c>version</c>.</summary>
    WorkflowUses,

    /// <summary>A file matching <c>path</c> (a glob) exists in the repository.</summary>
    FileExists,

    /// <summary>A file matching <c>path</c> has a line matching <c>pattern</c> (a dependency, a base image).</summary>
    FileContains,

    /// <summary>The Component carries the annotation (with a value matching <c>pattern</c> when given).</summary>
    Annotation,

    /// <summary>A field of the Component (<c>metadata.description</c>, <c>spec.lifecycle</c>, <c>spec.system</c>…) is set (and matches <c>pattern</c>).</summary>
    ComponentField,

    /// <summary>A DORA or flow figure of the Component's service over the trailing weeks is below or above a threshold.</summary>
    Metric,
}

/// <summary>
/// One check. Which parameters apply depends on <see cref="Kind"/>: <see cref="Target"/> is the workflow or action
/// (workflow-uses), the path glob (file checks), the annotation or field name, or the metric; <see cref="Pattern"/> a
/// regular expression (the ref's version for workflow-uses, a line for file-contains, the value otherwise);
/// <see cref="Below"/>/<see cref="Above"/> and <see cref="Weeks"/> the metric's threshold and trailing window.
/// </summary>
public sealed record ScorecardCheck(string Id, string Title, CheckKind Kind, string Target, string? Pattern = null, double? Below = null,
    double? Above = null, int Weeks = 4);
