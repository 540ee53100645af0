using System.Text;

namespace DevEx.Store.Queries;

/// <summary>
/// Replaces each <c>CASE $group WHEN 'team' THEN a WHEN 'service' THEN b END</c> of a query by the arm of one grouping
/// (<c>a</c> for team; the <c>ELSE</c>, or <c>NULL</c>, when no arm names it, as the CASE would give). DuckDB plans a subquery inside an arm
/// even when a constant selects another arm, and the team lookup of the by-team arm cost ~0.8 ms of a 2.5 ms query.
/// An arm may hold one nested <c>CASE … END</c>; anything else is left as written.
/// </summary>
internal static class GroupingChoice
{
    private const string Start = "CASE $group";

    public static string Select(string sql, string grouping)
    {
        var result = new StringBuilder(sql.Length);
        var position = 0;
        while (sql.IndexOf(Start, position, StringComparison.Ordinal) is var at and >= 0)
        {
            result.Append(sql, position, at - position);
            if (TryParse(sql, at + Start.Length, out var arms, out var otherwise, out var end))
            {
                result.Append(arms.TryGetValue(grouping, out var arm) ? $"({arm})" : otherwise is null ? "NULL::VARCHAR" : $"({otherwise})");
                position = end;
            }
            else
            {
                result.Append(Start);
                position = at + Start.Length;
            }
        }
        return result.Append(sql, position, sql.Length - position).ToString();
    }

    /// <summary>Reads <c> WHEN 'x' THEN expr</c> arms, and an <c> ELSE expr</c>, up to the CASE's own <c>END</c>.</summary>
    private static bool TryParse(string sql, int from, out Dictionary<string, string> arms, out string? otherwise, out int end)
    {
        arms = new Dictionary<string, string>(StringComparer.Ordinal);
        otherwise = null;
        end = from;
        var cursor = from;
        while (true)
        {
            if (Next(sql, cursor, " END") is { } afterEnd)
            {
                end = afterEnd;
                return arms.Count > 0;
            }
            if (Next(sql, cursor, " ELSE ") is { } elseStart)
            {
                var elseEnd = ExpressionEnd(sql, elseStart);
                if (elseEnd < 0 || Next(sql, elseEnd, " END") is null)
                {
                    return false;
                }
                otherwise = sql[elseStart..elseEnd].Trim();
                cursor = elseEnd;
                continue;
            }
            if (Next(sql, cursor, " WHEN '") is not { } valueStart)
            {
                return false;
            }
            var valueEnd = sql.IndexOf('\'', valueStart);
            if (valueEnd < 0 || Next(sql, valueEnd + 1, " THEN ") is not { } expressionStart)
            {
                return false;
            }
            var expressionEnd = ExpressionEnd(sql, expressionStart);
            if (expressionEnd < 0)
            {
                return false;
            }
            arms[sql[valueStart..valueEnd]] = sql[expressionStart..expressionEnd].Trim();
            cursor = expressionEnd;
        }
    }

    private static int? Next(string sql, int at, string expected) =>
        string.CompareOrdinal(sql, at, expected, 0, expected.Length) == 0 ? at + expected.Length : null;

    /// <summary>Where an arm's expression ends: at the next top-level " WHEN '", " ELSE " or " END", nested CASEs skipped.</summary>
    private static int ExpressionEnd(string sql, int from)
    {
        var depth = 0;
        for (var i = from; i < sql.Length && sql[i] != '\n'; i++)
        {
            if (Next(sql, i, "CASE ") is not null && (i == 0 || !char.IsLetterOrDigit(sql[i - 1])))
            {
                depth++;
            }
            else if (Next(sql, i, " END") is { } afterEnd && (afterEnd == sql.Length || !char.IsLetterOrDigit(sql[afterEnd])))
            {
                if (depth == 0)
                {
                    return i;
                }
                depth--;
                i = afterEnd - 1;
            }
            else if (depth == 0 && (Next(sql, i, " WHEN '") is not null || Next(sql, i, " ELSE ") is not null))
            {
                return i;
            }
        }
        return -1;
    }
}
