using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Analytics.Adoption;

/// <summary>A scorecard file that cannot be used: the file, the line and what is wrong, in a sentence.</summary>
public sealed record ScorecardProblem(string Source, int Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}

/// <summary>
/// Reads a scorecard from YAML (docs/adoption.md, "Scorecards"): one scorecard per file. Every problem is named with its
/// line; a file with any problem is not used (a half-read golden path would pass or fail Components wrongly), and the
/// other files are.
/// </summary>
public static partial class ScorecardReader
{
    private static readonly Dictionary<string, CheckKind> Kinds = new(StringComparer.Ordinal)
    {
        ["workflow-uses"] = CheckKind.WorkflowUses,
        ["file-exists"] = CheckKind.FileExists,
        ["file-contains"] = CheckKind.FileContains,
        ["annotation"] = CheckKind.Annotation,
        ["component-field"] = CheckKind.ComponentField,
        ["metric"] = CheckKind.Metric,
    };

    /// <summary>The parameter naming a check's target, per kind.</summary>
    private static readonly Dictionary<CheckKind, string> TargetKeys = new()
    {
        [CheckKind.WorkflowUses] = "uses",
        [CheckKind.FileExists] = "path",
        [CheckKind.FileContains] = "path",
        [CheckKind.Annotation] = "annotation",
        [CheckKind.ComponentField] = "field",
        [CheckKind.Metric] = "metric",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public static (Scorecard? Scorecard, IReadOnlyList<ScorecardProblem> Problems) Read(TextReader reader, string source)
    {
        var problems = new List<ScorecardProblem>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return (null, [new ScorecardProblem(source, 1, "a scorecard file holds one YAML mapping (id, title, checks, levels)")]);
            }
            root = mapping;
        }
        catch (YamlException e)
        {
            return (null, [new ScorecardProblem(source, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}")]);
        }
        void Problem(YamlNode node, string reason) => problems.Add(new ScorecardProblem(source, (int)node.Start.Line, reason));

        var id = Text(root, "id");
        if (id is null || !IdPattern().IsMatch(id))
        {
            Problem(root, "'id' is required: lower-case letters, digits and dashes (it is the scorecard's URL)");
        }
        var checks = new List<ScorecardCheck>();
        foreach (var node in Sequence(root, "checks", Problem))
        {
            if (ReadCheck(node, Problem) is { } check)
            {
                if (checks.Any(c => c.Id == check.Id))
                {
                    Problem(node, $"check '{check.Id}' is declared twice");
                }
                checks.Add(check);
            }
        }
        if (checks.Count == 0 && problems.Count == 0)
        {
            Problem(root, "'checks' needs at least one check");
        }
        var levels = new List<ScorecardLevel>();
        foreach (var node in Sequence(root, "levels", Problem))
        {
            var name = node is YamlMappingNode level ? Text(level, "name") : null;
            var names = node is YamlMappingNode withChecks ? Strings(withChecks, "checks") : [];
            if (name is null || names.Count == 0)
            {
                Problem(node, "a level needs a 'name' and the 'checks' it adds (a list of check ids)");
                continue;
            }
            foreach (var unknown in names.Where(n => checks.All(c => c.Id != n)))
            {
                Problem(node, $"level '{name}' names check '{unknown}', which the file does not declare");
            }
            levels.Add(new ScorecardLevel(name, names));
        }
        var applies = root.Children.TryGetValue(new YamlScalarNode("appliesTo"), out var filter) && filter is YamlMappingNode f
            ? new ScorecardFilter(Strings(f, "types"), Strings(f, "lifecycles"))
            : ScorecardFilter.Any;
        return problems.Count > 0 ? (null, problems)
            : (new Scorecard(id!, Text(root, "title") ?? id!, Text(root, "description"), applies, levels, checks, source), problems);
    }

    private static ScorecardCheck? ReadCheck(YamlNode node, Action<YamlNode, string> problem)
    {
        if (node is not YamlMappingNode check)
        {
            problem(node, "a check is a mapping with 'id' and 'kind'");
            return null;
        }
        var id = Text(check, "id");
        var kindName = Text(check, "kind");
        if (id is null || !IdPattern().IsMatch(id))
        {
            problem(check, "a check needs an 'id': lower-case letters, digits and dashes");
            return null;
        }
        if (kindName is null || !Kinds.TryGetValue(kindName, out var kind))
        {
            problem(check, $"check '{id}': 'kind' must be one of {string.Join(", ", Kinds.Keys)}");
            return null;
        }
        var target = Text(check, TargetKeys[kind]);
        if (target is null)
        {
            problem(check, $"check '{id}' ({kindName}) needs '{TargetKeys[kind]}'");
            return null;
        }
        var pattern = Text(check, kind == CheckKind.WorkflowUses ? "version" : "pattern");
        if (pattern is not null && !IsRegex(pattern))
        {
            problem(check, $"check '{id}': '{pattern}' is not a valid regular expression");
            return null;
        }
        if (kind == CheckKind.FileContains && pattern is null)
        {
            problem(check, $"check '{id}' (file-contains) needs 'pattern': the line to look for, a regular expression");
            return null;
        }
        double? below = Number(check, "below"), above = Number(check, "above");
        if (kind == CheckKind.Metric && (below is null) == (above is null))
        {
            problem(check, $"check '{id}' (metric) needs exactly one of 'below' and 'above', a number");
            return null;
        }
        if (kind == CheckKind.Metric && !MetricThresholds.Known.Contains(target))
        {
            problem(check, $"check '{id}': no metric '{target}'; one of {string.Join(", ", MetricThresholds.Known)}");
            return null;
        }
        var weeks = (int?)Number(check, "weeks") ?? 4;
        if (weeks is < 1 or > 52)
        {
            problem(check, $"check '{id}': 'weeks' is the trailing window of the metric, 1 to 52");
            return null;
        }
        return new ScorecardCheck(id, Text(check, "title") ?? id, kind, target, pattern, below, above, weeks);
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? Text(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    private static double? Number(YamlMappingNode mapping, string key) =>
        Text(mapping, key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<string> Strings(YamlMappingNode mapping, string key) =>
        !mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? []
        : value is YamlSequenceNode list ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()]
        : value is YamlScalarNode { Value: { } one } ? [one] : [];

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode mapping, string key, Action<YamlNode, string> problem)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return [];
        }
        if (value is YamlSequenceNode list)
        {
            return list.Children;
        }
        problem(value, $"'{key}' is a list");
        return [];
    }
}
