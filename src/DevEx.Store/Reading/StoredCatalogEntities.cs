using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store.Reading;

/// <summary>The entity references already in catalog_entities, read inside the import's write transaction.</summary>
public static class StoredCatalogEntities
{
    /// <summary>Every stored entity's reference, source and first sighting (a catalog holds thousands, not millions).</summary>
    public static IReadOnlyDictionary<string, StoredCatalogEntityInfo> Read(DuckDBConnection connection) =>
        connection.Query<(string EntityRef, string Source, int SourceLine, DateTime FirstSeen)>(
                "SELECT entity_ref, source, source_line, first_seen FROM catalog_entities")
            .ToDictionary(r => r.EntityRef, r => new StoredCatalogEntityInfo(r.Source, r.SourceLine, DapperTypeHandlers.ToInstant(r.FirstSeen)),
                StringComparer.Ordinal);
}

/// <summary>Where a stored entity came from and since when.</summary>
public sealed record StoredCatalogEntityInfo(string Source, int SourceLine, NodaTime.Instant FirstSeen);
