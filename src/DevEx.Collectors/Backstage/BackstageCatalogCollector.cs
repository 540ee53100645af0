using DevEx.Collectors.Catalog;
using DevEx.Collectors.Http;
using DevEx.Collectors.Sync;
using DevEx.Store;
using DevEx.Store.Writing;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Backstage;

/// <summary>
/// The "catalog" source: every entity a Backstage catalog's by-query finds (<see cref="BackstageCatalogClient"/>),
/// validated and written as catalog files are (<see cref="CatalogImporter"/>), one transaction per page, with the base URL
/// as source and the entity's position in the run as line. A failure (401, a 5xx after the retries, a malformed page)
/// ends the run with its message; the pages already written stay. A run that read every page and rejected nothing
/// removes the entities stored from this catalog that it no longer holds (<see cref="CatalogSourceRemoval"/>). Each run takes a new "backstage" client from the
/// factory, so handler rotation (and DNS changes) reach it.
/// </summary>
public sealed class BackstageCatalogCollector(
    BackstageOptions options,
    IHttpClientFactory clients,
    DuckDbDatabase database,
    IClock clock,
    HttpRequestCount? requests = null) : ISyncSource
{
    public const string SourceName = "catalog";

    public string Name => SourceName;

    public bool IsConfigured => options.IsConfigured;

    public string Schedule => options.Schedule;

    public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var requestsBefore = requests?.Value ?? 0;
        var client = new BackstageCatalogClient(clients.CreateClient(CollectorHttpClients.Backstage), options);
        var importer = new CatalogImporter(database, clock);
        var position = 0;
        var kept = 0L;
        var rejected = 0;
        var seen = new List<string>();
        await foreach (var page in client.QueryAsync(cancellationToken))
        {
            var entities = new List<CatalogEntity>();
            var rejects = new List<CatalogReader.ImportRejectInfo>();
            foreach (var item in page.Items)
            {
                position++;
                if (BackstageEntityYaml.ToYaml(item) is YamlMappingNode root)
                {
                    CatalogReader.Collect(root, options.Source, position, entities, rejects);
                }
                else
                {
                    rejects.Add(new CatalogReader.ImportRejectInfo(options.Source, position, "entity is not a JSON object", item.GetRawText()));
                }
            }
            seen.AddRange(entities.Select(e => e.Ref));
            var summary = importer.Import(entities, rejects, options.Source, cancellationToken: cancellationToken);
            kept += summary.Imported;
            rejected += summary.Rejected;
            progress.Report($"catalog: {position}{(page.TotalItems is { } total ? $" of {total}" : "")} entities read, {rejected} rejected");
        }
        var removed = rejected == 0 ? CatalogSourceRemoval.RemoveOthers(database, options.Source, seen) : [];
        if (removed.Count > 0)
        {
            progress.Report($"catalog: {removed.Count} entities no longer in the catalog removed ({string.Join(", ", removed.Take(5))}{(removed.Count > 5 ? ", …" : "")})");
        }
        return new SyncOutcome(kept + removed.Count, (requests?.Value ?? 0) - requestsBefore, 0,
            $"{position} entities, {rejected} rejected, {removed.Count} removed");
    }
}
