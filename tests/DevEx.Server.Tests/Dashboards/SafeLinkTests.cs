using DevEx.Server.Dashboards;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>Only site paths and http(s) URLs become links; script, data and scheme-relative URLs stay text.</summary>
public sealed class SafeLinkTests
{
    [Theory]
    [InlineData("/explain/deployments?failed=true#D3", "/explain/deployments?failed=true#D3")]
    [InlineData("https://github.com/acme/api/pull/7", "https://github.com/acme/api/pull/7")]
    [InlineData("http://jira.example/browse/PAY-1", "http://jira.example/browse/PAY-1")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JavaScript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example/x", null)]
    [InlineData("vbscript:msgbox(1)", null)]
    [InlineData("", null)]
    public void Only_site_paths_and_http_urls_are_links(string link, string? expected) => Assert.Equal(expected, SafeLink.Of(link));
}
