using DevEx.Collectors.Tests.Import;

namespace DevEx.Collectors.Tests.Catalog;

/// <summary>
/// A catalog file is the whole of its source: importing it again without an entity it declared before removes that
/// entity (and the relations it stated), unless something in the file was rejected; entities of other files stay, and
/// the service it was mapped to keeps its history.
/// </summary>
public sealed class CatalogSourceRemovalTests : IDisposable
{
    private const string Both = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: checkout}
        spec: {type: service, owner: payments, lifecycle: production}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: legacy-cart}
        spec: {type: service, owner: payments, lifecycle: deprecated, dependsOn: ['component:checkout']}
        """;

    private const string CheckoutOnly = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: checkout}
        spec: {type: service, owner: payments, lifecycle: production}
        """;

    private const string Group = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: payments}
        spec: {type: team, children: []}
        """;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void An_entity_no_longer_in_its_file_is_removed_with_its_relations_and_other_files_keep_theirs()
    {
        db.ImportCatalog(Group, "groups.yaml");
        db.ImportCatalog(Both, "services.yaml");

        db.ImportCatalog(CheckoutOnly, "services.yaml");

        Assert.Equal(["component:default/checkout", "group:default/payments"], db.Query<string>("SELECT entity_ref FROM catalog_entities ORDER BY 1"));
        Assert.DoesNotContain("component:default/legacy-cart", db.Query<string>("SELECT source_ref FROM catalog_relations"));
        Assert.Contains("legacy-cart", db.Query<string>("SELECT id FROM services")); // its deployments keep their service
    }

    [Fact]
    public void A_file_with_a_rejected_entity_removes_nothing()
    {
        db.ImportCatalog(Both, "services.yaml");

        // legacy-cart is now misspelt: rejected, so the import cannot tell a removal from a typo.
        var summary = db.ImportCatalog(CheckoutOnly + """

            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: "legacy cart"}
            spec: {type: service, owner: payments, lifecycle: deprecated}
            """, "services.yaml");

        Assert.Equal(1, summary.Rejected);
        Assert.Equal(["component:default/checkout", "component:default/legacy-cart"], db.Query<string>("SELECT entity_ref FROM catalog_entities ORDER BY 1"));
    }
}
