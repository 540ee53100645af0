using Dapper;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Store.Tests.Writing;

public sealed class TableWriterUpsertTests : IDisposable
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 2, 2, 9, 0);

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Upserting_the_same_rows_twice_leaves_the_same_rows()
    {
        DeploymentRow[] rows = [Deployment("d1", "success"), Deployment("d2", "failure")];

        Upsert(rows);
        Upsert(rows);

        Assert.Equal([("d1", "success"), ("d2", "failure")], Statuses());
    }

    [Fact]
    public void A_second_upsert_with_a_changed_field_updates_it()
    {
        Upsert([Deployment("d1", "failure"), Deployment("d2", "success")]);

        Upsert([Deployment("d1", "success")]);

        Assert.Equal([("d1", "success"), ("d2", "success")], Statuses());
    }

    [Fact]
    public void Within_one_batch_the_last_row_of_a_key_wins()
    {
        Upsert([Deployment("d1", "failure"), Deployment("d1", "cancelled"), Deployment("d1", "success")]);

        Assert.Equal([("d1", "success")], Statuses());
    }

    [Fact]
    public void An_empty_batch_writes_nothing()
    {
        using var connection = temporary.Database.Open();

        Assert.Equal(0, TableWriter.Upsert(connection, Tables.Deployments, Array.Empty<DeploymentRow>()));
        Assert.Empty(Statuses());
    }

    private static DeploymentRow Deployment(string id, string status) =>
        new(id, "api", "acme/api", "production", "abc123", null, Nine, status, "test");

    private void Upsert(IReadOnlyCollection<DeploymentRow> rows)
    {
        using var connection = temporary.Database.Open();
        TableWriter.Upsert(connection, Tables.Deployments, rows);
    }

    private List<(string Id, string Status)> Statuses()
    {
        using var connection = temporary.Database.Open();
        return connection.Query<(string, string)>("SELECT id, status FROM deployments ORDER BY id").ToList();
    }
}
