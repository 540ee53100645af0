namespace DevEx.Server.Access;

/// <summary>What an endpoint or page shows, as the scope rule reads it (docs/security.md, "Roles and scope").</summary>
internal enum Surface
{
    /// <summary>Aggregates: the organisation's for every role; a team's, service's or repository's for who may see that team.</summary>
    Figures,

    /// <summary>Meeting figures: as <see cref="Figures"/>, except that platform sees no team's.</summary>
    TeamMeetings,

    /// <summary>A table with a row per team: unscoped only for platform and admin.</summary>
    PerTeam,

    /// <summary>Rows (deployments, changes, pull requests, incidents, tickets): unscoped only for platform and admin.</summary>
    Listing,

    /// <summary>Organisation-wide rows no scope narrows (data-quality findings, unmapped identities): platform and admin.</summary>
    OrgRows,
}

/// <summary>Endpoint metadata naming the endpoint's <see cref="Surface"/>; an endpoint without it shows <see cref="Surface.Figures"/>.</summary>
internal sealed record ShowsMetadata(Surface Surface);

internal static class SurfaceConventions
{
    public static TBuilder Shows<TBuilder>(this TBuilder builder, Surface surface) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ShowsMetadata(surface));
}
