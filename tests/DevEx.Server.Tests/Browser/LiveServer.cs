using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, seeded with the bundled sample (sample-data/), so that a
/// browser can reach it. The clock is fixed: the sample is shifted so its last week is the week of <see cref="Now"/>.
/// </summary>
public sealed class LiveServer : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// A Wednesday noon. The dashboards' default window is then the 12 full ISO weeks 2026-12-14 to 2027-03-07 (the API's
    /// default, 4 weeks: 2027-02-08 to 2027-03-07).
    /// </summary>
    public static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);

    private readonly DevExAppFactory factory = new(Now, Path.Combine(RepositoryRoot.Path, "sample-data"));

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A plain HTTP client on <see cref="BaseUrl"/>, over the same socket the browser uses.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The absolute URL of a path on this server.</summary>
    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public Task InitializeAsync()
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer(); // seeds before it listens (SampleSeeder is a hosted service)
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseUrl = new Uri(addresses.Single());
        Client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Client?.Dispose();
        factory.Dispose();
    }
}
