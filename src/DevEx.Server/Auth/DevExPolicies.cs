namespace DevEx.Server.Auth;

/// <summary>Authorization policy names; each requires an authenticated principal with one of its roles.</summary>
internal static class DevExPolicies
{
    /// <summary>Configuration, import, sync, API keys, /hangfire.</summary>
    public const string Admin = "devex-admin";
}
