using System.Runtime.CompilerServices;
using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// The Group hierarchy of the catalog (teams.parent) as roll-ups: for each team, itself and every team below it, so that
/// a department's figures are those of all its teams (docs/metrics.md, "Teams and services"). Read once per committed
/// write; one instance per database. A cycle in the catalog ends a walk where it would repeat.
/// </summary>
public sealed class TeamTree
{
    /// <summary>The separator of <see cref="Below"/>: Backstage names never hold a comma.</summary>
    public const char Separator = ',';

    private static readonly ConditionalWeakTable<DuckDbDatabase, TeamTree> Trees = [];

    private readonly PerWriteSnapshot<IReadOnlyDictionary<string, string>> below;

    private TeamTree(DuckDbDatabase database) =>
        below = new PerWriteSnapshot<IReadOnlyDictionary<string, string>>(database, connection =>
            Roll(connection.Query<(string Id, string? Parent)>("SELECT id, parent FROM teams").ToList()));

    public static TeamTree For(DuckDbDatabase database) => Trees.GetValue(database, d => new TeamTree(d));

    /// <summary>
    /// <paramref name="team"/> and every team below it, comma-separated, the team first; a name the catalog does not
    /// hold stands for itself (the resolver has already said 404 to a request naming one); null for null.
    /// </summary>
    public string? Below(string? team) =>
        team is null ? null : below.Current.TryGetValue(team, out var teams) ? teams : team;

    private static Dictionary<string, string> Roll(List<(string Id, string? Parent)> teams)
    {
        var children = teams.Where(t => t.Parent is not null && t.Parent != t.Id).ToLookup(t => t.Parent!, t => t.Id, StringComparer.Ordinal);
        var rolled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, _) in teams)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { id };
            var order = new List<string> { id };
            for (var i = 0; i < order.Count; i++)
            {
                order.AddRange(children[order[i]].OrderBy(c => c, StringComparer.Ordinal).Where(seen.Add));
            }
            rolled[id] = string.Join(Separator, order);
        }
        return rolled;
    }
}
