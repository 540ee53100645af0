using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Octokit;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// The credentials Octokit sends: the configured token, or for a GitHub App an installation token. The installation
/// token is obtained with a JWT signed by the app's private key (RS256) from
/// POST /app/installations/{id}/access_tokens, kept, and replaced 5 minutes before it expires (GitHub issues them for
/// an hour). Octokit asks for credentials before every request, so the common path takes no lock.
/// </summary>
public sealed class GitHubCredentialStore : ICredentialStore, IDisposable
{
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly GitHubOptions options;
    private readonly HttpMessageHandler handler;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly Lazy<RSA> privateKey;
    private InstallationToken? current;

    /// <param name="handler">Sends the token exchange; normally the "github" client's handler chain Octokit uses (<see cref="GitHubHttpClient"/>).</param>
    public GitHubCredentialStore(GitHubOptions options, HttpMessageHandler handler, TimeProvider time)
    {
        this.options = options;
        this.handler = handler;
        this.time = time;
        privateKey = new Lazy<RSA>(LoadPrivateKey);
    }

    public async Task<Credentials> GetCredentials()
    {
        if (!options.App.IsConfigured)
        {
            return string.IsNullOrEmpty(options.Token) ? Credentials.Anonymous : new Credentials(options.Token);
        }
        if (Usable(current) is { } token)
        {
            return new Credentials(token);
        }
        await refreshing.WaitAsync();
        try
        {
            if (Usable(current) is { } refreshed)
            {
                return new Credentials(refreshed);
            }
            current = await CreateInstallationTokenAsync();
            return new Credentials(current.Token);
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose()
    {
        refreshing.Dispose();
        if (privateKey.IsValueCreated)
        {
            privateKey.Value.Dispose();
        }
    }

    private string? Usable(InstallationToken? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresAt - RefreshBeforeExpiry ? token.Token : null;

    private async Task<InstallationToken> CreateInstallationTokenAsync()
    {
        var installationId = options.App.InstallationId
            ?? throw new InvalidOperationException($"{GitHubOptions.Section}:App:InstallationId is required for a GitHub App.");
        var uri = new Uri(GitHubClientFactory.ApiRoot(options), $"app/installations/{installationId}/access_tokens");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CreateJwt(options.App.AppId!.Value, privateKey.Value, time.GetUtcNow()));
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("DevEx");
        // The pipeline times each attempt itself and may have to wait out a rate limit first.
        using var client = new HttpClient(handler, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"GitHub refused an installation token for installation {installationId}: {(int)response.StatusCode} {Message(body)}");
        }
        return JsonSerializer.Deserialize<InstallationToken>(body)
            ?? throw new InvalidOperationException("GitHub answered the installation token request with null.");
    }

    /// <summary>
    /// The app's JWT: issued a minute in the past (GitHub's advice against clock drift), valid 9 minutes (GitHub
    /// allows at most 10), issuer the app id.
    /// </summary>
    internal static string CreateJwt(long appId, RSA key, DateTimeOffset now)
    {
        var header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iat = now.AddSeconds(-60).ToUnixTimeSeconds(),
            exp = now.AddMinutes(9).ToUnixTimeSeconds(),
            iss = appId,
        }));
        var signingInput = $"{header}.{payload}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private RSA LoadPrivateKey()
    {
        var pem = options.App.PrivateKey
            ?? File.ReadAllText(options.App.PrivateKeyPath
                ?? throw new InvalidOperationException($"{GitHubOptions.Section}:App needs PrivateKey or PrivateKeyPath."));
        var rsa = RSA.Create();
        // GitHub hands out PKCS#1 ("BEGIN RSA PRIVATE KEY"); ImportFromPem also reads PKCS#8.
        rsa.ImportFromPem(pem);
        return rsa;
    }

    private static string Message(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private sealed record InstallationToken(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);
}
