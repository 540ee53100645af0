using Microsoft.Extensions.Configuration;
using DevEx.Analytics;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.Jira;
using System.Reflection;
using DevEx.Server.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Tests.Hosting;

/// <summary>
/// A list setting with a default in code is replaced by the configured list, not added to: configuring
/// <c>DevEx:Metrics:HotfixLabels</c> as <c>["urgent"]</c> means "urgent" only (the configuration binder alone gave
/// "hotfix", "urgent"). A list left unconfigured keeps its default.
/// </summary>
public sealed class ConfiguredListsTests
{
    [Fact]
    public void Configured_hotfix_labels_replace_the_default()
    {
        using var services = CommandServices.Build(["--DevEx:Metrics:HotfixLabels:0", "urgent", "--DevEx:Metrics:HotfixLabels:1", "patch"]);

        Assert.Equal(["urgent", "patch"], services.GetRequiredService<IOptions<MetricOptions>>().Value.HotfixLabels);
    }

    [Fact]
    public void Configured_not_caused_by_change_lists_replace_the_defaults()
    {
        using var services = CommandServices.Build([
            "--DevEx:GitHub:NotCausedByChangeLabels:0", "vendor-outage",
            "--DevEx:Jira:NotCausedByChangeLabels:0", "external",
            "--DevEx:Jira:NotCausedByChangeValues:0", "third party",
        ]);

        Assert.Equal(["vendor-outage"], services.GetRequiredService<IOptions<GitHubOptions>>().Value.NotCausedByChangeLabels);
        var jira = services.GetRequiredService<IOptions<JiraOptions>>().Value;
        Assert.Equal(["external"], jira.NotCausedByChangeLabels);
        Assert.Equal(["third party"], jira.NotCausedByChangeValues);
    }

    [Fact]
    public void A_list_set_empty_is_empty()
    {
        // An empty argument (as an empty environment variable gives) and a JSON [] both switch the hotfix rule off.
        using var services = CommandServices.Build(["--DevEx:Metrics:HotfixLabels", ""]);
        Assert.Empty(services.GetRequiredService<IOptions<MetricOptions>>().Value.HotfixLabels);

        using var json = new MemoryStream("""{ "DevEx": { "Metrics": { "HotfixLabels": [] } } }"""u8.ToArray());
        var root = new ConfigurationBuilder().AddJsonStream(json).Build();
        var options = new MetricOptions();
        DevEx.Server.Hosting.ConfiguredLists.Replace(options, root.GetSection(MetricOptions.Section), root);
        Assert.Empty(options.HotfixLabels);
    }

    [Fact]
    public void Unconfigured_lists_keep_their_defaults()
    {
        using var services = CommandServices.Build(["--DevEx:Jira:NotCausedByChangeLabels:0", "external"]);

        Assert.Equal(["hotfix"], services.GetRequiredService<IOptions<MetricOptions>>().Value.HotfixLabels);
        Assert.Equal(["not-caused-by-change", "infrastructure"], services.GetRequiredService<IOptions<GitHubOptions>>().Value.NotCausedByChangeLabels);
        Assert.Equal(["infrastructure", "not caused by a change"], services.GetRequiredService<IOptions<JiraOptions>>().Value.NotCausedByChangeValues);
    }

    /// <summary>Every options class with a configuration section and a list defaulting to items, now and later.</summary>
    public static TheoryData<string> ListsWithDefaults()
    {
        var data = new TheoryData<string>();
        foreach (var (type, section, property) in OptionLists())
        {
            data.Add($"{type.FullName}|{section}|{property.Name}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ListsWithDefaults))]
    public void Every_list_with_a_default_is_replaced_by_its_configured_value(string list)
    {
        var (typeName, section, propertyName) = (list.Split('|')[0], list.Split('|')[1], list.Split('|')[2]);
        var type = OptionTypes().Single(t => t.FullName == typeName);
        using var services = CommandServices.Build([$"--{section}:{propertyName}:0", "configured-only"]);

        var accessor = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
        var options = accessor.GetType().GetProperty("Value")!.GetValue(accessor)!;

        Assert.Equal(["configured-only"], (IEnumerable<string>)type.GetProperty(propertyName)!.GetValue(options)!);
    }

    [Fact]
    public void The_scan_finds_the_known_lists_with_defaults()
    {
        var found = OptionLists().Select(l => $"{l.Section}:{l.Property.Name}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["DevEx:GitHub:NotCausedByChangeLabels", "DevEx:Jira:NotCausedByChangeLabels", "DevEx:Jira:NotCausedByChangeValues",
            "DevEx:Metrics:HotfixLabels", "DevEx:RepositoryFiles:Paths"], found);
    }

    private static IEnumerable<Type> OptionTypes() =>
        new[] { typeof(MetricOptions), typeof(GitHubOptions), typeof(Program) }.Select(t => t.Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static IEnumerable<(Type Type, string Section, PropertyInfo Property)> OptionLists() =>
        from type in OptionTypes()
        let section = (string)type.GetField("Section", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!
        let instance = Activator.CreateInstance(type)!
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.PropertyType == typeof(IList<string>) && property.GetValue(instance) is IList<string> { Count: > 0 }
        select (type, section, property);
}
