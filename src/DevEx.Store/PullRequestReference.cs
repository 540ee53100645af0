namespace DevEx.Store;

/// <summary>Parses "owner/name#123", the way the import format and incidents name a pull request.</summary>
public static class PullRequestReference
{
    public static bool TryParse(string text, out string repo, out int number)
    {
        var hash = text.LastIndexOf('#');
        repo = hash > 0 ? text[..hash] : "";
        number = 0;
        return hash > 0 && repo.Contains('/', StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
