namespace DevEx.Collectors.Git;

/// <summary>Tags of one naming scheme: <see cref="Shape"/> is the name's non-digit prefix and its digits as N (v1.2.0 → vN.N.N).</summary>
public sealed record TagScheme(string Shape, int Count, string Example);

/// <summary>
/// Groups tag names by shape, so a pattern that matches release tags and, say, crate tags (v1.2.0 and crate-x-1.0) is
/// caught: an unanchored regular expression does that silently, and each stray tag becomes a deployment.
/// </summary>
public static class TagSchemes
{
    /// <summary>The schemes of <paramref name="names"/>, most tags first (then by shape).</summary>
    public static IReadOnlyList<TagScheme> Of(IEnumerable<string> names) =>
        names.GroupBy(ShapeOf, StringComparer.Ordinal)
            .Select(g => new TagScheme(g.Key, g.Count(), g.Order(StringComparer.Ordinal).First()))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Shape, StringComparer.Ordinal)
            .ToList();

    /// <summary>"v1.2.0" → "vN.N.N", "crate-x-1.0" → "crate-x-N.N", "v2.0.0-rc.1" → "vN.N.N-rc.N": every run of digits is one N.</summary>
    public static string ShapeOf(string name)
    {
        var shape = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]))
            {
                shape.Append(name[i]);
            }
            else if (i == 0 || !char.IsAsciiDigit(name[i - 1]))
            {
                shape.Append('N');
            }
        }
        return shape.ToString();
    }
}
