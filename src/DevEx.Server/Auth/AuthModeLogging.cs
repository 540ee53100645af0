using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>Says at start how requests are authenticated; DevEx:Auth:Mode=None as a warning, since anyone who reaches the port is an admin.</summary>
internal sealed class AuthModeLogging(IOptions<AuthOptions> options, ILogger<AuthModeLogging> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        switch (auth.Effective)
        {
            case EffectiveAuthMode.TrustedNetwork:
                logger.LogWarning("AUTHENTICATION IS OFF (DevEx:Auth:Mode=None): every request that reaches this service is an admin. " +
                    "Use it only on a trusted network; set DevEx:Auth:Oidc to sign people in (docs/security.md).");
                break;
            case EffectiveAuthMode.LocalOnly:
                logger.LogInformation("No sign-in configured: listening on loopback only, local requests are admin (DevEx:Auth, docs/security.md)");
                break;
            default:
                logger.LogInformation("Sign-in with OpenID Connect at {Authority}; API keys {ApiKeys}", auth.Oidc.Authority, auth.ApiKeys ? "accepted" : "off");
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
