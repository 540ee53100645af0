using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DevEx.Server.Tests.Hardening;

/// <summary>GitHub, Jira and a calendar host in one, on Kestrel at 127.0.0.1: every request is answered 500 and kept.</summary>
internal sealed class FailingUpstream : IAsyncDisposable
{
    private readonly WebApplication app;

    private FailingUpstream()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(context =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync("upstream failure");
        });
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url => app.Urls.Single().TrimEnd('/');

    public static async Task<FailingUpstream> StartAsync()
    {
        var upstream = new FailingUpstream();
        await upstream.app.StartAsync();
        return upstream;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
