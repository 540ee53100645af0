using System.Collections.Concurrent;

namespace DevEx.TestSupport;

/// <summary>
/// An <see cref="IHttpClientFactory"/> that counts the clients it hands out by name, over the real factory or a plain
/// client: what shows that a long-lived collector takes a fresh client at each run instead of holding one for ever.
/// </summary>
internal sealed class CountingHttpClientFactory(IHttpClientFactory? inner = null) : IHttpClientFactory
{
    private readonly ConcurrentDictionary<string, int> created = new(StringComparer.Ordinal);

    public HttpClient CreateClient(string name)
    {
        created.AddOrUpdate(name, 1, (_, count) => count + 1);
        return inner?.CreateClient(name) ?? new HttpClient();
    }

    /// <summary>Clients created under <paramref name="name"/> so far.</summary>
    public int Created(string name) => created.GetValueOrDefault(name);
}
