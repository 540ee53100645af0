using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;

namespace DevEx.Collectors.Import;

/// <summary>Stores rejects that no importer's own transaction carries: a file that failed as a whole.</summary>
internal static class ImportRejectWriter
{
    public static void Write(DuckDbDatabase database, IReadOnlyList<ImportRejectRow> rejects) =>
        database.Write((connection, _) => TableWriter.Upsert(connection, Tables.ImportRejects, rejects));
}
