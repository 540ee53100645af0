using Dapper;

namespace DevEx.Store.Reading;

/// <summary>Who is behind an identity, and in which zone a person lives: what a calendar import resolves its owner by.</summary>
public static class PeopleLookups
{
    public static IReadOnlyList<(string Identity, string PersonId)> Identities(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Identity, string PersonId)>("SELECT identity, person_id FROM identities").AsList();
    }

    /// <summary>Every person's zone: their own, else that of their first team (by id); null when neither says.</summary>
    public static IReadOnlyList<(string PersonId, string? Zone)> Zones(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string PersonId, string? Zone)>("""
            SELECT p.id, coalesce(p.timezone, (SELECT t.timezone FROM team_memberships m JOIN teams t ON t.id = m.team_id
                                               WHERE m.person_id = p.id ORDER BY t.id LIMIT 1))
            FROM people p
            """).AsList();
    }
}
