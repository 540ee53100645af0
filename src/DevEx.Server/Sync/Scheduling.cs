using DevEx.Collectors.Sync;
using DevEx.Server.Reports;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace DevEx.Server.Sync;

/// <summary>
/// Hangfire: in-memory storage by default (zero set-up), PostgreSQL when ConnectionStrings:Hangfire is set (several
/// nodes). One recurring job per configured source; the dashboard at /hangfire answers admins only.
/// </summary>
internal static class Scheduling
{
    public static IServiceCollection AddDevExScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        // Hangfire's AddHangfire hands every host the process-wide JobStorage.Current and JobActivator.Current, which the
        // last host to start overwrites: with two hosts in one process (the tests run many), one would run its jobs on the
        // other's storage and services, disposed with it. Each host gets its own, registered before AddHangfire's defaults.
        var postgres = configuration.GetConnectionString("Hangfire");
        services.AddSingleton<JobStorage>(_ => string.IsNullOrWhiteSpace(postgres) ? new InMemoryStorage() : PostgresStorage(postgres));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddTransient<SyncJob>();
        services.AddHostedService<RecurringSyncRegistration>();
        services.AddReportSchedule();
        return services;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static WebApplication UseDevExScheduling(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new Auth.HangfireAdminFilter()], DashboardTitle = "DevEx jobs" });
        return app;
    }

    /// <summary>Registers (or removes) the recurring job of each source at start.</summary>
    private sealed class RecurringSyncRegistration(IEnumerable<ISyncSource> sources, IRecurringJobManager jobs, ILogger<RecurringSyncRegistration> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var source in sources)
            {
                var id = $"sync-{source.Name}";
                if (source.IsConfigured)
                {
                    jobs.AddOrUpdate<SyncJob>(id, job => job.RunAsync(source.Name, CancellationToken.None), source.Schedule);
                    logger.LogInformation("Scheduled {Source} sync: {Cron} (UTC)", source.Name, source.Schedule);
                }
                else
                {
                    jobs.RemoveIfExists(id);
                }
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
