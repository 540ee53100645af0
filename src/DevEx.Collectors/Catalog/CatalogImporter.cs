using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// Imports Backstage entities of every built-in kind: each into catalog_entities (with its catalog_relations), and
/// Groups, Users and Components also into teams, people, identities, memberships, services and their repos, as the
/// metrics read them. An invalid entity goes to import_rejects with its source, line and reason; the rest are kept. A
/// reference seen a second time (twice in one source, or already stored from another source) keeps its first copy, as
/// Backstage does, and the copy not kept becomes a catalog_duplicates row for the data-quality page.
/// </summary>
public sealed class CatalogImporter(DuckDbDatabase database, IClock clock)
{
    /// <summary>
    /// Catalog YAML (one or more entity documents) from <paramref name="source"/>: a file name, or where a file was found
    /// (e.g. a repository's catalog-info.yaml). Entities keep <paramref name="source"/> and their line as their source.
    /// The file is the whole of its source: entities stored from it before that it no longer declares are removed
    /// (<see cref="CatalogSourceRemoval"/>), unless something in it was rejected (the rejected part may hold them).
    /// </summary>
    public ImportFileSummary Import(TextReader reader, string source)
    {
        var read = CatalogReader.Read(reader, source);
        return Import(read.Entities, read.Rejects, source, wholeSource: true);
    }

    /// <summary>
    /// Entities already read and validated (the catalog API's pages), with the rejects found reading them.
    /// <paramref name="wholeSource"/>: they are all the source holds (see <see cref="Import(TextReader, string)"/>).
    /// </summary>
    internal ImportFileSummary Import(IReadOnlyList<CatalogEntity> entities, IReadOnlyList<CatalogReader.ImportRejectInfo> readRejects, string source,
        bool wholeSource = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var rows = new CatalogMapper.Rows();
        var kept = database.Write((connection, _) =>
        {
            var batch = Keep(entities, StoredCatalogEntities.Read(connection), rows, now);
            var rejects = readRejects.Concat(rows.Rejects).Select(r => new ImportRejectRow(r.File, r.Line, r.Reason, r.Content, now)).ToList();
            TableWriter.Upsert(connection, Tables.Teams, rows.Teams);
            TableWriter.Upsert(connection, Tables.People, rows.People);
            // Weaker identity claims first so that an explicit email, login or alias of another person wins.
            TableWriter.Upsert(connection, Tables.Identities, rows.Identities.OrderBy(i => i.Kind == "name" ? 0 : 1).ToList());
            TableWriter.Upsert(connection, Tables.TeamMemberships, rows.Memberships);
            TableWriter.Upsert(connection, Tables.Services, rows.Services);
            TableWriter.Upsert(connection, Tables.ServiceRepositories, rows.ServiceRepositories);
            TableWriter.Upsert(connection, Tables.CatalogEntities, batch.Entities);
            TableWriter.ReplaceChildren(connection, Tables.CatalogEntityKeys, batch.Entities, Tables.CatalogRelations, batch.Relations);
            TableWriter.Upsert(connection, Tables.CatalogDuplicates, batch.Duplicates);
            TableWriter.Upsert(connection, Tables.ImportRejects, rejects);
            if (wholeSource && rejects.Count == 0)
            {
                CatalogSourceRemoval.RemoveOthers(connection, source, [.. entities.Select(e => e.Ref)]);
            }
            return batch.Entities.Count;
        }, cancellationToken);
        var allRejects = readRejects.Concat(rows.Rejects).ToList();
        var shown = allRejects.Take(ImportFileSummary.RejectsShown).Select(r => new ImportReject(r.File, r.Line, r.Reason)).ToList();
        return new ImportFileSummary(source, kept, allRejects.Count, shown);
    }

    private sealed record Batch(List<CatalogEntityRow> Entities, List<CatalogRelationRow> Relations, List<CatalogDuplicateRow> Duplicates);

    /// <summary>
    /// The entities to write: the first copy of each reference, unless another source already holds it (the same source
    /// brings its own entities again, and keeps their first_seen). Each kept entity is also mapped to the metric tables;
    /// one the mapper rejects (a bad DevEx annotation) is not kept.
    /// </summary>
    private static Batch Keep(IReadOnlyList<CatalogEntity> entities, IReadOnlyDictionary<string, StoredCatalogEntityInfo> stored,
        CatalogMapper.Rows rows, Instant now)
    {
        var batch = new Batch([], [], []);
        var first = new Dictionary<string, CatalogEntity>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var key = entity.Ref;
            if (first.TryGetValue(key, out var earlier))
            {
                batch.Duplicates.Add(new CatalogDuplicateRow(key, earlier.File, earlier.Line, entity.File, entity.Line, now));
                continue;
            }
            var held = stored.GetValueOrDefault(key);
            if (held is not null && held.Source != entity.File)
            {
                batch.Duplicates.Add(new CatalogDuplicateRow(key, held.Source, held.SourceLine, entity.File, entity.Line, now));
                continue;
            }
            var rejectsBefore = rows.Rejects.Count;
            CatalogMapper.Map(entity, rows);
            if (rows.Rejects.Count > rejectsBefore)
            {
                continue;
            }
            first[key] = entity;
            batch.Entities.Add(CatalogEntityMapper.Row(entity, held?.FirstSeen ?? now, now));
            batch.Relations.AddRange(CatalogEntityMapper.Relations(entity));
        }
        return batch;
    }
}
