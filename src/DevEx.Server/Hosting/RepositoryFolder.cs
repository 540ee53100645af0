namespace DevEx.Server.Hosting;

/// <summary>
/// Finds a folder of the repository (sample-data/, dashboards/, queries/): the configured path as given (relative to
/// the working directory), else the same relative path in a folder above the program, so <c>dotnet run</c> and
/// <c>dotnet test</c> find the repository's copy.
/// </summary>
internal static class RepositoryFolder
{
    public static string? Find(string configured, Func<string, bool> isWanted)
    {
        if (isWanted(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (Path.IsPathRooted(configured))
        {
            return null;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, configured);
            if (isWanted(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>The bundled sample is a folder holding the generator's settings.</summary>
internal static class SampleDataLocator
{
    public static string? Find(string configured) => RepositoryFolder.Find(configured, path => File.Exists(Path.Combine(path, "generator.json")));
}
