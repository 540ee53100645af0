using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// Refuses a start that would expose the service without authentication, and an incomplete OpenID Connect setting;
/// each failure is one line naming the setting to add (StartupConfiguration prints it and exits 2).
/// </summary>
internal sealed class AuthOptionsValidation(IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        switch (options.Effective)
        {
            case EffectiveAuthMode.LocalOnly when ListeningAddresses.FirstNonLoopback(ListeningAddresses.Configured(configuration)) is { } exposed:
                failures.Add($"listening on {exposed} needs authentication: set DevEx:Auth:Oidc:Authority (and ClientId), " +
                    "or DevEx:Auth:Mode=None for a trusted network, or listen on http://localhost:PORT (docs/security.md)");
                break;
            case EffectiveAuthMode.Oidc:
                if (string.IsNullOrWhiteSpace(options.Oidc.Authority))
                {
                    failures.Add("DevEx:Auth:Mode is Oidc but DevEx:Auth:Oidc:Authority is not set (the provider's issuer URL)");
                }
                else if (!Uri.TryCreate(options.Oidc.Authority, UriKind.Absolute, out _))
                {
                    failures.Add($"DevEx:Auth:Oidc:Authority must be an absolute URL, not '{options.Oidc.Authority}'");
                }
                if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
                {
                    failures.Add("DevEx:Auth:Oidc:ClientId is not set (the client registered for DevEx at the provider)");
                }
                failures.AddRange(options.Oidc.Roles.Where(r => !DevExRoles.IsKnown(r.Value))
                    .Select(r => $"DevEx:Auth:Oidc:Roles:{r.Key} is '{r.Value}', not one of {string.Join(", ", DevExRoles.All)}"));
                if (options.Oidc.DefaultRole.Length > 0 && !DevExRoles.IsKnown(options.Oidc.DefaultRole))
                {
                    failures.Add($"DevEx:Auth:Oidc:DefaultRole is '{options.Oidc.DefaultRole}', not one of {string.Join(", ", DevExRoles.All)} (or empty)");
                }
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
