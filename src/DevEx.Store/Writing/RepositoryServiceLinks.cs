using DevEx.Store.Rows;

namespace DevEx.Store.Writing;

/// <summary>
/// Links the catalog's services that a repository's own catalog file declares without a github.com/project-slug
/// annotation to that repository (service_repositories): a Component in a repository's catalog-info.yaml is that
/// repository's. Only services the catalog import stored are linked (a rejected Component gets no link).
/// </summary>
public static class RepositoryServiceLinks
{
    /// <summary>Writes the links in one transaction; returns how many services were linked.</summary>
    public static int Link(DuckDbDatabase database, string repo, IReadOnlyCollection<string> services) =>
        services.Count == 0 ? 0 : database.Write((connection, _) =>
        {
            var stored = Dapper.SqlMapper.Query<string>(connection, "SELECT id FROM services WHERE list_contains(string_split($ids, chr(10)), id)",
                    new { ids = string.Join('\n', services) })
                .ToList();
            TableWriter.Upsert(connection, Tables.ServiceRepositories, stored.Select(id => new ServiceRepositoryRow(id, repo)).ToList());
            return stored.Count;
        });
}
