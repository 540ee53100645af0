using DevEx.Server.Hosting;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The dashboards of the dashboards folder. Read at start (problems logged with file and reason) and again when a
/// file is added, changed or removed, so editing a definition needs no restart; a bad file never stops the others.
/// </summary>
internal sealed class DashboardCatalog(IOptions<DevExOptions> options, DashboardReader reader, ILogger<DashboardCatalog> logger)
{
    private readonly Lock gate = new();
    private string stamp = "";
    private DashboardSet current = new([], [], null);

    public DashboardSet Current
    {
        get
        {
            var folder = RepositoryFolder.Find(options.Value.Dashboards, Directory.Exists);
            var files = folder is null ? [] : Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
            var now = string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
            lock (gate)
            {
                if (now != stamp || current.Folder != folder)
                {
                    current = Load(folder, files);
                    stamp = now;
                }
                return current;
            }
        }
    }

    private DashboardSet Load(string? folder, string[] files)
    {
        var dashboards = new List<DashboardDefinition>();
        var problems = new List<DashboardProblem>();
        if (folder is null)
        {
            problems.Add(new DashboardProblem(options.Value.Dashboards, "no dashboards folder found (DevEx:Dashboards)"));
        }
        foreach (var file in files)
        {
            var name = $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}";
            var (dashboard, reasons) = Read(file);
            problems.AddRange(reasons.Select(r => new DashboardProblem(name, r)));
            if (dashboard is not null)
            {
                dashboards.Add(dashboard);
            }
        }
        foreach (var problem in problems)
        {
            logger.LogWarning("Dashboard definition not loaded: {Problem}", problem);
        }
        logger.LogInformation("{Count} dashboards loaded from {Folder}", dashboards.Count, folder);
        return new DashboardSet(dashboards.OrderBy(d => d.Order).ThenBy(d => d.Id, StringComparer.Ordinal).ToList(), problems, folder);
    }

    /// <summary>One file's dashboard, or why not. Nothing a single file does may escape: the other files must still load.</summary>
    private (DashboardDefinition? Dashboard, IReadOnlyList<string> Reasons) Read(string file)
    {
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return (null, [$"cannot read: {e.Message}"]);
        }
        try
        {
            return reader.Read(Path.GetFileNameWithoutExtension(file), json);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reader checks what it knows; anything it missed is still this file's problem, not every page's.
            logger.LogError(e, "Reading dashboard definition {File} failed", file);
            return (null, [$"cannot be used: {e.GetType().Name}: {e.Message}"]);
        }
    }
}
