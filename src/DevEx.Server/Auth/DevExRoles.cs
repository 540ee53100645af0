namespace DevEx.Server.Auth;

/// <summary>The roles a principal can hold (issue 14): each is a <see cref="System.Security.Claims.ClaimTypes.Role"/> claim.</summary>
internal static class DevExRoles
{
    /// <summary>Organisation-level aggregates only.</summary>
    public const string Viewer = "viewer";

    /// <summary>Their own teams in full, and organisation aggregates.</summary>
    public const string Member = "member";

    /// <summary>The teams they lead and every team below them.</summary>
    public const string Lead = "lead";

    /// <summary>Adoption and organisation-wide delivery figures.</summary>
    public const string Platform = "platform";

    /// <summary>Configuration, import, sync, API keys, /hangfire.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Member, Lead, Platform, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
