using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace DevEx.Server.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies of <see cref="ForwardedHeadersSettings"/>.
/// ASP.NET Core's own default trusts loopback; here nothing is trusted until configured, so a spoofed
/// "X-Forwarded-For: 127.0.0.1" never makes a request look local (the /hangfire filter reads the remote address).
/// </summary>
internal static class HardeningForwardedHeaders
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfigurationReplacingLists(ForwardedHeadersSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ProxyAddresses>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }
            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network.Trim()));
            }
        });
        return services;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (settings.KnownProxies.Count > 0 || settings.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>Each proxy and network that does not parse, by its key and value.</summary>
    private sealed class ProxyAddresses : IValidateOptions<ForwardedHeadersSettings>
    {
        public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
        {
            var section = ForwardedHeadersSettings.Section;
            var failures = options.KnownProxies.Select((proxy, i) => (proxy, i)).Where(p => !IPAddress.TryParse(p.proxy.Trim(), out _))
                .Select(p => $"{section}:KnownProxies:{p.i} = '{p.proxy}' is not an IP address (e.g. 10.0.0.5)")
                .Concat(options.KnownNetworks.Select((network, i) => (network, i)).Where(n => !IPNetwork.TryParse(n.network.Trim(), out _))
                    .Select(n => $"{section}:KnownNetworks:{n.i} = '{n.network}' is not a network in CIDR notation (e.g. 10.0.0.0/24)"))
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
