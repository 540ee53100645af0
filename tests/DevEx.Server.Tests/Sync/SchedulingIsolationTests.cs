using DevEx.Server.Sync;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Sync;

/// <summary>
/// Two hosts in one process (as in the tests, or a host restarted in place) each keep their own Hangfire storage and job
/// activator, whatever order they start and stop in: the one stopped first takes nothing of the other's with it.
/// </summary>
public sealed class SchedulingIsolationTests
{
    [Fact]
    public void A_host_keeps_its_own_storage_when_another_configures_hangfire_after_it()
    {
        using var first = SchedulingServices();
        first.GetRequiredService<IGlobalConfiguration>(); // the first host configures Hangfire...
        var second = SchedulingServices();
        var secondStorage = second.GetRequiredService<JobStorage>(); // ...then the second one does

        var firstStorage = first.GetRequiredService<JobStorage>();

        Assert.NotSame(secondStorage, firstStorage);
        Assert.NotSame(second.GetRequiredService<JobActivator>(), first.GetRequiredService<JobActivator>());
        second.Dispose();
        first.GetRequiredService<IRecurringJobManager>().AddOrUpdate("still-works", () => Console.WriteLine(), Cron.Daily());
        using var connection = firstStorage.GetConnection();
        Assert.Single(connection.GetRecurringJobs(), job => job.Id == "still-works");
    }

    private static ServiceProvider SchedulingServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDevExScheduling(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
