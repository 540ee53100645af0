namespace DevEx.Server.Auth;

/// <summary>How requests are authenticated: section <c>DevEx:Auth</c> (docs/security.md, "Sign-in and API keys").</summary>
internal sealed class AuthOptions
{
    public const string Section = "DevEx:Auth";

    /// <summary>
    /// Auto: OpenID Connect when <c>DevEx:Auth:Oidc:Authority</c> is set, otherwise loopback only with local requests
    /// treated as admin. Oidc: OpenID Connect, refused without an authority. None: no authentication at all, every
    /// request an admin, for a trusted network; logged as a warning at start.
    /// </summary>
    public AuthMode Mode { get; set; } = AuthMode.Auto;

    /// <summary>Whether API keys (<c>Authorization: Bearer devex_…</c> or <c>X-Api-Key</c>) are accepted.</summary>
    public bool ApiKeys { get; set; } = true;

    public OidcSettings Oidc { get; set; } = new();

    /// <summary>
    /// The catalog User (a Backstage User's name) the local administrator is, when no sign-in is configured (local or
    /// trusted network): empty, they are no one, and the person-level views of /api/v1/me have nothing to show.
    /// </summary>
    public string LocalPerson { get; set; } = "";

    /// <summary>The mode in force once Auto is resolved.</summary>
    public EffectiveAuthMode Effective => Mode switch
    {
        AuthMode.None => EffectiveAuthMode.TrustedNetwork,
        AuthMode.Oidc => EffectiveAuthMode.Oidc,
        _ => string.IsNullOrWhiteSpace(Oidc.Authority) ? EffectiveAuthMode.LocalOnly : EffectiveAuthMode.Oidc,
    };
}

internal enum AuthMode
{
    Auto,
    Oidc,
    None,
}

internal enum EffectiveAuthMode
{
    /// <summary>No authentication configured: loopback only, local requests are admin.</summary>
    LocalOnly,
    Oidc,
    /// <summary>DevEx:Auth:Mode=None: everyone who can reach the port is admin.</summary>
    TrustedNetwork,
}

/// <summary><c>DevEx:Auth:Oidc</c>: one OpenID provider, for browsers (code + PKCE) and for API bearer tokens.</summary>
internal sealed class OidcSettings
{
    /// <summary>The issuer URL; its /.well-known/openid-configuration gives endpoints and signing keys.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The audience bearer tokens must carry (often the API's client id or an api:// URI); default ClientId.</summary>
    public string? Audience { get; set; }

    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>The claim that carries the person's email (Entra ID: preferred_username or email).</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// The claim whose value is the person's catalog User name (metadata.name), e.g. preferred_username; empty (the
    /// default): the person is the User whose email (spec.profile.email, or an email identity of theirs) is EmailClaim's.
    /// </summary>
    public string PersonClaim { get; set; } = "";

    /// <summary>Whether the Groups the person is a member of in the catalog are their teams too (with the Teams mapping's).</summary>
    public bool TeamsFromCatalog { get; set; } = true;

    /// <summary>The claim whose values are mapped to roles and teams (groups, roles, …).</summary>
    public string GroupClaim { get; set; } = "groups";

    /// <summary>Group claim value → DevEx role (viewer, member, lead, platform, admin).</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Group claim value → team name (a catalog Group).</summary>
    public Dictionary<string, string> Teams { get; set; } = [];

    /// <summary>The role of a signed-in person no mapping names (empty: none, so they can only sign in).</summary>
    public string DefaultRole { get; set; } = DevExRoles.Viewer;

    /// <summary>False only for a provider on plain http on this machine (tests, a local Keycloak).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How far token lifetimes may be off between provider and DevEx.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    public string EffectiveAudience => string.IsNullOrWhiteSpace(Audience) ? ClientId ?? "" : Audience;
}
