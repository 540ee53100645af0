using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

public sealed class DirectoryImporterTests : IDisposable
{
    private const string TeamCatalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: payments
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: ana
        spec:
          profile:
            email: ana@example.com
          memberOf: [payments]
        """;

    private const string ServiceCatalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: checkout
          annotations:
            github.com/project-slug: acme/checkout
        spec:
          type: service
          lifecycle: production
          owner: group:default/payments
        """;

    private readonly ImportTestDatabase db = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "import");

    public DirectoryImporterTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "catalog"));
        File.WriteAllText(Path.Combine(folder, "catalog", "team.yaml"), TeamCatalog);
        File.WriteAllText(Path.Combine(folder, "catalog", "service.yml"), ServiceCatalog);
        File.WriteAllText(Path.Combine(folder, "catalog", "README.txt"), "not an entity");
        File.WriteAllText(Path.Combine(folder, "repositories.ndjson"), """{"repo":"acme/checkout","defaultBranch":"main"}""" + "\n");
        File.WriteAllText(Path.Combine(folder, "deployments.ndjson"),
            """{"id":"d1","service":"checkout","repo":"acme/checkout","environment":"production","sha":"c1","finishedAt":"2026-02-02T09:00:00Z","status":"success"}""" + "\n"
            + """{"id":"d2","service":"checkout","environment":"production","sha":"c2","finishedAt":"2026-02-02T10:00:00Z","status":"failure"}""" + "\n");
        File.WriteAllText(Path.Combine(folder, "tickets.ndjson"), """{"key":"PAY-1","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z"}""" + "\n");
    }

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void A_folder_with_a_catalog_and_ndjson_files_is_imported_whole()
    {
        var summary = new DirectoryImporter(db.Database, db.Clock).Import(folder);

        Assert.Equal(
            ["catalog/service.yml", "catalog/team.yaml", "repositories.ndjson", "deployments.ndjson", "tickets.ndjson"],
            summary.Files.Select(f => f.File));
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(["payments"], db.Query<string>("SELECT id FROM teams"));
        Assert.Equal([("payments", "ana")], db.Query<(string, string)>("SELECT team_id, person_id FROM team_memberships"));
        Assert.Equal([("checkout", "payments")], db.Query<(string, string)>("SELECT id, owner_team FROM services"));
        Assert.Equal(["acme/checkout"], db.Query<string>("SELECT repo FROM repositories"));
        Assert.Equal(["d1", "d2"], db.Query<string>("SELECT id FROM deployments ORDER BY id"));
    }

    [Fact]
    public void A_tickets_file_is_imported_without_a_note()
    {
        var summary = new DirectoryImporter(db.Database, db.Clock).Import(folder);

        Assert.Empty(summary.Notes);
        Assert.Equal(["PAY-1"], db.Query<string>("SELECT key FROM tickets"));
    }

    [Fact]
    public void A_missing_folder_throws()
    {
        var importer = new DirectoryImporter(db.Database, db.Clock);

        Assert.Throws<DirectoryNotFoundException>(() => importer.Import(Path.Combine(folder, "no-such-folder")));
    }
}
