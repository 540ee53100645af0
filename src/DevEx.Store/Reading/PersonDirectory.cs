using Dapper;

namespace DevEx.Store.Reading;

/// <summary>A catalog User (people.id, its Backstage name) and the catalog Groups they are a member of, by id.</summary>
public sealed record CatalogPerson(string Id, string? DisplayName, IReadOnlyList<string> Teams);

/// <summary>
/// Who a sign-in or an API key is in the catalog: a mapped person (a Backstage User, people.is_mapped) found by their
/// name, or by an email (people.email, or an identity of kind email), with their teams from team_memberships. Read
/// once per committed write (every authenticated request asks); names and emails compare case-insensitively, as
/// identities are stored lower-cased. An unmapped person (unmapped:…, a name no User claims) is nobody's sign-in.
/// </summary>
public sealed class PersonDirectory(DuckDbDatabase database)
{
    private sealed record Directory(Dictionary<string, CatalogPerson> ByName, Dictionary<string, CatalogPerson> ByEmail);

    private readonly PerWriteSnapshot<Directory> snapshot = new(database, Load);

    /// <summary>The User of that name (metadata.name); null when the catalog holds none.</summary>
    public CatalogPerson? ByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : snapshot.Current.ByName.GetValueOrDefault(name.Trim());

    /// <summary>The User with that email (spec.profile.email, or an email identity of theirs); null when none.</summary>
    public CatalogPerson? ByEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : snapshot.Current.ByEmail.GetValueOrDefault(email.Trim());

    private static Directory Load(DuckDB.NET.Data.DuckDBConnection connection)
    {
        var teams = connection.Query<(string PersonId, string TeamId)>("SELECT person_id, team_id FROM team_memberships ORDER BY team_id")
            .ToLookup(m => m.PersonId, m => m.TeamId, StringComparer.Ordinal);
        var people = connection.Query<(string Id, string? DisplayName, string? Email)>("SELECT id, display_name, email FROM people WHERE is_mapped")
            .Select(p => (Person: new CatalogPerson(p.Id, p.DisplayName, [.. teams[p.Id]]), p.Email))
            .ToList();
        var byName = new Dictionary<string, CatalogPerson>(StringComparer.OrdinalIgnoreCase);
        foreach (var (person, _) in people.OrderBy(p => p.Person.Id, StringComparer.Ordinal))
        {
            byName.TryAdd(person.Id, person); // two Users differing only in case: the first by id
        }
        var byId = people.ToDictionary(p => p.Person.Id, p => p.Person, StringComparer.Ordinal);
        var byEmail = new Dictionary<string, CatalogPerson>(StringComparer.OrdinalIgnoreCase);
        foreach (var (person, email) in people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).OrderBy(p => p.Person.Id, StringComparer.Ordinal))
        {
            byEmail.TryAdd(email!.Trim(), person);
        }
        var emailIdentities = connection.Query<(string Identity, string PersonId)>("SELECT identity, person_id FROM identities WHERE kind = 'email' ORDER BY identity");
        foreach (var (identity, personId) in emailIdentities)
        {
            if (byId.TryGetValue(personId, out var person))
            {
                byEmail.TryAdd(identity, person); // the User's own email first, then their other addresses
            }
        }
        return new Directory(byName, byEmail);
    }
}
