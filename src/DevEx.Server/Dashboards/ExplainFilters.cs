namespace DevEx.Server.Dashboards;

/// <summary>
/// What an explain listing narrows to besides window and scope: failed or rework deployments, one deployment's changes,
/// a data-quality count's category and kind, one unmapped identity.
/// </summary>
internal sealed record ExplainFilters(bool? Failed, bool? Rework, string? Deployment, string? Category, string? Kind, string? Identity);
