using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>
/// The served /openapi/v1.json is the typed HTTP contract that API clients and MCP tool schemas are generated from:
/// every operation names its response schema (no anonymous types), documents its 400 (and 404) problems and spells its
/// query parameters as they are sent (lower camel case).
/// </summary>
public sealed partial class OpenApiContractTests : IDisposable
{
    /// <summary>
    /// Operations not converted to the typed contract yet. The list only shrinks: an entry that now passes every check
    /// fails <see cref="The_allow_list_names_only_operations_still_lacking"/> until it is removed.
    /// </summary>
    private static readonly string[] NotYetTyped = [];

    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Fact]
    public async Task Every_operation_has_a_response_schema()
    {
        var operations = await OperationsAsync();
        // The document must be walked at all: 39 operations are mapped under /api/v1 (6 metrics, 6 explain, 4 tickets,
        // 1 meetings, 5 organisation, 4 adoption, 3 me, 1 import, 2 sync, 2 reports, 1 webhook, 3 API keys, 1 audit).
        Assert.Equal(39, operations.Count);
        Assert.Empty(Typed(operations).Where(o => !HasSuccessSchema(o.Operation)).Select(o => o.Name));
    }

    [Fact]
    public async Task Numbers_are_typed_as_numbers_only()
    {
        // A web-default serializer reads numbers from strings too, and the document then types every count and hour as
        // ["integer", "string"]: MCP tool schemas and generated clients would accept "12" for a count.
        using var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var mixed = new List<string>();
        CollectMixedNumberTypes(document, "#", mixed);
        Assert.Empty(mixed);
        // The walk must reach numbers at all: the DORA figures' deployment count is one.
        Assert.Equal("integer", document.GetProperty("components").GetProperty("schemas").GetProperty("DeploymentFrequency")
            .GetProperty("properties").GetProperty("deployments").GetProperty("type").GetString());
    }

    private static void CollectMixedNumberTypes(JsonElement element, string path, List<string> mixed)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            {
                var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
                if (types.Contains("string") && (types.Contains("integer") || types.Contains("number")))
                {
                    mixed.Add(path);
                }
            }
            foreach (var property in element.EnumerateObject())
            {
                CollectMixedNumberTypes(property.Value, $"{path}/{property.Name}", mixed);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                CollectMixedNumberTypes(item, $"{path}/{index++}", mixed);
            }
        }
    }

    [Fact]
    public async Task No_schema_is_named_after_an_anonymous_type()
    {
        var operations = await OperationsAsync();
        Assert.Empty(Typed(operations).Where(o => NamesAnonymousType(o.Operation)).Select(o => o.Name));
    }

    [Fact]
    public async Task Every_query_parameter_is_named_in_lower_camel_case()
    {
        var operations = await OperationsAsync();
        Assert.Empty(Typed(operations).SelectMany(o => QueryParameterNames(o.Operation).Where(n => !LowerCamel().IsMatch(n)).Select(n => $"{o.Name} ?{n}")));
    }

    [Fact]
    public async Task Every_operation_with_parameters_documents_a_400_problem()
    {
        var operations = await OperationsAsync();
        Assert.Empty(Typed(operations).Where(o => Parameters(o.Operation).Count > 0 && !HasProblem(o.Operation, "400")).Select(o => o.Name));
    }

    [Fact]
    public async Task An_operation_naming_a_team_service_repo_or_path_id_documents_a_404_problem()
    {
        var operations = await OperationsAsync();
        Assert.Empty(Typed(operations)
            .Where(o => NamesAScope(o.Name, o.Operation) && !HasProblem(o.Operation, "404"))
            .Select(o => o.Name));
    }

    [Fact]
    public async Task The_allow_list_names_only_operations_still_lacking()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.Name, o => o.Operation);
        var unknown = NotYetTyped.Where(n => !operations.ContainsKey(n));
        Assert.Empty(unknown);
        var nowTyped = NotYetTyped.Where(n => !Lacks(n, operations[n]));
        Assert.Empty(nowTyped); // remove these from NotYetTyped
    }

    private static bool Lacks(string name, JsonElement operation) =>
        !HasSuccessSchema(operation) || NamesAnonymousType(operation)
        || QueryParameterNames(operation).Any(n => !LowerCamel().IsMatch(n))
        || (Parameters(operation).Count > 0 && !HasProblem(operation, "400"))
        || (NamesAScope(name, operation) && !HasProblem(operation, "404"));

    /// <summary>
    /// A path parameter (a team, service, import kind or sync source by id) or a scope filter (team, service, repo): an
    /// unknown one is a 404.
    /// </summary>
    private static bool NamesAScope(string name, JsonElement operation) =>
        !FiltersWithoutNotFound.Contains(name)
        && Parameters(operation).Any(p => p.GetProperty("in").GetString() == "path" || p.GetProperty("name").GetString() is "team" or "service" or "repo");

    /// <summary>The delivery log's <c>team</c> only filters a log: an unknown team lists no deliveries.</summary>
    private static readonly string[] FiltersWithoutNotFound = ["GET /api/v1/reports/deliveries"];

    private static IEnumerable<(string Name, JsonElement Operation)> Typed(List<(string Name, JsonElement Operation)> operations) =>
        operations.Where(o => !NotYetTyped.Contains(o.Name));

    private async Task<List<(string Name, JsonElement Operation)>> OperationsAsync()
    {
        var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", m.Value)))
            .ToList();
    }

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    private static IEnumerable<string> QueryParameterNames(JsonElement operation) =>
        Parameters(operation).Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!);

    /// <summary>A 2xx response whose every content type carries a schema (JSON bodies a named record, files a string).</summary>
    private static bool HasSuccessSchema(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.EnumerateObject().Any(r => r.Name.StartsWith('2')
            && r.Value.TryGetProperty("content", out var content)
            && content.EnumerateObject().Any()
            && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any()));

    /// <summary>A response schema referring to a generated AnonymousTypeOf… component (a named record is wanted).</summary>
    private static bool NamesAnonymousType(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) && responses.GetRawText().Contains("AnonymousType", StringComparison.Ordinal);

    private static bool HasProblem(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out _);

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex LowerCamel();

    public void Dispose() => factory.Dispose();
}
