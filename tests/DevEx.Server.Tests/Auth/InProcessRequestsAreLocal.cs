using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// TestServer hands requests to the app in process, with no connection and so no remote address; the service treats
/// an address-less connection as not local (a Unix socket behind a proxy). A WebApplicationFactory client is the
/// test itself, on this machine: its requests get the loopback address a Kestrel connection from here would have.
/// </summary>
internal sealed class InProcessRequestsAreLocal : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
