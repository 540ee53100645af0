using DevEx.Server.Tests.Browser;
using Microsoft.Playwright;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// Signing in through a real browser: a page sends a person to the provider (authorization code with PKCE), its login
/// form brings them back with a session cookie, and /signout ends the session at DevEx and at the provider.
/// </summary>
public sealed class BrowserSignInTests(SignInServer server, BrowserFixture browser) : IClassFixture<SignInServer>, IClassFixture<BrowserFixture>
{
    /// <summary>Opens <paramref name="path"/>, which sends the browser to the provider, and signs in there as <paramref name="login"/>.</summary>
    private async Task<BrowserPage> SignInAsync(string login, string path)
    {
        var page = await browser.OpenAsync(server.Url(path));
        Assert.StartsWith($"{server.Provider.Issuer}/interaction/", page.Page.Url);
        await page.Page.FillAsync("input[name=login]", login);
        await page.Page.FillAsync("input[name=password]", "any password");
        await page.Page.ClickAsync("button[type=submit]");
        await page.Page.ClickAsync("button:has-text('Continue')"); // the provider's consent to DevEx's scopes
        try
        {
            await page.Page.WaitForURLAsync(url => url.StartsWith(server.Url("/"), StringComparison.Ordinal) && !url.Contains("/signin", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Signing in as {login} stopped at {page.Page.Url}: {await page.Page.InnerTextAsync("body")}\nservice log:\n{server.Errors}");
        }
        return page;
    }

    [Fact]
    public async Task A_person_signs_in_sees_the_page_they_asked_for_and_signs_out()
    {
        await using var page = await SignInAsync("alice", "/docs/metrics");
        Assert.Equal(server.Url("/docs/metrics"), page.Page.Url);
        Assert.Equal(200, (await page.Page.ReloadAsync())?.Status);
        var session = Assert.Single(await page.Page.Context.CookiesAsync(), c => c.Name == "devex.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        // alice is in devex-admins: the admin surfaces answer her.
        Assert.Equal(200, (await page.Page.Context.APIRequest.GetAsync(server.Url("/api/v1/api-keys"))).Status);
        Assert.Equal(200, (await page.Page.GotoAsync(server.Url("/hangfire")))?.Status);

        await page.Page.GotoAsync(server.Url("/signout"));
        Assert.StartsWith($"{server.Provider.Issuer}/session/end", page.Page.Url);
        await page.Page.ClickAsync("button[name=logout]"); // "Yes, sign me out"
        await page.Page.WaitForURLAsync(server.Url("/signed-out"));
        Assert.Equal("Signed out", await page.Page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(await page.Page.Context.CookiesAsync(), c => c.Name == "devex.session");
        Assert.Equal(401, (await page.Page.Context.APIRequest.GetAsync(server.Url("/api/v1/teams"))).Status);

        // Signed out at the provider too: the next page asks for a login again.
        await page.Page.GotoAsync(server.Url("/"));
        Assert.StartsWith($"{server.Provider.Issuer}/interaction/", page.Page.Url);
        Assert.Equal(1, await page.Page.Locator("input[name=login]").CountAsync());
        Assert.DoesNotContain(server.Logs.Entries, e => e.Contains(SignInServer.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_without_a_mapped_group_is_a_viewer_kept_out_of_the_admin_surfaces()
    {
        await using var page = await SignInAsync("bob", "/");
        Assert.Equal(server.Url("/"), page.Page.Url);
        Assert.Equal(200, (await page.Page.Context.APIRequest.GetAsync(server.Url("/api/v1/teams"))).Status);
        Assert.Equal(403, (await page.Page.Context.APIRequest.GetAsync(server.Url("/api/v1/api-keys"))).Status);
        Assert.Equal(403, (await page.Page.Context.APIRequest.PostAsync(server.Url("/api/v1/import/deployments"))).Status);
        Assert.Equal(403, (await page.Page.GotoAsync(server.Url("/hangfire")))?.Status);
    }

    [Fact]
    public async Task A_program_without_credentials_gets_401_not_the_sign_in_page()
    {
        await using var page = await browser.OpenAsync(server.Url("/healthz"));
        Assert.Equal(200, page.Response?.Status);
        var api = await page.Page.Context.APIRequest.GetAsync(server.Url("/api/v1/teams"), new() { MaxRedirects = 0 });
        Assert.Equal(401, api.Status);
        Assert.Equal("Bearer", api.Headers["www-authenticate"]);
        var dashboard = await page.Page.Context.APIRequest.GetAsync(server.Url("/?team=payments"), new() { MaxRedirects = 0 });
        Assert.Equal(302, dashboard.Status);
        Assert.Equal(server.Url("/signin?ReturnUrl=%2F%3Fteam%3Dpayments"), dashboard.Headers["location"]);
    }
}
