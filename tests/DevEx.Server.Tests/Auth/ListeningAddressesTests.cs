using DevEx.Server.Auth;
using Microsoft.Extensions.Configuration;

namespace DevEx.Server.Tests.Auth;

/// <summary>Which listening addresses another machine could reach: anything but localhost and the loopback range.</summary>
public sealed class ListeningAddressesTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.42.0.9:5080", true)]
    [InlineData("https://[::1]:5443", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://devex.example.com:80", false)]
    [InlineData("http://unix:/run/devex.sock", false)]
    public void An_address_is_loopback_only_when_no_other_machine_can_reach_it(string url, bool loopback) =>
        Assert.Equal(loopback, ListeningAddresses.IsLoopback(url));

    [Fact]
    public void Urls_ports_and_kestrel_endpoints_are_all_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5080; http://127.0.0.1:5081",
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:Public:Url"] = "https://10.1.2.3:443",
        }).Build();
        var urls = ListeningAddresses.Configured(configuration);
        Assert.Equal(["http://localhost:5080", "http://127.0.0.1:5081", "http://*:8080", "https://10.1.2.3:443"], urls);
        Assert.Equal("http://*:8080", ListeningAddresses.FirstNonLoopback(urls));
    }
}
