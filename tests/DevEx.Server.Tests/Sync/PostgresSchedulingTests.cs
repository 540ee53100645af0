using Microsoft.AspNetCore.Hosting;
using Npgsql;
using NodaTime;

namespace DevEx.Server.Tests.Sync;

/// <summary>With ConnectionStrings:Hangfire set, the scheduler keeps its jobs in PostgreSQL (several nodes can share it).</summary>
public sealed class PostgresSchedulingTests
{
    [Fact]
    public async Task The_recurring_github_sync_is_stored_in_postgresql()
    {
        using var postgres = new TemporaryPostgres();
        using var factory = new DevExAppFactory(Instant.FromUtc(2026, 2, 11, 12, 0));
        using var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:Hangfire", postgres.ConnectionString)
            .UseSetting("DevEx:GitHub:Token", "test-token")
            .UseSetting("DevEx:GitHub:Organizations:0", "acme")
            .UseSetting("DevEx:GitHub:Schedule", "*/30 * * * *")
            .UseSetting("DevEx:GitHub:BaseUrl", "http://127.0.0.1:1"));
        app.CreateClient(); // starts the host: Hangfire installs its schema and the recurring jobs are registered

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM hangfire.hash WHERE key = 'recurring-job:sync-github' AND field = 'Cron'", connection);
        Assert.Equal("*/30 * * * *", await command.ExecuteScalarAsync());
    }
}
