using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using DevEx.Server.Hosting;

namespace DevEx.Server.Tests.Hardening;

/// <summary>Every page and API answer carries the security headers; no page runs or needs inline script or style attributes.</summary>
public sealed class SecurityHeaderTests(SeededSite site) : IClassFixture<SeededSite>
{
    private static readonly HtmlParser Parser = new();

    private IEnumerable<(string Url, HttpResponseMessage Response, string Body)> HtmlPages =>
        site.Pages.Where(p => p.Response.Content.Headers.ContentType?.MediaType == "text/html");

    [Fact]
    public void The_crawl_reached_every_kind_of_page()
    {
        var paths = site.Pages.Select(p => p.Url.Split('?')[0]).ToHashSet();
        Assert.True(paths.Contains("/"), string.Join(", ", paths));
        Assert.Contains("/dashboards", paths);
        Assert.Contains("/dashboards/dora", paths);
        Assert.Contains("/docs/metrics", paths);
        Assert.Contains(paths, p => p.StartsWith("/explain/deployments", StringComparison.Ordinal));
        Assert.True(HtmlPages.Count() >= 10, string.Join(", ", paths));
    }

    [Fact]
    public void Every_response_carries_the_headers()
    {
        Assert.All(site.Pages, page =>
        {
            var headers = page.Response.Headers;
            Assert.Equal(HardeningSecurityHeaders.ContentSecurityPolicy, string.Join(",", headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join(",", headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join(",", headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", string.Join(",", headers.GetValues("Referrer-Policy")));
            Assert.False(headers.Contains("Strict-Transport-Security"), $"{page.Url}: HSTS over plain HTTP");
        });
    }

    [Fact]
    public void The_policy_allows_no_script_no_inline_style_and_no_framing()
    {
        var policy = HardeningSecurityHeaders.ContentSecurityPolicy;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_has_a_script_an_event_handler_or_a_style_attribute_and_each_stylesheet_is_allowed_by_its_hash()
    {
        Assert.All(HtmlPages, page =>
        {
            using var document = Parser.ParseDocument(page.Body);
            Assert.True(document.QuerySelectorAll("script").Length == 0, $"{page.Url}: <script>");
            var all = document.All.ToList();
            Assert.DoesNotContain(all, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(all, e => e.Attributes.Any(a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
            var styled = all.Where(e => e.HasAttribute("style")).Select(e => $"<{e.LocalName} style=\"{e.GetAttribute("style")}\">").Take(3).ToList();
            Assert.True(styled.Count == 0, $"{page.Url}: {string.Join(" ", styled)}");
            foreach (var sheet in document.QuerySelectorAll("style"))
            {
                var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(sheet.TextContent)))}'";
                Assert.Contains(hash, HardeningSecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task The_weekly_report_page_is_allowed_its_stylesheet()
    {
        var response = await site.Client.GetAsync("/api/v1/reports/weekly?team=analytics&week=2027-W09&format=html");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        using var document = Parser.ParseDocument(body);
        var sheet = Assert.Single(document.QuerySelectorAll("style"));
        Assert.Contains(HardeningSecurityHeaders.StyleHash(sheet.TextContent), string.Join(",", response.Headers.GetValues("Content-Security-Policy")),
            StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task HSTS_is_sent_on_https_only()
    {
        var response = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("https://localhost/healthz")));

        Assert.Equal(HardeningSecurityHeaders.StrictTransportSecurity, string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }
}
