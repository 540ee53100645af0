using Microsoft.Playwright;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// One Playwright driver and one headless Chromium for the collection. The browser is Debian's (DEVEX_CHROMIUM,
/// else /usr/bin/chromium), never one Playwright downloads; the driver is the node bundle the package copies into
/// the build output (.playwright/), so nothing here needs the network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous: a loaded CI machine runs the other test collections beside this one.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("DEVEX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"No Chromium at {ExecutablePath}: install Debian's chromium package or set DEVEX_CHROMIUM.", ExecutablePath);
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds,
        });
    }

    /// <summary>
    /// A fresh context (no shared cookies or cache) and page at <paramref name="url"/>, an absolute URL such as
    /// <c>server.Url("/")</c>; errors are recorded from before the first request.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(string url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var wrapper = new BrowserPage(context, page, new Uri(url));
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        wrapper.Response = response;
        return wrapper;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}
