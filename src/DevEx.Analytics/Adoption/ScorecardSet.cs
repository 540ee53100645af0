namespace DevEx.Analytics.Adoption;

/// <summary>
/// The scorecards of a folder (<c>*.yaml</c>, <c>*.yml</c>, one scorecard each; DevEx:Scorecards) and what could not be
/// used, file by file: a bad file or a second scorecard of the same id is named with its reason and left out, the others
/// are used. Read again whenever a file changes, so a platform team edits its golden paths without a rebuild or restart.
/// </summary>
public sealed record ScorecardSet(IReadOnlyList<Scorecard> Scorecards, IReadOnlyList<ScorecardProblem> Problems, string? Folder)
{
    public static ScorecardSet Empty { get; } = new([], [], null);

    public Scorecard? Find(string id) => Scorecards.FirstOrDefault(s => s.Id == id);

    /// <summary>The files of <paramref name="folder"/> in name order, with a stamp that changes when any is added, changed or removed.</summary>
    public static (string[] Files, string Stamp) List(string? folder)
    {
        var files = folder is null || !Directory.Exists(folder) ? []
            : Directory.GetFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray();
        return (files, string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}")));
    }

    public static ScorecardSet Load(string? folder, IReadOnlyList<string> files)
    {
        var scorecards = new List<Scorecard>();
        var problems = new List<ScorecardProblem>();
        foreach (var file in files)
        {
            var name = $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}";
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ScorecardProblem(name, 1, $"cannot read: {e.Message}"));
                continue;
            }
            var (scorecard, reasons) = ScorecardReader.Read(new StringReader(text), name);
            problems.AddRange(reasons);
            if (scorecard is null)
            {
                continue;
            }
            if (scorecards.FirstOrDefault(s => s.Id == scorecard.Id) is { } first)
            {
                problems.Add(new ScorecardProblem(name, 1, $"scorecard '{scorecard.Id}' is already declared in {first.Source}; this one is left out"));
                continue;
            }
            scorecards.Add(scorecard);
        }
        return new ScorecardSet(scorecards, problems, folder);
    }
}
