using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DevEx.Collectors.Tests.GitHub.Fake;

namespace DevEx.Collectors.Tests.GitHub.Http;

public sealed class CredentialTests
{
    private const string PullPath = "/repos/octocat/Hello-World/pulls/1347";
    private static readonly string Pull = FakeGitHubServer.Fixture("github/pulls.get.json");

    [Fact]
    public async Task A_token_is_sent_in_the_authorization_header_and_never_logged()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 502, """{"message":"Server Error"}""")
            .Then(new FakeResponse(429, """{"message":"You have exceeded a secondary rate limit."}""", new Dictionary<string, string> { ["Retry-After"] = "3" }))
            .Then(200, Pull, etag: "\"pr\"");

        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.All(github.Server.Requests, r => Assert.Equal($"Token {GitHubHttpHarness.Token}", r.Authorization));
        Assert.NotEmpty(github.Log.Messages);
        Assert.DoesNotContain(github.Log.Messages, m => m.Contains(GitHubHttpHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_github_app_signs_a_jwt_exchanges_it_and_refreshes_the_token_five_minutes_before_expiry()
    {
        using var key = RSA.Create(2048);
        await using var github = await GitHubHttpHarness.StartAsync(options =>
        {
            options.Token = null;
            options.App.AppId = 12345;
            options.App.InstallationId = 42;
            options.App.PrivateKey = key.ExportRSAPrivateKeyPem();
        });
        var exchanges = InstallationTokenEndpoint(github, key.ExportRSAPublicKey());
        github.Server.Get(PullPath, body: Pull);

        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);
        github.Clock.Advance(TimeSpan.FromMinutes(54));
        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);
        github.Clock.Advance(TimeSpan.FromMinutes(1));
        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        // Token 1 is issued at 12:00 for an hour; at 12:54 it is kept; at 12:55 (expiry - 5 min) it is replaced.
        Assert.Equal(
            ["Token ghs_installation1", "Token ghs_installation1", "Token ghs_installation2"],
            github.Server.Requests.Where(r => r.Method == "GET").Select(r => r.Authorization));
        // iat a minute back, exp nine minutes on: 11:59:00 and 12:09:00, then 12:54:00 and 13:04:00 UTC.
        Assert.Equal(
            [new Jwt("RS256", "JWT", 1772366340, 1772366940, 12345), new Jwt("RS256", "JWT", 1772369640, 1772370240, 12345)],
            exchanges);
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_is_refused_by_the_fake_server()
    {
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        await using var github = await GitHubHttpHarness.StartAsync(options =>
        {
            options.Token = null;
            options.App.AppId = 12345;
            options.App.InstallationId = 42;
            options.App.PrivateKey = otherKey.ExportPkcs8PrivateKeyPem();
        });
        var exchanges = InstallationTokenEndpoint(github, key.ExportRSAPublicKey());
        github.Server.Get(PullPath, body: Pull);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        Assert.Contains("401", error.Message);
        Assert.Empty(exchanges);
        Assert.DoesNotContain(github.Server.Requests, r => r.Method == "GET");
    }

    /// <summary>
    /// POST /app/installations/42/access_tokens as GitHub answers it: the JWT must verify with the app's public key;
    /// token n is "ghs_installationn", valid for an hour from the harness clock's now. Returns the claims received.
    /// </summary>
    private static List<Jwt> InstallationTokenEndpoint(GitHubHttpHarness github, byte[] publicKeyPkcs1)
    {
        var verifier = RSA.Create();
        verifier.ImportRSAPublicKey(publicKeyPkcs1, out _);
        var received = new List<Jwt>();
        github.Server.Map("POST", "/app/installations/42/access_tokens", request =>
        {
            var parts = request.Authorization!["Bearer ".Length..].Split('.');
            var signed = verifier.VerifyData(
                Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (!signed)
            {
                return new FakeResponse(401, """{"message":"A JSON web token could not be decoded"}""");
            }
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            lock (received)
            {
                received.Add(new Jwt(
                    header.RootElement.GetProperty("alg").GetString()!,
                    header.RootElement.GetProperty("typ").GetString()!,
                    claims.RootElement.GetProperty("iat").GetInt64(),
                    claims.RootElement.GetProperty("exp").GetInt64(),
                    claims.RootElement.GetProperty("iss").GetInt64()));
                var expiresAt = github.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ");
                return new FakeResponse(201, $$"""{"token":"ghs_installation{{received.Count}}","expires_at":"{{expiresAt}}"}""");
            }
        });
        return received;
    }

    private sealed record Jwt(string Alg, string Typ, long Iat, long Exp, long Iss);
}
