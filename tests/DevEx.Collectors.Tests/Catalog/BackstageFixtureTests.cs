using DevEx.Collectors.Tests.Import;

namespace DevEx.Collectors.Tests.Catalog;

/// <summary>Real Backstage catalog files (Fixtures/backstage, see Fixtures/SOURCES.md), imported unchanged.</summary>
public sealed class BackstageFixtureTests : IDisposable
{
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void The_team_a_group_becomes_a_team_with_the_default_zone_and_hours()
    {
        var summary = db.ImportCatalogFixture("team-a-group.yaml");

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(
            [new Team("team-a", null, "backstage", "UTC", "Mon-Fri 09:00-17:00")],
            db.Query<Team>("SELECT id AS Id, display_name AS DisplayName, parent AS Parent, timezone AS TimeZone, working_hours AS WorkingHours FROM teams"));
    }

    [Fact]
    public void Five_user_documents_become_four_people_because_guest_is_listed_in_two_namespaces()
    {
        db.ImportCatalogFixture("team-a-group.yaml");

        Assert.Equal(
            [("breanna.davison", "breanna-davison@example.com"), ("guest", "guest@example.com"), ("janelle.dawe", "janelle-dawe@example.com"), ("nigel.manning", "nigel-manning@example.com")],
            db.Query<(string, string)>("SELECT id, email FROM people ORDER BY id"));
        Assert.Equal("Janelle Dawe", db.Scalar<string>("SELECT display_name FROM people WHERE id = 'janelle.dawe'"));
        Assert.Null(db.Scalar<string?>("SELECT display_name FROM people WHERE id = 'breanna.davison'"));
    }

    [Fact]
    public void Every_user_is_a_member_of_team_a_whatever_form_the_reference_takes()
    {
        db.ImportCatalogFixture("team-a-group.yaml");

        Assert.Equal(
            [("team-a", "breanna.davison"), ("team-a", "guest"), ("team-a", "janelle.dawe"), ("team-a", "nigel.manning")],
            db.Query<(string, string)>("SELECT team_id, person_id FROM team_memberships ORDER BY person_id"));
    }

    [Fact]
    public void Each_email_is_an_identity_of_its_person()
    {
        db.ImportCatalogFixture("team-a-group.yaml");

        Assert.Equal(
            [("breanna-davison@example.com", "breanna.davison"), ("guest@example.com", "guest"), ("janelle-dawe@example.com", "janelle.dawe"), ("nigel-manning@example.com", "nigel.manning")],
            db.Query<(string, string)>("SELECT identity, person_id FROM identities WHERE kind = 'email' ORDER BY identity"));
    }

    [Fact]
    public void A_component_whose_name_has_a_space_is_rejected_with_file_line_and_name()
    {
        var summary = db.ImportCatalogFixture("invalid-component.yaml");

        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(("invalid-component.yaml", 1), (reject.File, reject.Line));
        Assert.Contains("'invalid component'", reject.Reason);
        Assert.Equal(0, db.Count("services"));
        Assert.Equal([("invalid-component.yaml", 1)], db.Query<(string, int)>("SELECT source_file, line FROM import_rejects"));
    }

    [Fact]
    public void A_namespaced_owner_reference_resolves_to_the_team_name()
    {
        var summary = db.ImportCatalogFixture("different-namespace.yaml");

        Assert.Equal(0, summary.Rejected);
        Assert.Equal([("different-namespace", "team-a")], db.Query<(string, string)>("SELECT id, owner_team FROM services"));
    }

    [Fact]
    public void The_project_slug_annotation_links_the_service_to_its_repository()
    {
        db.ImportCatalogFixture("catalog-info.yaml");

        Assert.Equal([("backstage-existing", "backstage/backstage")], db.Query<(string, string)>("SELECT service_id, repo FROM service_repositories"));
        Assert.Equal("CNCF", db.Scalar<string>("SELECT owner_team FROM services WHERE id = 'backstage-existing'"));
    }

    [Fact]
    public void Two_identical_entities_in_one_file_make_one_service()
    {
        var summary = db.ImportCatalogFixture("catalog-info.yml");

        Assert.Equal(0, summary.Rejected);
        Assert.Equal([("sample-service-5", "dtuite")], db.Query<(string, string)>("SELECT id, owner_team FROM services"));
        Assert.Equal(["roadiehq/sample-service"], db.Query<string>("SELECT repo FROM service_repositories"));
    }

    private sealed record Team(string Id, string? DisplayName, string? Parent, string TimeZone, string WorkingHours);
}
