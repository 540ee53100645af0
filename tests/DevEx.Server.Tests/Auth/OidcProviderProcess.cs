using System.Diagnostics;
using System.Text.Json;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// A real OpenID provider (node oidc-provider, tests/OidcTestProvider) in a process of its own on 127.0.0.1, so sign-in
/// and bearer tokens are tested against what a provider really sends. Installs its node packages (npm ci, from the
/// lock file) the first time; stops with the fixture.
/// </summary>
public sealed class OidcProviderProcess : IDisposable
{
    public const string Audience = "api://devex";

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "OidcTestProvider");

    private readonly Process process;
    private readonly string configPath;

    private OidcProviderProcess(Process process, string configPath, string issuer)
    {
        this.process = process;
        this.configPath = configPath;
        Issuer = issuer;
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:41234 (also its discovery document's base).</summary>
    public string Issuer { get; }

    /// <param name="clients">oidc-provider client metadata (client_id, client_secret, grant_types, redirect_uris, …).</param>
    /// <param name="people">login → (email, groups): what the provider says about a person who signs in with that login.</param>
    /// <param name="clientGroups">client_id → groups its client-credentials tokens carry.</param>
    /// <param name="shortLivedClients">clients whose API tokens expire after 5 seconds.</param>
    public static async Task<OidcProviderProcess> StartAsync(
        object[] clients, Dictionary<string, object>? people = null, Dictionary<string, string[]>? clientGroups = null, string[]? shortLivedClients = null)
    {
        await NodePackages.EnsureInstalledAsync(Folder, "oidc-provider");
        var configPath = Path.Combine(Path.GetTempPath(), $"devex-oidc-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(new
        {
            port = 0,
            audience = Audience,
            clients,
            people = people ?? [],
            clientGroups = clientGroups ?? [],
            shortLivedClients = shortLivedClients ?? [],
        }));
        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "provider.mjs"), configPath])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe drained
                return new OidcProviderProcess(process, configPath, line["listening ".Length..].Trim());
            }
        }
        process.WaitForExit(5000);
        lock (errors)
        {
            throw new InvalidOperationException($"The OpenID test provider stopped before it listened: {errors}");
        }
    }

    /// <summary>A client of the client-credentials grant, whose tokens are for <paramref name="audience"/> unless told otherwise.</summary>
    public static object MachineClient(string id, string secret) => new
    {
        client_id = id,
        client_secret = secret,
        grant_types = new[] { "client_credentials" },
        response_types = Array.Empty<string>(),
        redirect_uris = Array.Empty<string>(),
        token_endpoint_auth_method = "client_secret_post",
    };

    /// <summary>
    /// An access token for the API by the client-credentials grant; <paramref name="resource"/> another audience,
    /// <paramref name="scope"/> other scopes (the resource grants "api" and "mcp:read").
    /// </summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string secret, string? resource = null, string scope = "api")
    {
        using var http = new HttpClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope };
        if (resource is not null)
        {
            form["resource"] = resource;
        }
        using var response = await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request refused: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
        File.Delete(configPath);
    }
}
