using DevEx.Collectors.Tests.Import;

namespace DevEx.Collectors.Tests.Catalog;

public sealed class CatalogRejectTests : IDisposable
{
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void An_invalid_entity_is_reported_at_its_own_line_and_the_others_are_still_imported()
    {
        // Line 1: a good Group; line 6 is "---"; the bad Component's document starts on line 7.
        var summary = db.ImportCatalog("""
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: payments
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: "bad-name-"
            spec: {type: service, owner: payments, lifecycle: production}
            """, "services.yaml");

        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(("services.yaml", 7), (reject.File, reject.Line));
        Assert.Contains("'bad-name-'", reject.Reason);
        Assert.Equal(["payments"], db.Query<string>("SELECT id FROM teams"));
        Assert.Equal(0, db.Count("services"));
    }

    [Fact]
    public void An_entity_without_a_kind_is_rejected()
    {
        var summary = db.ImportCatalog("""
            apiVersion: backstage.io/v1alpha1
            metadata:
              name: orphan
            """);

        Assert.Contains("kind", Assert.Single(summary.Rejects).Reason);
    }
}
