using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// Removes the catalog entities a source no longer holds: those stored from <c>source</c> (a catalog file, a
/// repository's catalog file, a Backstage base URL) whose reference its latest complete read did not bring, with the
/// relations they state. The teams, people and services they were mapped to stay (their history is the metrics'); an
/// entity gone from the catalog stops counting as a Component, Group or User of the catalog (docs/adoption.md).
/// </summary>
public static class CatalogSourceRemoval
{
    /// <summary>Deletes them inside the caller's transaction; returns their references, in order.</summary>
    public static IReadOnlyList<string> RemoveOthers(DuckDBConnection connection, string source, IReadOnlyCollection<string> kept)
    {
        var removed = connection.Query<string>("""
                SELECT entity_ref FROM catalog_entities
                WHERE source = $source AND NOT list_contains(string_split($kept, chr(10)), entity_ref)
                ORDER BY entity_ref
                """, new { source, kept = string.Join('\n', kept) })
            .AsList();
        if (removed.Count > 0)
        {
            var refs = string.Join('\n', removed);
            connection.Execute("DELETE FROM catalog_relations WHERE list_contains(string_split($refs, chr(10)), source_ref)", new { refs });
            connection.Execute("DELETE FROM catalog_entities WHERE list_contains(string_split($refs, chr(10)), entity_ref)", new { refs });
        }
        return removed;
    }

    /// <summary>The same in a transaction of its own.</summary>
    public static IReadOnlyList<string> RemoveOthers(DuckDbDatabase database, string source, IReadOnlyCollection<string> kept) =>
        database.Write((connection, _) => RemoveOthers(connection, source, kept));

    /// <summary>
    /// Removes every entity of the sources starting with <paramref name="prefix"/> (a repository's catalog files,
    /// <c>github:owner/name/</c>) other than <paramref name="current"/>: the files no longer read. Returns their references.
    /// </summary>
    public static IReadOnlyList<string> RemoveSourcesOtherThan(DuckDbDatabase database, string prefix, IReadOnlySet<string> current) =>
        database.Write((connection, _) =>
            connection.Query<string>("SELECT DISTINCT source FROM catalog_entities WHERE starts_with(source, $prefix) ORDER BY source", new { prefix })
                .Where(source => !current.Contains(source))
                .SelectMany(source => RemoveOthers(connection, source, []))
                .ToList());
}
