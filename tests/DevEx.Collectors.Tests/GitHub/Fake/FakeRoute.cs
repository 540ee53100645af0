using Microsoft.AspNetCore.WebUtilities;

namespace DevEx.Collectors.Tests.GitHub.Fake;

/// <summary>
/// A route of the <see cref="FakeGitHubServer"/>: its responses are served in turn and the last one repeats, or a
/// delegate answers every request.
/// </summary>
public sealed class FakeRoute
{
    private readonly Lock gate = new();
    private readonly List<FakeResponse> responses = [];
    private readonly Func<ReceivedRequest, FakeResponse>? responder;
    private int served;

    internal FakeRoute(string method, string pathAndQuery, FakeResponse first)
        : this(method, pathAndQuery) => responses.Add(first);

    internal FakeRoute(string method, string pathAndQuery, Func<ReceivedRequest, FakeResponse> responder)
        : this(method, pathAndQuery) => this.responder = responder;

    private FakeRoute(string method, string pathAndQuery)
    {
        Method = method.ToUpperInvariant();
        var question = pathAndQuery.IndexOf('?');
        Path = "/" + (question < 0 ? pathAndQuery : pathAndQuery[..question]).Trim('/');
        Query = question < 0
            ? new Dictionary<string, string>()
            : QueryHelpers.ParseQuery(pathAndQuery[question..]).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public string Method { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Requests this route has answered.</summary>
    public int Hits
    {
        get
        {
            lock (gate)
            {
                return served;
            }
        }
    }

    internal long Order { get; set; }

    /// <summary>Adds the response served after the ones before it.</summary>
    public FakeRoute Then(
        int status = 200,
        string? body = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? etag = null,
        string? lastModified = null) => Then(new FakeResponse(status, body, headers, etag, lastModified));

    public FakeRoute Then(FakeResponse response)
    {
        if (responder is not null)
        {
            throw new InvalidOperationException("A route answered by a delegate has no sequence.");
        }
        lock (gate)
        {
            responses.Add(response);
        }
        return this;
    }

    internal bool Accepts(IReadOnlyDictionary<string, string> query)
    {
        var page = query.GetValueOrDefault("page");
        if (page != Query.GetValueOrDefault("page") && !(page == "1" && !Query.ContainsKey("page")))
        {
            return false;
        }
        return Query.All(p => query.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    internal FakeResponse Next(ReceivedRequest request)
    {
        int index;
        lock (gate)
        {
            index = served++;
        }
        if (responder is not null)
        {
            return responder(request);
        }
        lock (gate)
        {
            return responses[Math.Min(index, responses.Count - 1)];
        }
    }
}
