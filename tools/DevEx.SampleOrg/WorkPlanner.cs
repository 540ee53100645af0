using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>The planned work of one repository: pull requests and direct pushes, in no particular order.</summary>
internal sealed record RepositoryWork(
    SampleRepository Repository, List<PullRequestPlan> PullRequests, List<DirectPushPlan> DirectPushes);

/// <summary>
/// Who starts what, week by week: each engineer opens pull requests at a Poisson rate (none on vacation, few in the
/// last week of December), mostly on weekdays inside their own working hours; dependency bots open PRs early on
/// Monday mornings (UTC); in the showcase team a contractor opens PRs and a build machine pushes version bumps.
/// </summary>
internal static class WorkPlanner
{
    public static IReadOnlyList<RepositoryWork> Plan(
        SampleOrganisation organisation, SampleTeam team, SamplePrng rng, TicketBoard? tickets = null)
    {
        var planner = new PullRequestPlanner(team, rng, tickets);
        var work = team.Repositories.Select(r => new RepositoryWork(r, [], [])).ToList();
        var profile = team.Profile;
        for (var week = 0; week < organisation.Weeks; week++)
        {
            var monday = organisation.StartDate.PlusWeeks(week);
            var season = HolidayFactor(monday);
            // The showcase team's outsiders, renamed person and bots act in the first week, so tiny samples show them.
            var showcaseWeek = profile.Showcase && week == 0;
            foreach (var member in team.Members.Where(m => !m.OnVacation(week)))
            {
                var atLeast = showcaseWeek && (member.OldLogin is not null || member.ZoneOverride) ? 1 : 0;
                for (var i = Math.Max(atLeast, rng.Poisson(profile.PullRequestsPerWeek * season)); i > 0; i--)
                {
                    var repository = PickRepository(work, rng);
                    repository.PullRequests.Add(planner.Feature(member, WorkStart(member, monday, rng), repository.Repository));
                }
                for (var i = rng.Poisson(profile.DirectPushesPerWeek * season); i > 0; i--)
                {
                    PickRepository(work, rng).DirectPushes.Add(
                        new DirectPushPlan(WorkStart(member, monday, rng), member, rng.Pick(SampleNames.DirectPushMessages)));
                }
            }
            if (team.Outsiders is { } outsiders)
            {
                for (var i = Math.Max(showcaseWeek ? 1 : 0, rng.Poisson(1.0 * season)); i > 0; i--)
                {
                    // The contractor's first PR is turned down: a PR closed without merge in every sample.
                    var closed = showcaseWeek && i == 1 ? PullRequestOutcome.Closed : (PullRequestOutcome?)null;
                    work[0].PullRequests.Add(planner.Feature(outsiders.Contractor,
                        WorkStart(outsiders.Contractor, monday, rng), work[0].Repository, closed));
                }
                var bumpAt = monday.AtMidnight().InUtc().ToInstant() + Duration.FromHours(6) + Duration.FromMinutes(rng.Next(60));
                work[0].DirectPushes.Add(new DirectPushPlan(bumpAt, outsiders.BuildMachine, $"Bump version to 1.{week}.0"));
            }
            foreach (var repository in work)
            {
                var bot = repository.Repository.UsesRenovate ? SampleOrganisation.Renovate : SampleOrganisation.Dependabot;
                for (var i = Math.Max(showcaseWeek ? 1 : 0, rng.Poisson(0.8)); i > 0; i--)
                {
                    var created = monday.AtMidnight().InUtc().ToInstant() + Duration.FromHours(4) + Duration.FromMinutes(rng.Next(180));
                    repository.PullRequests.Add(planner.Bot(bot, created, repository.Repository));
                }
            }
        }
        // Work planned in a person's local Monday can fall on Sunday UTC, before the window starts.
        foreach (var repository in work)
        {
            repository.PullRequests.RemoveAll(p => p.StartAt < organisation.Start);
            repository.DirectPushes.RemoveAll(p => p.At < organisation.Start);
        }
        return work;
    }

    /// <summary>A moment to start work: a weekday in working hours, or now and then a weekend afternoon.</summary>
    private static Instant WorkStart(SamplePerson person, LocalDate monday, SamplePrng rng)
    {
        if (rng.Chance(0.03))
        {
            var weekend = monday.PlusDays(rng.Next(5, 7));
            return person.Hours.At(weekend, new LocalTime(13, 0).PlusMinutes(rng.Next(300)));
        }
        return person.Hours.RandomMomentOn(monday.PlusDays(rng.Next(5)), rng);
    }

    private static RepositoryWork PickRepository(List<RepositoryWork> work, SamplePrng rng)
    {
        var roll = rng.NextDouble();
        foreach (var repository in work)
        {
            roll -= repository.Repository.Weight;
            if (roll < 0)
            {
                return repository;
            }
        }
        return work[^1];
    }

    // Little happens between Christmas and New Year.
    private static double HolidayFactor(LocalDate monday)
    {
        for (var day = 0; day < 7; day++)
        {
            var date = monday.PlusDays(day);
            if ((date.Month == 12 && date.Day >= 24) || (date.Month == 1 && date.Day == 1))
            {
                return 0.25;
            }
        }
        return 1.0;
    }
}
