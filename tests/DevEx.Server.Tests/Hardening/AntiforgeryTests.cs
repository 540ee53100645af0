using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// No page posts a form today (every filter form is a GET, so each view is a link); the antiforgery middleware is in the
/// pipeline for the first one that will: a form-bound endpoint there refuses a post without the token.
/// </summary>
public sealed class AntiforgeryTests(SeededSite site) : IClassFixture<SeededSite>, IDisposable
{
    private const string Probe = "/__probe/form";

    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public void Dispose() => factory.Dispose();

    [Fact]
    public void No_page_has_a_form_that_posts()
    {
        var parser = new HtmlParser();
        var forms = site.Pages.Where(p => p.Response.Content.Headers.ContentType?.MediaType == "text/html")
            .SelectMany(p => parser.ParseDocument(p.Body).QuerySelectorAll("form").Select(f => (p.Url, Method: f.GetAttribute("method") ?? "get")))
            .ToList();

        Assert.NotEmpty(forms); // the filter forms
        Assert.All(forms, f => Assert.Equal("get", f.Method.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_form_endpoint_in_the_pipeline_refuses_a_post_without_the_token_and_takes_one_with_it()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FormProbe>()));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var forged = await client.PostAsync(Probe, new FormUrlEncodedContent([new("note", "forged")]));
        var token = await client.GetStringAsync(Probe); // sets the cookie half, answers the form half
        var genuine = await client.PostAsync(Probe, new FormUrlEncodedContent([new("note", "genuine"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("genuine", await genuine.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Puts a form endpoint on <see cref="Probe"/> before the app's own middleware: routing keeps an endpoint already chosen,
    /// so the request then passes the app's whole pipeline (its antiforgery middleware included) to this endpoint.
    /// </summary>
    private sealed class FormProbe : IStartupFilter
    {
        private static readonly Endpoint Post = Build(([FromForm] string note) => note, "post");

        private static readonly Endpoint Get = Build((IAntiforgery antiforgery, HttpContext context) => antiforgery.GetAndStoreTokens(context).RequestToken!,
            "get");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Path == Probe)
                {
                    context.SetEndpoint(HttpMethods.IsPost(context.Request.Method) ? Post : Get);
                }
                return following(context);
            });
            next(app);
        };

        private static Endpoint Build(Delegate handler, string name)
        {
            var built = RequestDelegateFactory.Create(handler, new RequestDelegateFactoryOptions { ServiceProvider = EmptyServices.Instance });
            return new Endpoint(built.RequestDelegate, new EndpointMetadataCollection(built.EndpointMetadata), "form probe " + name);
        }
    }

    private sealed class EmptyServices : IServiceProvider, IServiceProviderIsService
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => serviceType == typeof(IServiceProviderIsService) ? this : null;

        public bool IsService(Type serviceType) => serviceType == typeof(IAntiforgery);
    }
}
