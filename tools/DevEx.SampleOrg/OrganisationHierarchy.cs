namespace DevEx.SampleOrg;

/// <summary>
/// The Group tree above the teams, three levels deep: the organisation, its two departments, the teams. Teams alternate
/// between the departments (team 0 in commerce); the platform team, which owns the shared CI workflow and has no
/// engineers of its own in the sample, sits in core.
/// </summary>
internal static class OrganisationHierarchy
{
    public const string Organisation = "acme";

    public const string Commerce = "commerce";

    public const string Core = "core";

    public const string PlatformTeam = "platform";

    /// <summary>The platform team's repository: the reusable workflow every service is meant to build with.</summary>
    public static readonly SampleRepository PlatformRepository = new("platform-ci", "main", MergePolicy.Squash, false, false, 0, []);

    /// <summary>The reusable workflow's path in <see cref="PlatformRepository"/>, as a <c>uses:</c> names it.</summary>
    public const string SharedWorkflow = ".github/workflows/build.yml";

    public static string DepartmentOf(SampleTeam team) => team.Index % 2 == 0 ? Commerce : Core;
}
