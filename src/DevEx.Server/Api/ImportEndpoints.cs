using DevEx.Server.Api.Contracts;
using DevEx.Server.Hosting;
using DevEx.Server.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Api;

/// <summary>POST /api/v1/import/{kind}: an NDJSON body in the import format (YAML for the catalog).</summary>
internal static class ImportEndpoints
{
    public static RouteGroupBuilder MapImport(this RouteGroupBuilder api)
    {
        var import = api.MapGroup("/import").WithTags("Import");
        import.MapPost("/{kind}", async Task<Results<Ok<ImportReceipt>, ProblemHttpResult>> (string kind, HttpRequest request, ImportService importer, CancellationToken ct) =>
            {
                if (!ImportService.Kinds.Contains(kind.Replace('_', '-').ToLowerInvariant()))
                {
                    return Problems.NotFound("kind", $"No import kind '{kind}'. Kinds: {string.Join(", ", ImportService.Kinds)}.");
                }
                var (summary, derivation) = await importer.ImportBodyAsync(kind.Replace('_', '-').ToLowerInvariant(), request.Body, ct);
                return TypedResults.Ok(new ImportReceipt(kind, summary.Imported, summary.Rejected, summary.Rejects,
                    new ImportDerivation(derivation.ProductionDeployments, derivation.Changes, (long)derivation.Elapsed.TotalMilliseconds)));
            })
            .DocumentsTextBody("application/x-ndjson", "application/yaml")
            .ProducesParameterProblems()
            .WithBodyLimit(limits => limits.ImportMaxBodyBytes)
            .WithSummary("Import records of one kind; bad lines are rejected with their line number and reason, the rest imported");
        return import;
    }
}
