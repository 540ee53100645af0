using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// A chat webhook on Kestrel at 127.0.0.1 (a free port), on any path: answers the first calls with the given status
/// codes, then 200, and keeps every request's path and body with the status it got.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, int Status, string Body)> calls = new();
    private readonly int[] firstStatuses;

    private readonly string path;

    private WebhookReceiver(string path, int[] firstStatuses)
    {
        this.path = path;
        this.firstStatuses = firstStatuses;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (calls)
            {
                status = calls.Count < firstStatuses.Length ? firstStatuses[calls.Count] : 200;
                calls.Enqueue((request.Path.Value ?? "", status, body));
            }
            return Results.StatusCode(status);
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<(string Path, int Status, string Body)> Calls => calls.ToArray();

    public IReadOnlyList<string> Delivered => calls.Where(c => c.Status is >= 200 and < 300).Select(c => c.Body).ToList();

    /// <summary>The base URL (http://127.0.0.1:port), for further webhook URLs on other paths.</summary>
    public string BaseUrl { get; private set; } = "";

    public static Task<WebhookReceiver> StartAsync(params int[] firstStatuses) => StartAtAsync("/hook", firstStatuses);

    /// <summary>A receiver whose <see cref="Url"/> has the given path (a Slack URL's secret is its path).</summary>
    public static async Task<WebhookReceiver> StartAtAsync(string path, params int[] firstStatuses)
    {
        var receiver = new WebhookReceiver(path, firstStatuses);
        await receiver.app.StartAsync();
        receiver.BaseUrl = receiver.app.Urls.Single().TrimEnd('/');
        receiver.Url = receiver.BaseUrl + receiver.path;
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
