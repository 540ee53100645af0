using System.Data;
using Dapper;
using DevEx.Analytics.Metrics;
using DevEx.Store;
using DevEx.Store.Queries;

namespace DevEx.Server.Dashboards;

/// <summary>Loads a panel's table from its built-in source or its queries/ file, through the cache.</summary>
internal sealed class PanelLoader(PanelSourceRegistry sources, QueryFiles queries, DuckDbDatabase database, PanelCache cache)
{
    public PanelData Load(PanelDefinition panel, DashboardFilter filter, CancellationToken cancellationToken) =>
        cache.GetOrAdd($"{panel.SourceKey}?{filter.Key}", () => panel.Source is { } name
            ? sources.Find(name)!.Load(filter, cancellationToken)
            : RunQuery(panel.Query!, filter, cancellationToken));

    private PanelData RunQuery(string name, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var sql = queries.IsBuiltIn(name) ? QueryCatalog.Get(name) : queries.ReadFromDisk(name);
        var parameters = MetricParameters.For(filter.Window, filter.Scope, filter.Interval);
        parameters.Add("group", "none");
        parameters.Add("project", null);
        using var connection = database.Open();
        using var reader = connection.ExecuteReader(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => Column(reader, i)).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new PanelData(columns, rows);
    }

    private static PanelColumn Column(IDataReader reader, int i)
    {
        var name = reader.GetName(i);
        var type = reader.GetFieldType(i);
        var unit = name.EndsWith("_hours", StringComparison.Ordinal) ? "hours"
            : name.EndsWith("_rate", StringComparison.Ordinal) || name == "rate" ? "rate"
            : name == "period" || type == typeof(DateOnly) ? "date"
            : type == typeof(DateTime) ? "instant"
            : type == typeof(string) || type == typeof(bool) ? "text"
            : "number";
        return new PanelColumn(name, Humanize(name), unit);
    }

    private static string Humanize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
