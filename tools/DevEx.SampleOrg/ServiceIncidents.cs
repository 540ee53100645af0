using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// A service's incidents. Those opened by a failure story stay open until a rollback or remediation reaches
/// production; standalone ones (infrastructure, providers) are unrelated to deployments. Anything not resolved by
/// the end of the window is written without <c>resolvedAt</c>.
/// </summary>
internal sealed class ServiceIncidents(RepositorySimulation sim, SampleService service)
{
    private readonly List<PendingIncident> pending = [];

    public void Open(Instant at, string? causedByKind, string? causedByValue)
    {
        if (at >= sim.Until)
        {
            return;
        }
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            sim.Rng.Pick(SampleNames.IncidentTitles), service.Name);
        pending.Add(new PendingIncident(sim.Ids.NextIncident(), at, title, Severity(), causedByKind, causedByValue));
    }

    public void ResolveAll(Instant restored)
    {
        foreach (var incident in pending.Where(i => i.OpenedAt < restored).ToList())
        {
            var resolved = restored + sim.Rng.LogNormalDuration(Duration.FromMinutes(15), 0.6);
            Write(incident, resolved < sim.Until ? resolved : null);
            pending.Remove(incident);
        }
    }

    public void Finish()
    {
        foreach (var incident in pending)
        {
            Write(incident, null);
        }
        pending.Clear();
    }

    /// <summary>
    /// Incidents with no deployment behind them, about one per ten weeks; some never resolved. The showcase team's
    /// first service also gets one that is still open at the end.
    /// </summary>
    public void AddStandalone()
    {
        var rng = sim.Rng;
        var window = sim.Until - sim.Start;
        for (var i = rng.Poisson(sim.Weeks / 10.0); i > 0; i--)
        {
            var opened = sim.Start + Duration.FromSeconds((long)(window.TotalSeconds * rng.NextDouble()));
            var resolved = opened + rng.LogNormalDuration(Duration.FromHours(2), 1.0);
            Standalone(opened, rng.Chance(0.15) || resolved >= sim.Until ? null : resolved);
        }
        if (sim.Team.Profile.Showcase && sim.Repository == sim.Team.Repositories[0] && service == sim.Repository.Services[0])
        {
            var opened = sim.Until - rng.LogNormalDuration(Duration.FromHours(20), 0.3, Duration.FromDays(2));
            Standalone(opened < sim.Start ? sim.Start : opened, null);
        }
    }

    public static OffsetDateTime Stamp(SampleService service, Instant at) =>
        at.WithOffset(service.LocalTimestamps?.OffsetAt(at) ?? Offset.Zero);

    private void Standalone(Instant opened, Instant? resolved)
    {
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            sim.Rng.Pick(SampleNames.StandaloneIncidentTitles), service.Name);
        Write(new PendingIncident(sim.Ids.NextIncident(), opened, title, Severity(), null, null), resolved);
    }

    private string Severity() => sim.Rng.NextDouble() switch
    {
        < 0.1 => "SEV1",
        < 0.4 => "SEV2",
        < 0.85 => "SEV3",
        _ => "SEV4",
    };

    private void Write(PendingIncident incident, Instant? resolved) =>
        sim.Output.Write(new IncidentRecord(incident.Id, service.Name, Stamp(service, incident.OpenedAt),
            resolved is { } at ? Stamp(service, at) : null, incident.Title, incident.Severity,
            incident.CausedByKind, incident.CausedByValue));

    private sealed record PendingIncident(
        string Id, Instant OpenedAt, string Title, string Severity, string? CausedByKind, string? CausedByValue);
}
