using System.CommandLine;
using DevEx.Server.Auth;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex apikey create --name N --role R [--team T] [--days D] [--person USER]</c>, <c>devex apikey list</c>, <c>devex apikey revoke ID</c>:
/// API keys for automation, the same as /api/v1/api-keys. The key is printed once, by create. Exit codes: 0 done,
/// 1 no such key to revoke, 2 a bad argument or the database cannot be opened (the service holds it: use the API).
/// </summary>
internal static class ApiKeyCommand
{
    private const string Instead = "manage keys through the service: /api/v1/api-keys";

    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)", Recursive = true };
        var name = new Option<string>("--name") { Description = "What uses the key, e.g. ci-import", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"A role of the key ({string.Join(", ", DevExRoles.All)}); repeat for several", Required = true, AllowMultipleArgumentsPerToken = true };
        var teams = new Option<string[]>("--team") { Description = "A team the key is scoped to; repeat for several", AllowMultipleArgumentsPerToken = true };
        var days = new Option<int>("--days") { Description = "Days until the key expires", DefaultValueFactory = _ => ApiKeyEndpoints.DefaultDays };
        var person = new Option<string?>("--person") { Description = "The catalog User (metadata.name) the key belongs to: it then sees that person's own views (/api/v1/me)" };
        var create = new Command("create", "Create a key and print it (once)") { name, roles, teams, days, person };
        create.SetAction(parse => Create(parse.GetValue(database), parse.GetValue(name), parse.GetValue(roles) ?? [], parse.GetValue(teams) ?? [], parse.GetValue(days),
            Console.Out, Console.Error, parse.GetValue(person)));
        var list = new Command("list", "List the keys: id, name, roles, teams, status, expiry, last use");
        list.SetAction(parse => List(parse.GetValue(database), Console.Out, Console.Error));
        var id = new Argument<string>("id") { Description = "The key's id (the 12 hex digits after devex_)" };
        var revoke = new Command("revoke", "Revoke a key: it is refused from now on") { id };
        revoke.SetAction(parse => Revoke(parse.GetValue(database), parse.GetValue(id)!, Console.Out, Console.Error));
        return new Command("apikey", "Create, list and revoke API keys") { database, create, list, revoke };
    }

    internal static int Create(string? databasePath, string? name, string[] roles, string[] teams, int days, TextWriter output, TextWriter error,
        string? person = null)
    {
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        if (DatabaseOpenFailure.ResolveOrExplain<ApiKeyService>(provider, Instead, error) is not { } keys)
        {
            return 2;
        }
        var (created, problem) = keys.Create(name, roles, teams, days, person);
        if (created is null)
        {
            error.WriteLine($"--{(problem!.Parameter == "expiresInDays" ? "days" : problem.Parameter.TrimEnd('s'))}: {problem.Detail}");
            return 2;
        }
        output.WriteLine(created.Key);
        var whose = created.Details.Person is { } user ? $", person {user}" : "";
        output.WriteLine($"id {created.Details.Id}, roles {string.Join(",", created.Details.Roles)}{whose}, expires {created.Details.ExpiresAt}. " +
            "Keep the key now: it is stored only as a hash and not shown again.");
        return 0;
    }

    internal static int List(string? databasePath, TextWriter output, TextWriter error)
    {
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        if (DatabaseOpenFailure.ResolveOrExplain<ApiKeyService>(provider, Instead, error) is not { } keys)
        {
            return 2;
        }
        output.WriteLine($"{"id",-12}  {"name",-20}  {"status",-7}  {"roles",-16}  {"teams",-16}  {"expires",-20}  last used");
        foreach (var key in keys.List())
        {
            output.WriteLine($"{key.Id,-12}  {key.Name,-20}  {key.Status,-7}  {string.Join(",", key.Roles),-16}  {string.Join(",", key.Teams),-16}  " +
                $"{key.ExpiresAt,-20}  {(key.LastUsedAt?.ToString() ?? "never")}");
        }
        return 0;
    }

    internal static int Revoke(string? databasePath, string id, TextWriter output, TextWriter error)
    {
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        if (DatabaseOpenFailure.ResolveOrExplain<ApiKeyService>(provider, Instead, error) is not { } keys)
        {
            return 2;
        }
        if (keys.Revoke(id) is null)
        {
            error.WriteLine($"No active API key '{id}' (devex apikey list shows them).");
            return 1;
        }
        output.WriteLine($"revoked {id}");
        return 0;
    }
}
