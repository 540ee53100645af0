using DevEx.Collectors.Tests.Import;

namespace DevEx.Collectors.Tests.Catalog;

/// <summary>The DevEx annotations of IMPORT-FORMAT.md, written by hand.</summary>
public sealed class CatalogAnnotationTests : IDisposable
{
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void A_group_with_a_time_zone_and_working_hours_keeps_them()
    {
        var summary = db.ImportCatalog(Group("""
            devex.dev/timezone: Europe/Lisbon
            devex.dev/working-hours: "Mon-Thu 08:00-16:00, Fri 08:00-12:00"
            """));

        Assert.Equal(0, summary.Rejected);
        Assert.Equal([("Europe/Lisbon", "Mon-Thu 08:00-16:00, Fri 08:00-12:00")], db.Query<(string, string)>("SELECT timezone, working_hours FROM teams"));
    }

    [Fact]
    public void A_group_with_an_unknown_time_zone_is_rejected_naming_the_annotation()
    {
        var summary = db.ImportCatalog(Group("devex.dev/timezone: Mars/Olympus"));

        var reason = Assert.Single(summary.Rejects).Reason;
        Assert.Contains("devex.dev/timezone", reason);
        Assert.Contains("Mars/Olympus", reason);
        Assert.Equal(0, db.Count("teams"));
        Assert.Equal(1, db.Count("import_rejects"));
    }

    [Fact]
    public void A_group_whose_working_day_ends_before_it_starts_is_rejected()
    {
        var summary = db.ImportCatalog(Group("""devex.dev/working-hours: "Mon-Fri 17:00-09:00" """));

        Assert.Contains("devex.dev/working-hours", Assert.Single(summary.Rejects).Reason);
        Assert.Equal(0, db.Count("teams"));
    }

    [Fact]
    public void A_user_gets_identities_for_email_login_and_each_alias()
    {
        var summary = db.ImportCatalog("""
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata:
              name: ana
              annotations:
                github.com/user-login: Ana-Codes
                devex.dev/aliases: "a@x.com, alias2"
            spec:
              profile:
                email: Ana.Silva@Example.COM
            """);

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(
            [("a@x.com", "alias"), ("alias2", "alias"), ("ana", "name"), ("ana-codes", "login"), ("ana.silva@example.com", "email")],
            db.Query<(string, string)>("SELECT identity, kind FROM identities WHERE person_id = 'ana' ORDER BY identity"));
    }

    private static string Group(string annotations) => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: payments
          annotations:
            {annotations.Replace("\n", "\n    ", StringComparison.Ordinal)}
        spec:
          type: team
          children: []
        """;
}
