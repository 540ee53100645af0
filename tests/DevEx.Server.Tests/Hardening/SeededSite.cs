using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>The app over the bundled sample (sample-data/), crawled once for the tests of its pages.</summary>
public sealed class SeededSite : IAsyncLifetime, IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2027, 3, 10, 12, 0), Path.Combine(RepositoryRoot.Path, "sample-data"));

    public HttpClient Client { get; private set; } = null!;

    internal IReadOnlyList<(string Url, HttpResponseMessage Response, string Body)> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Client = factory.CreateClient();
        Pages = await SiteCrawl.PagesAsync(Client);
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
