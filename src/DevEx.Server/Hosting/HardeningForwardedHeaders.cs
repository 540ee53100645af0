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
        services.AddOptions<ForwardedHeadersSettings>().BindConfigurationReplacingLists(ForwardedHeadersSettings.Section)
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p.Trim(), out _)),
                $"{ForwardedHeadersSettings.Section}:KnownProxies must be IP addresses (e.g. 10.0.0.5)")
            .Validate(s => s.KnownNetworks.All(n => IPNetwork.TryParse(n.Trim(), out _)),
                $"{ForwardedHeadersSettings.Section}:KnownNetworks must be networks in CIDR notation (e.g. 10.0.0.0/24)")
            .ValidateOnStart();
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
}
