namespace DevEx.Server.Tests.Sync;

/// <summary>
/// Tests that need Hangfire to run jobs. Hangfire keeps its storage in a process-wide static (JobStorage.Current), which
/// every test host reconfigures on start, so these run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire";
}
