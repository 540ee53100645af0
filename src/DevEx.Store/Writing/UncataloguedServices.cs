using Dapper;

namespace DevEx.Store.Writing;

/// <summary>
/// A SOURCE write, run before each derivation and kept out of it: a service that deploys but has no catalog entry
/// becomes its own service (<c>from_catalog = false</c>), with the repositories it deploys from, so the derivation
/// that follows finds every deploying service in <c>services</c>. Catalog services are never touched, and re-running
/// adds nothing (the derivation itself only reads source tables and writes d_* tables).
/// </summary>
public static class UncataloguedServices
{
    public static void Register(DuckDbDatabase database)
    {
        // Looked for first without the write lock: almost every run finds nothing to add, and a webhook waiting for the
        // lock should not wait for this.
        using (var reader = database.Open())
        {
            if (!reader.ExecuteScalar<bool>("""
                    SELECT EXISTS (SELECT 1 FROM deployments WHERE service NOT IN (SELECT id FROM services))
                        OR EXISTS (SELECT 1 FROM deployments d JOIN services s ON s.id = d.service AND NOT s.from_catalog
                                   WHERE d.repo IS NOT NULL AND NOT EXISTS (SELECT 1 FROM service_repositories r
                                                                            WHERE r.service_id = d.service AND r.repo = d.repo))
                    """))
            {
                return;
            }
        }
        database.Write((connection, transaction) =>
            connection.Execute("""
                INSERT INTO services (id, owner_team, production_environments, golden_path, from_catalog)
                SELECT DISTINCT service, NULL, NULL, NULL, false FROM deployments
                WHERE service NOT IN (SELECT id FROM services);
                INSERT INTO service_repositories (service_id, repo)
                SELECT DISTINCT d.service, d.repo FROM deployments d JOIN services s ON s.id = d.service AND NOT s.from_catalog
                WHERE d.repo IS NOT NULL
                ON CONFLICT DO NOTHING;
                """, transaction: transaction));
    }
}
