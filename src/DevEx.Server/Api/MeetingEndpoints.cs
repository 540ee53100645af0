using DevEx.Server.Access;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api.Contracts;
using static DevEx.Server.Api.Contracts.Answer;

namespace DevEx.Server.Api;

/// <summary>Team meeting load and focus time. A person sees their own weeks only, at /api/v1/me/meeting-load (Personal/MeEndpoints).</summary>
internal static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("").WithTags("Meetings");
        meetings.MapGet("/metrics/meetings", (MeetingMetricsService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request,
                CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r)
                ?? (r.Interval != MetricInterval.Week
                    ? Problems.BadRequest("interval", $"Meeting figures are per week; 'interval' must be week, not '{request.Interval}'.")
                    : null),
                () => service.Get(r.Window, r.Scope, ct)))
            .ProducesParameterProblems()
            .Shows(Surface.TeamMeetings)
            .WithSummary("Median and p75 meeting hours, meeting load, focus and fragmented time per person per week; withheld below MinCohort");
        return meetings;
    }
}
