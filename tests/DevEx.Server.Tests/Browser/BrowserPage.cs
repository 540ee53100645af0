using Microsoft.Playwright;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// A page open in its own browser context, recording what went wrong while it was used: console errors, uncaught
/// script errors, and requests to the page's own origin that failed or answered 4xx/5xx.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string origin;
    private readonly List<string> consoleErrors = [];
    private readonly List<string> pageErrors = [];
    private readonly List<string> failedRequests = [];

    internal BrowserPage(IBrowserContext context, IPage page, Uri url)
    {
        this.context = context;
        Page = page;
        origin = url.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsFavicon(message.Location))
            {
                Record(consoleErrors, $"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record(pageErrors, error);
        page.RequestFailed += (_, request) =>
        {
            if (IsOwn(request.Url) && !IsFavicon(request.Url))
            {
                Record(failedRequests, $"{request.Method} {request.Url}: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && IsOwn(response.Url) && !IsFavicon(response.Url))
            {
                Record(failedRequests, $"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The response to the navigation that opened the page.</summary>
    public IResponse? Response { get; internal set; }

    public IReadOnlyList<string> ConsoleErrors => Snapshot(consoleErrors);

    public IReadOnlyList<string> PageErrors => Snapshot(pageErrors);

    public IReadOnlyList<string> FailedRequests => Snapshot(failedRequests);

    /// <summary>A full-page PNG at &lt;repository&gt;/TestResults/screenshots/&lt;name&gt;.png, which CI keeps; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png });
        return path;
    }

    public void AssertNoErrors()
    {
        var problems = ConsoleErrors.Select(e => $"console: {e}")
            .Concat(PageErrors.Select(e => $"page error: {e}"))
            .Concat(FailedRequests.Select(e => $"request: {e}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{Page.Url} reported:\n{string.Join('\n', problems)}");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    // Playwright raises events on its own threads.
    private static void Record(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    // Chromium asks for /favicon.ico by itself when a page names no icon; its 404 is the browser's habit, not the page's error.
    private bool IsFavicon(string url) => url.StartsWith(origin + "/favicon.ico", StringComparison.OrdinalIgnoreCase);

    private bool IsOwn(string url) => url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase) || url.Equals(origin, StringComparison.OrdinalIgnoreCase);
}
