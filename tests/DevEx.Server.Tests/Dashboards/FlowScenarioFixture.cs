using System.Net;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>The service over <see cref="FlowScenario"/>, loaded once per test class that reads it.</summary>
public sealed class FlowScenarioFixture : IAsyncLifetime
{
    public DevExAppFactory Factory { get; } = FlowScenario.Factory();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        await FlowScenario.LoadAsync(Factory, Client);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<string> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
