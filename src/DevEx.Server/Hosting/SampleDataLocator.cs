namespace DevEx.Server.Hosting;

/// <summary>
/// Finds the bundled sample: the configured path as given (relative to the working directory), else the same
/// relative path in a folder above the program (so <c>dotnet run</c> and <c>dotnet test</c> find the repository's copy).
/// </summary>
internal static class SampleDataLocator
{
    public static string? Find(string configured)
    {
        if (IsSample(configured))
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
            if (IsSample(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool IsSample(string path) => File.Exists(Path.Combine(path, "generator.json"));
}
