using System.Text.Json;
using System.Text.Json.Serialization;
using DevEx.Server.Access;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Reads and checks one dashboards/*.json file. Everything that can be known without data is checked here (JSON,
/// unknown properties, kinds, sources, query files, the columns each kind needs); a column a query does not return
/// shows as an error inside its panel. Whatever a file holds (nulls, wrong types, half a document), reading it gives a
/// dashboard or a list of reasons, never an exception: one bad file must not take the other dashboards down.
/// </summary>
internal sealed class DashboardReader(PanelSourceRegistry sources, QueryFiles queries)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // "title": null or "y": null is a mistake in the file, reported with its path like any other.
        RespectNullableAnnotations = true,
        Converters = { new DefinitionEnumConverter<PanelKind>("kind"), new DefinitionEnumConverter<Surface>("shows") },
    };

    private sealed record DashboardFile(string Title, string? Description, int Order, IReadOnlyList<PanelDefinition> Panels, Surface? Shows)
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; init; }
    }

    public (DashboardDefinition? Dashboard, IReadOnlyList<string> Problems) Read(string id, string json)
    {
        DashboardFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DashboardFile>(json, Json);
        }
        catch (JsonException e) when (e.Path is not null && !e.Message.Contains("Path:", StringComparison.Ordinal))
        {
            // A message of our own (DefinitionEnumConverter) says what is wrong; System.Text.Json knows where.
            return (null, [$"{e.Message} Path: {e.Path}"]);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return (null, [e.Message]);
        }
        if (file is null || string.IsNullOrWhiteSpace(file.Title) || file.Panels is null || file.Panels.Count == 0)
        {
            return (null, ["a dashboard needs a title and at least one panel"]);
        }
        var problems = file.Panels.SelectMany((p, i) => p is null ? [$"panels[{i}] is null, not a panel"] : Check(p, i)).ToList();
        problems.AddRange(file.Panels.OfType<PanelDefinition>().GroupBy(p => p.Id).Where(g => g.Count() > 1)
            .Select(g => $"panel id '{g.Key}' is used {g.Count()} times"));
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var panels = file.Panels.Select(p => p with { Fingerprint = ContentFingerprint.Of(JsonSerializer.Serialize(p, Json)) }).ToList();
        return (new DashboardDefinition(id, file.Title, file.Description, file.Order, panels) { Shows = file.Shows ?? Surface.Figures }, []);
    }

    private IEnumerable<string> Check(PanelDefinition panel, int index)
    {
        var where = $"panels[{index}] ('{panel.Id}')";
        if (string.IsNullOrWhiteSpace(panel.Id) || !panel.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            yield return $"{where}: id must be lower-case letters, digits and dashes";
        }
        if (string.IsNullOrWhiteSpace(panel.Title))
        {
            yield return $"{where}: title is required";
        }
        if ((panel.Source is null) == (panel.Query is null))
        {
            yield return $"{where}: give exactly one of source (built-in: {string.Join(", ", sources.All.Select(s => s.Name))}) or query (a queries/ file)";
        }
        else if (panel.Source is not null && sources.Find(panel.Source) is null)
        {
            yield return $"{where}: unknown source '{panel.Source}'; built-in sources are {string.Join(", ", sources.All.Select(s => s.Name))}";
        }
        else if (panel.Query is not null && !queries.Exists(panel.Query))
        {
            yield return $"{where}: no query '{panel.Query}' (looked for a built-in query and {queries.Folder ?? "queries"}/{panel.Query}.sql)";
        }
        if (panel.Group is not null && (panel.Query is null || panel.Group is not ("none" or "team" or "service")))
        {
            yield return $"{where}: group is none, team or service, and only for a query panel (not '{panel.Group}')";
        }
        if (panel.Shows is not null && panel.Source is { } source && sources.Find(source) is { } builtIn)
        {
            yield return $"{where}: shows is for a query panel; source '{source}' shows {DefinitionEnumConverter<Surface>.Name(builtIn.Shows)}, as it says itself";
        }
        if (panel.Y.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{where}: y must list column names (found an empty or null entry)";
        }
        if (panel.Table.Any(c => c is null || string.IsNullOrWhiteSpace(c.Name)))
        {
            yield return $"{where}: every table column needs a name";
        }
        if (panel.Width is not ("full" or "half" or "third"))
        {
            yield return $"{where}: width must be full, half or third";
        }
        foreach (var missing in Needs(panel).Where(n => n.Missing).Select(n => n.Name))
        {
            yield return $"{where}: a {panel.Kind.ToString().ToLowerInvariant()} panel needs '{missing}'";
        }
    }

    private static IEnumerable<(string Name, bool Missing)> Needs(PanelDefinition panel) => panel.Kind switch
    {
        PanelKind.Stat => [("value", panel.Value is null)],
        PanelKind.Line or PanelKind.Bar or PanelKind.StackedBar =>
            [("y (or series and value)", panel.Y.Count == 0 && (panel.Series is null || panel.Value is null))],
        PanelKind.Pivot => [("rows", panel.Rows is null), ("columns", panel.Columns is null), ("value", panel.Value is null)],
        PanelKind.Distribution => [("value", panel.Value is null)],
        _ => [],
    };
}
