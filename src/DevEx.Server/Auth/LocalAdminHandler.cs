using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// The identity of a request when no provider is configured: admin when the connection comes from this machine
/// (the connection's own remote address: never a forwarded header), or, with DevEx:Auth:Mode=None, always. The
/// administrator is the catalog User DevEx:Auth:LocalPerson names, if it names one.
/// </summary>
internal sealed class LocalAdminHandler(IOptionsMonitor<LocalAdminOptions> options, ILoggerFactory logger, UrlEncoder encoder, PersonMapping people,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<LocalAdminOptions>(options, logger, encoder)
{
    public const string LocalScheme = "Local";
    public const string TrustedNetworkScheme = "TrustedNetwork";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.RequireLoopback && !IsLocal(Context.Connection.RemoteIpAddress))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var person = people.Named(auth.Value.LocalPerson);
        var identity = DevExClaims.Identity(Scheme.Name, Options.RequireLoopback ? "local" : "trusted-network",
            Options.RequireLoopback ? "local administrator" : "trusted network", [DevExRoles.Admin], people.TeamsOf(person), person: person?.Id);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <summary>A connection without an address (a Unix socket behind a proxy) is not local.</summary>
    public static bool IsLocal(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
}

internal sealed class LocalAdminOptions : AuthenticationSchemeOptions
{
    /// <summary>False for DevEx:Auth:Mode=None: every request, from anywhere, is admin.</summary>
    public bool RequireLoopback { get; set; } = true;
}
