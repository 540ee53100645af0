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
            var (dashboard, reasons) = reader.Read(Path.GetFileNameWithoutExtension(file), ReadText(file, out var error) ?? "");
            if (error is not null)
            {
                reasons = [error];
            }
            problems.AddRange(reasons.Select(r => new DashboardProblem(name, r)));
            if (dashboard is not null && error is null)
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

    private static string? ReadText(string file, out string? error)
    {
        error = null;
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException e)
        {
            error = $"cannot read: {e.Message}";
            return null;
        }
    }
}
