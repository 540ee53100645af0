using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

/// <summary>
/// The configuration problems that stop the service from starting, as lines a person can act on: each names the key
/// and the value at fault. Checked before the service listens, so a typo is one message and exit code 2, not a stack
/// trace of the host failing to start.
/// </summary>
internal static class StartupConfiguration
{
    /// <summary>Writes each problem as a line "Configuration: …" to <paramref name="error"/>; true when there was any.</summary>
    public static bool Refuse(IServiceProvider services, TextWriter error)
    {
        var problems = Problems(services);
        foreach (var problem in problems)
        {
            error.WriteLine($"Configuration: {problem}");
        }
        return problems.Count > 0;
    }

    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate(); // every option registered with ValidateOnStart
            return [];
        }
        catch (Exception exception) when (Lines(exception) is { Count: > 0 } lines)
        {
            return lines;
        }
    }

    private static List<string> Lines(Exception exception) => exception switch
    {
        AggregateException all => [.. all.InnerExceptions.SelectMany(Lines)],
        OptionsValidationException invalid => [.. invalid.Failures],
        // Binding: "Failed to convert configuration value at 'DevEx:Metrics:FailureWindow' to type 'System.TimeSpan'."
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [binding.Message],
        _ => [],
    };
}
