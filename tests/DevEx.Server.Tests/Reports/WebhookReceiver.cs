using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// A chat webhook on Kestrel at 127.0.0.1 (a free port): answers the first calls with the given status codes, then
/// 200, and keeps every request body with the status it got.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string Body)> calls = new();
    private readonly int[] firstStatuses;

    private WebhookReceiver(int[] firstStatuses)
    {
        this.firstStatuses = firstStatuses;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (calls)
            {
                status = calls.Count < firstStatuses.Length ? firstStatuses[calls.Count] : 200;
                calls.Enqueue((status, body));
            }
            return Results.StatusCode(status);
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<(int Status, string Body)> Calls => calls.ToArray();

    public IReadOnlyList<string> Delivered => calls.Where(c => c.Status is >= 200 and < 300).Select(c => c.Body).ToList();

    public static async Task<WebhookReceiver> StartAsync(params int[] firstStatuses)
    {
        var receiver = new WebhookReceiver(firstStatuses);
        await receiver.app.StartAsync();
        receiver.Url = receiver.app.Urls.Single().TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
