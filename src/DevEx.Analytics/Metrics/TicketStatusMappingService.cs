using DevEx.Analytics.Tickets;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Metrics;

/// <summary>Every status seen, with the category DevEx gives it and why (queries/ticket_status_names.sql).</summary>
public sealed class TicketStatusMappingService(QueryRunner queries, TicketOptions options)
{
    public IReadOnlyList<StatusMapping> All(CancellationToken cancellationToken = default)
    {
        var sourceCategories = queries.RunSql<(string Project, string Status, string Category)>(
            "SELECT project, status, category FROM ticket_statuses ORDER BY source, project, status", new { }, cancellationToken);
        var mapper = new TicketStatusMapper(options, sourceCategories);
        return queries.Run<(string Project, string Status)>("ticket_status_names", new { }, cancellationToken)
            .Select(s => mapper.Map(s.Project, s.Status))
            .ToList();
    }
}
