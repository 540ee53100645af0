using NodaTime;

namespace DevEx.SampleOrg;

internal enum DeployKind
{
    Normal,
    Rollback,
    Redeploy,
    Remediation,
}

/// <summary>
/// One service's path to production. Every change to main reaches staging (batched while a rollout is running);
/// production follows on merge or at the team's release windows. While a failure is being handled the service is
/// frozen: only the rollback and the remediation (revert, hotfix) go out, and the remediation lifts the freeze.
/// </summary>
internal sealed class ServiceDeployer(RepositorySimulation sim, SampleService service, DeploymentRisk risk)
{
    private readonly DeployCadence cadence = sim.Team.Profile.Cadence;
    private bool stagingPending;
    private bool promotionPending;
    private bool frozen;
    private Instant stagingFree;
    private Instant productionFree;
    private MainChange staged = null!;
    private MainChange live = null!;
    private MainChange previous = null!;

    public RepositorySimulation Simulation => sim;

    public SampleService Service => service;

    public ServiceIncidents Incidents { get; } = new(sim, service);

    public void Start()
    {
        // The deployment before the window: it gives the first deployment in the window something to compare with.
        staged = live = previous = sim.Main.Tip;
        var at = sim.Start - Duration.FromDays(3) + Duration.FromHours(10);
        WriteRow(service.StagingEnvironment, live.Sha, at, at + Duration.FromMinutes(4), "success");
        foreach (var environment in service.ProductionEnvironments)
        {
            at += Duration.FromHours(1);
            WriteRow(environment, live.Sha, at, at + Duration.FromMinutes(6), "success");
        }
        if (cadence != DeployCadence.OnMerge)
        {
            ScheduleNextWindow(sim.Start);
        }
        Incidents.AddStandalone();
    }

    public void Freeze() => frozen = true;

    public void OnMainChanged()
    {
        if (stagingPending)
        {
            return;
        }
        stagingPending = true;
        sim.Schedule(sim.Now + sim.Rng.LogNormalDuration(Duration.FromMinutes(12), 0.3), DeployStaging);
    }

    /// <summary>A remediation reached main: roll it out now, whatever the cadence, then lift the freeze.</summary>
    public void Expedite()
    {
        var free = Max(stagingFree, productionFree);
        if (sim.Now < free)
        {
            sim.Schedule(free, Expedite);
            return;
        }
        var target = sim.Main.Tip;
        if (Rollout(service.StagingEnvironment, target, sim.Now, production: false) is not { } done)
        {
            return;
        }
        stagingFree = done.Finished;
        staged = target;
        sim.Schedule(done.Finished + sim.Rng.LogNormalDuration(Duration.FromMinutes(4), 0.5), DeployRemediation);
    }

    /// <summary>Production goes back to the sha before the bad one: a strict ancestor of what is live.</summary>
    public void Rollback(Action<Instant> then)
    {
        if (sim.Now < productionFree)
        {
            sim.Schedule(productionFree, () => Rollback(then));
            return;
        }
        if (DeployProduction(previous, DeployKind.Rollback, "workflow_dispatch") is { } finished)
        {
            then(finished);
        }
    }

    private void DeployStaging()
    {
        if (sim.Now < stagingFree)
        {
            sim.Schedule(stagingFree, DeployStaging);
            return;
        }
        stagingPending = false;
        var tip = sim.Main.Tip;
        if (tip.Index <= staged.Index)
        {
            return;
        }
        if (Rollout(service.StagingEnvironment, tip, sim.Now, production: false) is not { } done)
        {
            stagingFree = sim.Until;
            return;
        }
        stagingFree = done.Finished;
        staged = tip;
        if (cadence == DeployCadence.OnMerge)
        {
            RequestPromotion(done.Finished + sim.Rng.LogNormalDuration(Duration.FromMinutes(12), 0.5));
        }
    }

    private void RequestPromotion(Instant at)
    {
        if (!promotionPending)
        {
            promotionPending = true;
            sim.Schedule(at, Promote);
        }
    }

    private void Promote()
    {
        promotionPending = false;
        if (frozen || staged.Index <= live.Index)
        {
            return;
        }
        if (sim.Now < productionFree)
        {
            RequestPromotion(productionFree);
            return;
        }
        DeployProduction(staged, DeployKind.Normal, "push");
    }

    private void Window()
    {
        ScheduleNextWindow(sim.Now);
        if (!frozen && sim.Now >= productionFree && staged.Index > live.Index)
        {
            DeployProduction(staged, DeployKind.Normal, "workflow_dispatch");
        }
    }

    private void DeployRemediation()
    {
        if (sim.Now < productionFree)
        {
            sim.Schedule(productionFree, DeployRemediation);
            return;
        }
        DeployProduction(staged, DeployKind.Remediation, "workflow_dispatch");
    }

    private void Redeploy(MainChange expected)
    {
        if (!frozen && live == expected && sim.Now >= productionFree)
        {
            DeployProduction(live, DeployKind.Redeploy, "workflow_dispatch");
        }
    }

    /// <summary>Rolls <paramref name="change"/> out to every production environment; null if the window ends first.</summary>
    private Instant? DeployProduction(MainChange change, DeployKind kind, string trigger)
    {
        var start = sim.Now;
        string? firstId = null;
        var finished = start;
        foreach (var environment in service.ProductionEnvironments)
        {
            if (Rollout(environment, change, start, production: true) is not { } done)
            {
                productionFree = sim.Until;
                return null;
            }
            firstId ??= done.Id;
            finished = done.Finished;
            start = finished + Duration.FromSeconds(sim.Rng.Next(20, 90));
        }
        sim.Pipelines.Deploy(change.Sha, trigger, sim.Now, finished);
        productionFree = finished;
        var before = live;
        previous = live;
        live = change;
        switch (kind)
        {
            case DeployKind.Normal:
                var changes = sim.Main.Between(before, change);
                if (risk.Story(changes.Count > 0, changes.Any(c => c.PullRequest is not null)) is { } story)
                {
                    FailureStories.Begin(this, story, firstId!, changes, finished);
                }
                else if (risk.Redeploy())
                {
                    sim.Schedule(finished + sim.Rng.LogNormalDuration(Duration.FromHours(2), 0.6), () => Redeploy(change));
                }
                break;
            case DeployKind.Remediation:
                frozen = false;
                Incidents.ResolveAll(finished);
                break;
            case DeployKind.Rollback:
                Incidents.ResolveAll(finished);
                break;
            case DeployKind.Redeploy:
                risk.Redeployed();
                break;
        }
        return finished;
    }

    /// <summary>Attempts until one succeeds (at most three); failed and cancelled attempts are rows too.</summary>
    private (string Id, Instant Finished)? Rollout(string environment, MainChange change, Instant start, bool production)
    {
        var at = start;
        for (var attempt = 1; ; attempt++)
        {
            var status = risk.AttemptStatus(production, lastChance: attempt == 3);
            var duration = sim.Rng.LogNormalDuration(Duration.FromMinutes(production ? 6 : 4), 0.4);
            var finished = status switch
            {
                "failure" => at + (duration / 2),
                "cancelled" => at + sim.Rng.LogNormalDuration(Duration.FromSeconds(90), 0.5),
                _ => at + duration,
            };
            if (finished >= sim.Until)
            {
                return null;
            }
            var id = WriteRow(environment, change.Sha, at, finished, status);
            if (status == "success")
            {
                return (id, finished);
            }
            at = finished + sim.Rng.LogNormalDuration(Duration.FromMinutes(status == "failure" ? 12 : 4), 0.5);
        }
    }

    private string WriteRow(string environment, string sha, Instant created, Instant finished, string status)
    {
        var id = sim.Ids.NextDeployment();
        sim.Output.Write(new DeploymentRecord(id, service.Name, service.Repo, environment, sha,
            ServiceIncidents.Stamp(service, created), ServiceIncidents.Stamp(service, finished), status));
        return id;
    }

    private void ScheduleNextWindow(Instant after)
    {
        var hours = sim.Team.Hours;
        var date = hours.LocalDate(after);
        for (var day = 0; day < 40; day++, date = date.PlusDays(1))
        {
            foreach (var time in WindowTimes(date))
            {
                var at = hours.At(date, time);
                if (at > after)
                {
                    sim.Schedule(at, Window);
                    return;
                }
            }
        }
    }

    // Release trains in the team's local time: twice a day, daily, Tuesdays, or every fourth Wednesday.
    private LocalTime[] WindowTimes(LocalDate date)
    {
        if (WorkingHours.IsWeekend(date))
        {
            return [];
        }
        return cadence switch
        {
            DeployCadence.TwiceDaily => [new LocalTime(11, 0), new LocalTime(15, 30)],
            DeployCadence.Daily => [new LocalTime(14, 0)],
            DeployCadence.Weekly when date.DayOfWeek == IsoDayOfWeek.Tuesday => [new LocalTime(14, 0)],
            DeployCadence.Monthly when date.DayOfWeek == IsoDayOfWeek.Wednesday
                && Period.Between(sim.StartDate, date, PeriodUnits.Days).Days / 7 % 4 == 1 => [new LocalTime(11, 0)],
            _ => [],
        };
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
