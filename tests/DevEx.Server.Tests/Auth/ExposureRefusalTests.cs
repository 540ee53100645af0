using System.Diagnostics;
using DevEx.Server.Auth;
using DevEx.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// Without sign-in configured the service listens on loopback only: told to listen anywhere else it refuses to start
/// with one line naming the setting to add, and exit code 2.
/// </summary>
public sealed class ExposureRefusalTests
{
    private const string Refusal = "needs authentication: set DevEx:Auth:Oidc:Authority (and ClientId), or DevEx:Auth:Mode=None for a trusted network";

    private static string[] Problems(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddDevEx().AddDevExAuth(configuration).BuildServiceProvider();
        return [.. StartupConfiguration.Problems(provider)];
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080")]
    public void Loopback_addresses_start_without_sign_in(string urls) =>
        Assert.Empty(Problems(new() { ["urls"] = urls }));

    [Fact]
    public void Any_other_address_without_sign_in_is_one_line_naming_the_setting()
    {
        var problem = Assert.Single(Problems(new() { ["urls"] = "http://localhost:5080;http://0.0.0.0:5080" }));
        Assert.StartsWith($"listening on http://0.0.0.0:5080 {Refusal}", problem);
    }

    [Theory]
    [InlineData("DevEx:Auth:Mode", "None")]
    [InlineData("DevEx:Auth:Oidc:Authority", "https://login.example.com/")]
    public void Mode_none_or_a_provider_may_listen_anywhere(string key, string value) =>
        Assert.Empty(Problems(new() { ["urls"] = "http://+:5080", [key] = value, ["DevEx:Auth:Oidc:ClientId"] = "devex" }));

    [Fact]
    public void Oidc_mode_names_each_missing_or_wrong_provider_setting()
    {
        var problems = Problems(new()
        {
            ["DevEx:Auth:Mode"] = "Oidc",
            ["DevEx:Auth:Oidc:Roles:eng-admins"] = "superuser",
        });
        Assert.Equal(
        [
            "DevEx:Auth:Mode is Oidc but DevEx:Auth:Oidc:Authority is not set (the provider's issuer URL)",
            "DevEx:Auth:Oidc:ClientId is not set (the client registered for DevEx at the provider)",
            "DevEx:Auth:Oidc:Roles:eng-admins is 'superuser', not one of viewer, member, lead, platform, admin",
        ], problems);
    }

    [Fact]
    public void A_mode_that_does_not_exist_is_refused_by_its_key() =>
        Assert.Equal("Failed to convert configuration value 'Open' at 'DevEx:Auth:Mode' to type 'DevEx.Server.Auth.AuthMode'.",
            Assert.Single(Problems(new() { ["DevEx:Auth:Mode"] = "Open" })));

    /// <summary>The real program, as a person starts it: ASPNETCORE_URLS or --urls on every address, no sign-in.</summary>
    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://+:5080")]
    [InlineData(null, "http://0.0.0.0:5080")]
    public async Task The_service_process_exits_2_with_one_line(string? variable, string url)
    {
        var directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "DevEx.Server.dll"), "--db", Path.Combine(directory, "devex.duckdb")])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DevEx__SeedSampleData"] = "false";
            if (variable is null)
            {
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add(url);
            }
            else
            {
                start.Environment[variable] = url;
            }
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(2, process.ExitCode);
            var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith($"Configuration: listening on {url} {Refusal}", line);
            Assert.DoesNotContain("Now listening", await output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
