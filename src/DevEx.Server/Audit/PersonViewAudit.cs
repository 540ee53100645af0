namespace DevEx.Server.Audit;

/// <summary>
/// Marks an endpoint that shows a person's own figures: each request to it is a <c>person-view</c> audit entry (who
/// viewed, which endpoint), although only that person ever sees them (docs/security.md, "Audit log").
/// </summary>
internal sealed class PersonViewAudit
{
    public static readonly PersonViewAudit Marker = new();

    private PersonViewAudit()
    {
    }
}

internal static class PersonViewAuditExtensions
{
    public static TBuilder AuditedAsPersonView<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PersonViewAudit.Marker);
}
