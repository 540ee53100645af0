namespace DevEx.Server.Auth;

/// <summary>
/// Authorization policy names, one per endpoint group (docs/security.md, "Roles and scope"); each requires an
/// authenticated principal with one of its roles. What a reader may see inside a group (which team, which rows) is
/// the scope rule's (<see cref="Access.ScopeAccess"/>), not a policy's.
/// </summary>
internal static class DevExPolicies
{
    /// <summary>Figures, listings, dashboards, docs: any known role (a signed-in person with no role is refused).</summary>
    public const string Reader = "devex-reader";

    /// <summary>Configuration, import, sync, API keys, report deliveries, /hangfire.</summary>
    public const string Admin = "devex-admin";
}
