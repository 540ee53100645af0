using DevEx.Collectors.Calendar;
using DevEx.Collectors.Http;
using DevEx.Collectors.Jira;
using DevEx.Collectors.Sync;
using DevEx.Server.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Hosting;

/// <summary>
/// The Jira and calendar collectors live as long as the process; an HttpClient taken when they are built would be held
/// for ever (its pooled connections, and the DNS answers behind them, never renewed). They take one from the factory
/// at each run instead (DevEx.Collectors.Tests: a client per run), so building them takes none.
/// </summary>
public sealed class CollectorHttpClientTests
{
    [Fact]
    public void Building_the_Jira_and_calendar_collectors_takes_no_client_from_the_factory()
    {
        var clients = new CountingHttpClientFactory();
        using var services = CommandServices.Build(
            ["--DevEx:Jira:BaseUrl", "https://acme.atlassian.net", "--DevEx:Calendar:Feeds:ann@example.com", "https://calendar.example/ann.ics"],
            s => s.AddSingleton<IHttpClientFactory>(clients));

        var sources = services.GetServices<ISyncSource>().ToList();

        Assert.Contains(sources, s => s is JiraCollector);
        Assert.Contains(sources, s => s is CalendarFeedCollector);
        Assert.Equal(0, clients.Created(CollectorHttpClients.Jira));
        Assert.Equal(0, clients.Created(CollectorHttpClients.CalendarFeeds));
    }
}
