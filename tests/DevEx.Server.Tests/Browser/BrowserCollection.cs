namespace DevEx.Server.Tests.Browser;

/// <summary>
/// Page tests in a real browser. One seeded server and one Chromium serve the whole collection: seeding the bundled
/// sample takes seconds and a browser launch about one, so neither is paid per test. Tests in a collection run one
/// after another; the collection as a whole runs beside the others.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<LiveServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
