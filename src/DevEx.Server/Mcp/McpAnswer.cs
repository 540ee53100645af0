using NodaTime;

namespace DevEx.Server.Mcp;

/// <summary>
/// Every metric tool's result: the window (<c>from</c> inclusive, <c>to</c> exclusive, in <c>zone</c>), the scope it was
/// asked for (null: the organisation), where the figures are defined, and the figures themselves: the very record the
/// REST endpoint named in <c>endpoint</c> returns, with its sample sizes and, where withheld, the reason.
/// </summary>
internal sealed record McpAnswer<T>(LocalDate From, LocalDate To, string Zone, string? Team, string? Service, string? Repo, string Endpoint,
    string Definition, T Result);

/// <summary>A listing tool's result: the rows (at most <c>limit</c>), how many there are in all, and whether the list was cut.</summary>
internal sealed record McpList<T>(IReadOnlyList<T> Items, int Total, bool Truncated, string Endpoint);
