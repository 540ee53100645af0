using AngleSharp.Html.Parser;
using DevEx.Server.Hosting;
using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>The scheduler's dashboard gets a policy of its own: its scripts come from /hangfire, none is inline.</summary>
public sealed class HangfireHeaderTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_dashboard_runs_only_scripts_it_serves_itself()
    {
        var response = await factory.CreateClient().GetAsync("/hangfire"); // the test server's requests are local
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Equal(HardeningSecurityHeaders.HangfireContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        using var document = new HtmlParser().ParseDocument(html);
        var scripts = document.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.StartsWith("/hangfire/", s.GetAttribute("src") ?? "(inline)", StringComparison.Ordinal));
    }
}
