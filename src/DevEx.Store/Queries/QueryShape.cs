using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace DevEx.Store.Queries;

/// <summary>
/// Gives each filter shape of a query its own statement. DuckDB plans a statement before its parameters are known, so
/// a scope filter written <c>($team::VARCHAR IS NULL OR owner_team = $team)</c> and a <c>CASE $group …</c> keep every
/// arm in the plan: every request plans and runs the team join of a grouping it did not ask for. Before a query runs,
/// a filter whose parameter is NULL becomes <c>true</c> and one whose parameter is set keeps only its condition; the
/// grouping parameters, whose values come from a closed set (<c>none</c>, <c>team</c>, <c>week</c>…) and never from
/// a request's text, are written in as literals, and a <c>CASE $group WHEN 'team' THEN … END</c> is replaced by the arm
/// of the grouping asked for (<see cref="GroupingChoice"/>), so that the team lookup of a by-team arm is not planned for
/// a request without grouping. Every value a person typed stays a bound parameter
/// (queries/README.md, "Filter shapes"; docs/benchmarks.md, "Small questions").
/// </summary>
internal static partial class QueryShape
{
    /// <summary>The parameters written into the SQL: enumerations, each value checked against <see cref="ClosedValue"/>.</summary>
    private static readonly string[] ClosedSetParameters = ["group", "interval", "period_unit"];

    private static readonly ConcurrentDictionary<(string Sql, string Shape), string> Shaped = new();

    /// <summary>Far above the shapes of the shipped queries (about 40 files × a few shapes each).</summary>
    private const int MaxShapes = 2000;

    public static string Apply(string sql, object? parameters)
    {
        if (parameters is null)
        {
            return sql;
        }
        var values = Values(parameters);
        var shape = string.Join('|', values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => ClosedSetParameters.Contains(v.Key) ? $"{v.Key}={v.Value}" : $"{v.Key}:{(v.Value is null ? "null" : "set")}"));
        if (Shaped.Count > MaxShapes)
        {
            // Dashboard SQL can be edited while the service runs: old texts must not pile up.
            Shaped.Clear();
        }
        return Shaped.GetOrAdd((sql, shape), key => Rewrite(key.Sql, values));
    }

    private static string Rewrite(string sql, Dictionary<string, object?> values)
    {
        var filtered = NullableFilter().Replace(sql, m =>
            !values.TryGetValue(m.Groups["name"].Value, out var value) ? m.Value
            : value is null ? "true"
            : $"({m.Groups["condition"].Value})");
        if (values.TryGetValue("group", out var group) && group is string grouping && ClosedValue().IsMatch(grouping))
        {
            filtered = GroupingChoice.Select(filtered, grouping);
        }
        foreach (var name in ClosedSetParameters)
        {
            if (values.TryGetValue(name, out var value) && value is string text && ClosedValue().IsMatch(text))
            {
                filtered = Regex.Replace(filtered, $@"\${name}\b", $"'{text}'");
            }
        }
        return filtered;
    }

    /// <summary>The parameters by name, whatever object carries them (<see cref="QueryParameters"/>, Dapper's, an anonymous object); DBNull as null.</summary>
    internal static Dictionary<string, object?> Values(object parameters)
    {
        if (parameters is Dictionary<string, object?> dictionary)
        {
            return new Dictionary<string, object?>(dictionary, StringComparer.Ordinal);
        }
        if (parameters is QueryParameters named)
        {
            return named.Values.ToDictionary(v => v.Key, v => Unwrap(v.Value), StringComparer.Ordinal);
        }
        if (parameters is DynamicParameters dynamic)
        {
            return dynamic.ParameterNames.ToDictionary(n => n, n => Unwrap(dynamic.Get<object?>(n)), StringComparer.Ordinal);
        }
        return parameters.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.Name, p => Unwrap(p.GetValue(parameters)), StringComparer.Ordinal);
    }

    private static object? Unwrap(object? value) => value is DBNull ? null : value;

    /// <summary><c>($name::TYPE IS NULL OR condition)</c>, the condition's parentheses balanced.</summary>
    [GeneratedRegex(@"\(\$(?<name>[a-z_]+)::[A-Z]+ IS NULL OR (?<condition>(?:[^()]|(?<open>\()|(?<-open>\)))*(?(open)(?!)))\)")]
    private static partial Regex NullableFilter();

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex ClosedValue();
}
