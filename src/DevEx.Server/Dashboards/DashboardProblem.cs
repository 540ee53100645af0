namespace DevEx.Server.Dashboards;

/// <summary>Why a dashboard definition was not loaded: the file and the reason, shown on every page and logged at start.</summary>
internal sealed record DashboardProblem(string File, string Reason)
{
    public override string ToString() => $"{File}: {Reason}";
}

/// <summary>The dashboards that loaded, in page order, and the files that did not.</summary>
internal sealed record DashboardSet(IReadOnlyList<DashboardDefinition> Dashboards, IReadOnlyList<DashboardProblem> Problems, string? Folder)
{
    public DashboardDefinition? Find(string id) => Dashboards.FirstOrDefault(d => d.Id == id);
}
