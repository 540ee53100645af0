using DevEx.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Hosting;

/// <summary>
/// A bad setting stops the service (and the commands) before anything runs, with one line per setting naming the key
/// and the value, instead of the host's stack trace or a derivation failing later.
/// </summary>
public sealed class StartupConfigurationTests
{
    private static (bool Refused, string[] Lines) Check(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddDevEx().BuildServiceProvider();
        using var error = new StringWriter();
        var refused = StartupConfiguration.Refuse(provider, error);
        return (refused, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Good_settings_start()
    {
        var (refused, lines) = Check(new()
        {
            ["DevEx:Metrics:TimeZone"] = "Europe/Berlin",
            ["DevEx:Metrics:Holidays:0"] = "2026-12-25",
            ["DevEx:Metrics:BotPattern"] = @"(\[bot\]|-ci)$",
            ["DevEx:Metrics:FailureWindow"] = "3.00:00:00",
            ["DevEx:Metrics:NotCausedByChangePattern"] = "outage|dns",
        });
        Assert.False(refused);
        Assert.Empty(lines);
    }

    [Fact]
    public void Each_bad_metric_setting_is_a_line_naming_its_key_and_value()
    {
        var (refused, lines) = Check(new()
        {
            ["DevEx:Metrics:TimeZone"] = "Mars/Base",
            ["DevEx:Metrics:Holidays:0"] = "2026-12-25",
            ["DevEx:Metrics:Holidays:1"] = "2026-13-01",
            ["DevEx:Metrics:Holidays:2"] = "25.12.2026",
            ["DevEx:Metrics:ProductionEnvironments"] = "^(prod",
            ["DevEx:Metrics:IncidentWindow"] = "-01:00:00",
        });
        Assert.True(refused);
        Assert.Equal(5, lines.Length);
        Assert.Equal("Configuration: DevEx:Metrics:TimeZone 'Mars/Base' is not an IANA time zone (e.g. Europe/Berlin).", lines[0]);
        Assert.Equal("Configuration: DevEx:Metrics:Holidays:1 '2026-13-01' is not a date (yyyy-MM-dd).", lines[1]);
        Assert.Equal("Configuration: DevEx:Metrics:Holidays:2 '25.12.2026' is not a date (yyyy-MM-dd).", lines[2]);
        Assert.StartsWith("Configuration: DevEx:Metrics:ProductionEnvironments '^(prod' is not a regular expression: ", lines[3]);
        Assert.Equal("Configuration: DevEx:Metrics:FailureWindow and IncidentWindow must be positive, not 7.00:00:00 and -01:00:00.", lines[4]);
    }

    [Fact]
    public void A_bad_not_caused_by_change_pattern_is_refused_at_start()
    {
        var (refused, lines) = Check(new() { ["DevEx:Metrics:NotCausedByChangePattern"] = "(outage" });
        Assert.True(refused);
        Assert.StartsWith("Configuration: DevEx:Metrics:NotCausedByChangePattern '(outage' is not a regular expression: ", Assert.Single(lines));
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var (refused, lines) = Check(new() { ["DevEx:Metrics:FailureWindow"] = "soon" });
        Assert.True(refused);
        Assert.Equal("Configuration: Failed to convert configuration value 'soon' at 'DevEx:Metrics:FailureWindow' to type 'System.TimeSpan'.",
            Assert.Single(lines));
    }

    [Fact]
    public void Problems_of_other_sections_are_reported_together()
    {
        var (refused, lines) = Check(new() { ["DevEx:Meetings:MinCohort"] = "0", ["DevEx:Metrics:BotPattern"] = "[bot" });
        Assert.True(refused);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Configuration: DevEx:Meetings:FocusBlock must be positive and MinCohort at least 1", lines);
        Assert.Contains(lines, l => l.StartsWith("Configuration: DevEx:Metrics:BotPattern '[bot' is not a regular expression: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_threads_below_one_are_refused()
    {
        var (refused, lines) = Check(new() { ["DevEx:DatabaseThreads"] = "0" });
        Assert.True(refused);
        Assert.Equal("Configuration: DevEx:DatabaseThreads must be 1 or more", Assert.Single(lines));
    }
}
