using System.Text.Json;
using NodaTime;
using Octokit.Internal;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

/// <summary>
/// Real GitHub payloads (Fixtures/github, Fixtures/github-webhooks; see Fixtures/SOURCES.md) read into Octokit's
/// models the way the collector and the webhooks read them.
/// </summary>
internal static class GitHubFixture
{
    private static readonly SimpleJsonSerializer Serializer = new();

    public static string Text(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    public static T Read<T>(string path) => Serializer.Deserialize<T>(Text(path));

    /// <summary>One property of a webhook payload (e.g. "workflow_run"), read as <typeparamref name="T"/>.</summary>
    public static T Read<T>(string path, string property)
    {
        using var document = JsonDocument.Parse(Text(path));
        return Serializer.Deserialize<T>(document.RootElement.GetProperty(property).GetRawText());
    }

    /// <summary>A hand-written payload, for cases the fixtures do not hold.</summary>
    public static T Parse<T>(string json) => Serializer.Deserialize<T>(json);

    public static Instant At(string iso) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(iso).GetValueOrThrow();
}
