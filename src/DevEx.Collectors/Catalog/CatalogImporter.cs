using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Catalog;

/// <summary>Imports Backstage catalog YAML: teams, people, identities, memberships, services and their repos.</summary>
public sealed class CatalogImporter(DuckDbDatabase database, IClock clock)
{
    public ImportFileSummary Import(TextReader reader, string fileName)
    {
        var read = CatalogReader.Read(reader, fileName);
        var rows = new CatalogMapper.Rows();
        foreach (var entity in read.Entities)
        {
            CatalogMapper.Map(entity, rows);
        }
        var rejects = read.Rejects.Concat(rows.Rejects).ToList();
        var now = clock.GetCurrentInstant();
        database.Write((connection, _) =>
        {
            TableWriter.Upsert(connection, Tables.Teams, rows.Teams);
            TableWriter.Upsert(connection, Tables.People, rows.People);
            // Weaker identity claims first so that an explicit email, login or alias of another person wins.
            TableWriter.Upsert(connection, Tables.Identities, rows.Identities.OrderBy(i => i.Kind == "name" ? 0 : 1).ToList());
            TableWriter.Upsert(connection, Tables.TeamMemberships, rows.Memberships);
            TableWriter.Upsert(connection, Tables.Services, rows.Services);
            TableWriter.Upsert(connection, Tables.ServiceRepositories, rows.ServiceRepositories);
            TableWriter.Upsert(connection, Tables.ImportRejects, rejects
                .Select(r => new ImportRejectRow(r.File, r.Line, r.Reason, r.Content, now)).ToList());
        });
        var imported = rows.Teams.Count + rows.People.Count + rows.Services.Count;
        var shown = rejects.Take(ImportFileSummary.RejectsShown).Select(r => new ImportReject(r.File, r.Line, r.Reason)).ToList();
        return new ImportFileSummary(fileName, imported, rejects.Count, shown);
    }
}
