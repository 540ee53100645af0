namespace DevEx.Benchmarks;

/// <summary>The checkout this program was built in: the folder above it that holds DevEx.sln.</summary>
internal static class Checkout
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the checkout (sample-data, a test fixture).</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "DevEx.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds DevEx.sln.");
    }
}
