using DevEx.Server.Access;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api.Contracts;
using static DevEx.Server.Api.Contracts.Answer;

namespace DevEx.Server.Api;

/// <summary>Ticket flow, its explain listing, the wait states view and the status mapping behind them.</summary>
internal static class TicketEndpoints
{
    public static RouteGroupBuilder MapTickets(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("").WithTags("Tickets");
        tickets.MapGet("/metrics/tickets", (TicketMetricsService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request,
                string? project, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r) ?? resolver.UnknownProject(project), () => service.Get(r.Window, r.Scope, project, ct)))
            .WithSummary("Ticket cycle, active, wait and blocked time, flow efficiency, throughput, WIP and time by status")
            .ProducesParameterProblems();
        tickets.MapGet("/metrics/wait-states", (WaitStatesService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request,
                string? project, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r) ?? resolver.UnknownProject(project), () => service.Get(r.Window, r.Scope, project, ct)))
            .WithSummary("Where time is lost: pickup, review, merge, CI, deploy and ticket waits, most hours first")
            .ProducesParameterProblems();
        tickets.MapGet("/tickets", (TicketExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request,
                string? project, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r) ?? resolver.UnknownProject(project), () => service.Tickets(r.Window, r.Scope, project, ct)))
            .Shows(Surface.Listing)
            .WithSummary("Tickets done in the window, with their flow facts and status intervals")
            .ProducesParameterProblems();
        tickets.MapGet("/status-mapping", (TicketStatusMappingService service, CancellationToken ct) => TypedResults.Ok(service.All(ct)))
            .WithSummary("Every ticket status seen, its category and why (override, source category or default rule)");
        return tickets;
    }
}
