using System.Security.Claims;
using DevEx.Server.Auth;
using DevEx.Store.Reading;

namespace DevEx.Server.Access;

/// <summary>
/// The scope rule for the API and the pages alike (docs/security.md, "Roles and scope"): which teams a principal's
/// roles let them see, and, for a request's team, service and repository, why not when they may not. The policy of the
/// endpoint group has already let a reader in; this decides what they read.
/// </summary>
internal sealed class ScopeAccess(ScopeCatalog catalog)
{
    /// <summary>Null when <paramref name="user"/> may see <paramref name="surface"/> in this scope; otherwise why not, in a sentence.</summary>
    public string? Refusal(ClaimsPrincipal user, Surface surface, string? team, string? service, string? repo)
    {
        var roles = user.DevExRoles();
        if (roles.Contains(DevExRoles.Admin))
        {
            return null;
        }
        var platform = roles.Contains(DevExRoles.Platform);
        var who = Who(roles);
        if (surface == Surface.OrgRows)
        {
            return platform ? null : $"{who} sees no organisation-wide rows; they need platform or admin";
        }
        var owners = Owners(Blank(team), Blank(service), Blank(repo));
        if (owners is null)
        {
            return surface is Surface.Figures or Surface.TeamMeetings || platform ? null
                : surface == Surface.PerTeam
                    ? $"{who} sees organisation-level figures and their own teams' only; a table of every team needs platform or admin"
                    : $"{who} sees rows of their own teams only; choose one of them with 'team' ({Teams(user)}), or ask for platform or admin";
        }
        var meetings = surface == Surface.TeamMeetings;
        foreach (var (label, owner) in owners)
        {
            if (!MaySee(user, roles, owner, meetings))
            {
                return owner is null
                    ? $"{who} sees organisation-level figures and their own teams' only; {label} is owned by no team and needs platform or admin"
                    : $"{(meetings && platform ? $"{who} sees no team's meetings" : Sees(who, roles, user))}; {label} needs member of {(label.StartsWith("team", StringComparison.Ordinal) ? "it" : $"team '{owner}'")}, lead above it{(meetings ? "" : ", platform")} or admin";
            }
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="user"/> may see team <paramref name="team"/>'s figures (its meetings, with
    /// <paramref name="meetings"/>): the teams a page's filter lists. A null team is what no team owns (a service without
    /// an owner): platform and admin only.
    /// </summary>
    public bool MaySeeTeam(ClaimsPrincipal user, string? team, bool meetings = false)
    {
        var roles = user.DevExRoles();
        return roles.Contains(DevExRoles.Admin) || MaySee(user, roles, team, meetings);
    }

    /// <summary>
    /// Whether a per-team table in the scope of <paramref name="team"/> (every team's, for null) may show <paramref name="user"/>
    /// the teams' meeting figures: admin always; otherwise who may see that team's meetings (a member, a lead above it),
    /// never platform, and no one but admin every team's.
    /// </summary>
    public bool MaySeeTeamMeetings(ClaimsPrincipal user, string? team)
    {
        var roles = user.DevExRoles();
        return roles.Contains(DevExRoles.Admin) || (team is not null && MaySee(user, roles, team, meetings: true));
    }

    private bool MaySee(ClaimsPrincipal user, IReadOnlyList<string> roles, string? team, bool meetings)
    {
        if (roles.Contains(DevExRoles.Platform) && !meetings)
        {
            return true;
        }
        if (team is null)
        {
            return false;
        }
        var own = user.DevExTeams();
        return (roles.Contains(DevExRoles.Member) && own.Contains(team)) || (roles.Contains(DevExRoles.Lead) && Ancestry(team).Any(own.Contains));
    }

    /// <summary>The team and every team above it, by teams.parent (a cycle in the catalog ends the walk).</summary>
    private IEnumerable<string> Ancestry(string team)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = team; current is not null && seen.Add(current); current = catalog.ParentTeam(current))
        {
            yield return current;
        }
    }

    /// <summary>
    /// What the scope names and the team owning each (null: no team); null for the organisation. A team or service
    /// that does not exist is left out, so that the resolver's 404 names it; a repository no service claims has no owner.
    /// </summary>
    private List<(string Label, string? Owner)>? Owners(string? team, string? service, string? repo)
    {
        if (team is null && service is null && repo is null)
        {
            return null;
        }
        var owners = new List<(string, string?)>();
        if (team is not null && catalog.TeamExists(team))
        {
            owners.Add(($"team '{team}'", team));
        }
        if (service is not null && catalog.ServiceExists(service))
        {
            owners.Add(($"service '{service}'", catalog.OwnerTeam(service)));
        }
        if (repo is not null)
        {
            var teams = catalog.RepoOwnerTeams(repo);
            owners.AddRange(teams.Count == 0 ? [($"repository '{repo}'", null)] : teams.Select(t => ($"repository '{repo}'", t)));
        }
        return owners;
    }

    private static string Who(IReadOnlyList<string> roles) =>
        roles.Count == 1 ? $"role {roles[0]}" : $"roles {string.Join(", ", roles)}";

    private static string Sees(string who, IReadOnlyList<string> roles, ClaimsPrincipal user) =>
        roles.Any(r => r is DevExRoles.Member or DevExRoles.Lead) && user.DevExTeams() is { Count: > 0 }
            ? $"{who} sees organisation-level figures and the teams {Teams(user)}{(roles.Contains(DevExRoles.Lead) ? " and those below them" : "")}"
            : $"{who} sees organisation-level figures only";

    private static string Teams(ClaimsPrincipal user) =>
        user.DevExTeams() is { Count: > 0 } teams ? string.Join(", ", teams.Select(t => $"'{t}'")) : "none";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
