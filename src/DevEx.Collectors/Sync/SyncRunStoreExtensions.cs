using DevEx.Store.State;

namespace DevEx.Collectors.Sync;

/// <summary>Closes a sync run with what its <see cref="ISyncSource"/> reported.</summary>
public static class SyncRunStoreExtensions
{
    public static void Finish(this SyncRunStore runs, string id, string status, SyncOutcome? outcome, string? error) =>
        runs.Finish(id, status, outcome?.RowsWritten ?? 0, outcome?.Requests ?? 0, outcome?.NotModified ?? 0, error);
}
