using DevEx.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Hardening;

/// <summary>A bad hardening setting stops the start with one line naming it (as every other setting does).</summary>
public sealed class HardeningConfigurationTests
{
    private static string[] Problems(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddDevEx().AddDevExHardening()
            .BuildServiceProvider();
        return [.. StartupConfiguration.Problems(provider)];
    }

    [Fact]
    public void The_defaults_start()
    {
        Assert.Empty(Problems([]));
    }

    [Fact]
    public void Each_bad_setting_is_a_line_naming_it()
    {
        var problems = Problems(new()
        {
            ["DevEx:RateLimits:PermitLimit"] = "0",
            ["DevEx:Limits:MaxRequestBodyBytes"] = "-1",
            ["DevEx:ForwardedHeaders:KnownProxies:0"] = "10.0.0.300",
            ["DevEx:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0",
        });

        string[] expected =
        [
            "DevEx:ForwardedHeaders:KnownNetworks:0 = '10.0.0.0' is not a network in CIDR notation (e.g. 10.0.0.0/24)",
            "DevEx:ForwardedHeaders:KnownProxies:0 = '10.0.0.300' is not an IP address (e.g. 10.0.0.5)",
            "DevEx:Limits:MaxRequestBodyBytes and ImportMaxBodyBytes must be positive numbers of bytes",
            "DevEx:RateLimits:PermitLimit must be at least 1 and Window a positive duration (e.g. 00:01:00)",
        ];
        Assert.Equal(expected, problems.Order(StringComparer.Ordinal));
    }
}
