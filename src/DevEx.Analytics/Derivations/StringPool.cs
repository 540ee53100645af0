namespace DevEx.Analytics.Derivations;

/// <summary>
/// One instance of each distinct string read while loading a derivation's input. The database hands out a new string
/// per row, so a repository name, a person or a commit SHA named by a million rows would otherwise be held a million
/// times for the whole run.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }
        strings.Add(value);
        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);
}
