using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEx.Analytics.Adoption;

/// <summary>
/// Evaluates a scorecard check against a Component as of a week (docs/adoption.md, "Check kinds"). Every result says
/// why: the file, line and commit that passed it, or what was looked for and not found.
/// </summary>
public static class CheckEvaluator
{
    private const string Workflows = ".github/workflows/";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static CheckResult Evaluate(ScorecardCheck check, ComponentSnapshot component) => check.Kind switch
    {
        CheckKind.WorkflowUses => WorkflowUses(check, component),
        CheckKind.FileExists => FileExists(check, component),
        CheckKind.FileContains => FileContains(check, component),
        CheckKind.Annotation => Value(check, component.Annotations, "annotation"),
        CheckKind.ComponentField => Value(check, component.Fields, "field"),
        CheckKind.Metric => Metric(check, component),
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };

    private static CheckResult WorkflowUses(ScorecardCheck check, ComponentSnapshot component)
    {
        var version = check.Pattern is null ? null : new Regex(check.Pattern, RegexOptions.None, RegexTimeout);
        (RepositoryFile File, WorkflowUse Use)? otherVersion = null;
        foreach (var file in component.Files.Where(f => f.Path.StartsWith(Workflows, StringComparison.Ordinal) && f.Content is not null)
            .OrderBy(f => f.Repo, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var use in Adoption.WorkflowUses.Read(file.Content!).Where(u => string.Equals(u.Reference, check.Target, StringComparison.OrdinalIgnoreCase)))
            {
                if (version is null || (use.Ref is not null && version.IsMatch(use.Ref)))
                {
                    return new CheckResult(true, new CheckEvidence(file.Repo, file.Path, use.Line, file.Commit, $"uses {use.Reference}@{use.Ref}"));
                }
                otherVersion ??= (file, use);
            }
        }
        return otherVersion is var (f, u)
            ? new CheckResult(false, new CheckEvidence(f.Repo, f.Path, u.Line, f.Commit, $"uses {u.Reference}@{u.Ref}, not a version matching {check.Pattern}"))
            : new CheckResult(false, new CheckEvidence(null, null, null, null, $"no workflow under {Workflows} uses {check.Target}"));
    }

    private static CheckResult FileExists(ScorecardCheck check, ComponentSnapshot component) =>
        Matching(check, component).FirstOrDefault() is { } file
            ? new CheckResult(true, new CheckEvidence(file.Repo, file.Path, null, file.Commit, $"{file.Path} exists"))
            : new CheckResult(false, new CheckEvidence(null, null, null, null, $"no file matching {check.Target}"));

    private static CheckResult FileContains(ScorecardCheck check, ComponentSnapshot component)
    {
        var pattern = new Regex(check.Pattern!, RegexOptions.Multiline, RegexTimeout);
        var files = Matching(check, component).ToList();
        foreach (var file in files.Where(f => f.Content is not null))
        {
            var lines = file.Content!.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i].TrimEnd('\r')))
                {
                    return new CheckResult(true, new CheckEvidence(file.Repo, file.Path, i + 1, file.Commit, lines[i].Trim()));
                }
            }
        }
        var detail = files.Count == 0 ? $"no file matching {check.Target}"
            : files.All(f => f.Content is null) ? $"{files[0].Path} is larger than the collected size"
            : $"no line of {string.Join(", ", files.Select(f => f.Path))} matches {check.Pattern}";
        return new CheckResult(false, new CheckEvidence(files.FirstOrDefault()?.Repo, files.FirstOrDefault()?.Path, null, files.FirstOrDefault()?.Commit, detail));
    }

    private static CheckResult Value(ScorecardCheck check, IReadOnlyDictionary<string, string> values, string what)
    {
        if (!values.TryGetValue(check.Target, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return new CheckResult(false, new CheckEvidence(null, null, null, null, $"{what} {check.Target} is not set"));
        }
        var passed = check.Pattern is null || Regex.IsMatch(value, check.Pattern, RegexOptions.None, RegexTimeout);
        return new CheckResult(passed, new CheckEvidence(null, null, null, null,
            passed ? $"{check.Target}: {value}" : $"{check.Target} is '{value}', not matching {check.Pattern}"));
    }

    private static CheckResult Metric(ScorecardCheck check, ComponentSnapshot component)
    {
        var value = component.Metric(check.Target, check.Weeks);
        var bound = check.Below is { } below ? $"below {Number(below)}" : $"above {Number(check.Above!.Value)}";
        if (value is null)
        {
            return new CheckResult(false, new CheckEvidence(null, null, null, null, $"no {check.Target} over the last {check.Weeks} weeks (no samples), so not {bound}"));
        }
        var passed = check.Below is { } max ? value < max : value > check.Above!.Value;
        return new CheckResult(passed, new CheckEvidence(null, null, null, null, $"{check.Target} over the last {check.Weeks} weeks: {Number(value.Value)}, {(passed ? "" : "not ")}{bound}"));
    }

    /// <summary>The files whose path matches the check's glob (<c>*</c> within a folder, <c>**</c> across folders), in a stable order.</summary>
    private static IEnumerable<RepositoryFile> Matching(ScorecardCheck check, ComponentSnapshot component) =>
        component.Files.Where(f => Glob(check.Target, f.Path)).OrderBy(f => f.Repo, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal);

    public static bool Glob(string pattern, string path)
    {
        if (!pattern.Contains('*') && !pattern.Contains('?'))
        {
            return string.Equals(pattern, path, StringComparison.Ordinal);
        }
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
        return Regex.IsMatch(path, regex, RegexOptions.None, RegexTimeout);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
