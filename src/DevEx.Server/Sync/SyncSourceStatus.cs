using DevEx.Collectors.Sync;
using NodaTime;

namespace DevEx.Server.Sync;

/// <summary>One row of GET /api/v1/sync: a source, whether it is configured, its schedule, its last run and its cursors.</summary>
internal sealed record SyncSourceStatus(string Source, bool Configured, string Schedule, SyncRun? LastRun, IReadOnlyList<SyncSourceCursor> Cursors);

/// <summary>Where a source's incremental sync of one scope and resource stands.</summary>
internal sealed record SyncSourceCursor(string Scope, string Resource, string? Cursor, Instant UpdatedAt);

/// <summary>The response of POST /api/v1/sync/{source}: the source whose sync was queued and the Hangfire job id.</summary>
internal sealed record SyncStarted(string Source, string Job);
