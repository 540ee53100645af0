namespace DevEx.Collectors.Import;

/// <summary>One rejected line: where it was and why.</summary>
public sealed record ImportReject(string File, int Line, string Reason);

/// <summary>What importing one file did. <see cref="Rejects"/> holds the first rejects; all are in import_rejects.</summary>
public sealed record ImportFileSummary(string File, int Imported, int Rejected, IReadOnlyList<ImportReject> Rejects)
{
    public const int RejectsShown = 20;

    /// <summary>Records left out by a seeding cut-off (never by a user's import).</summary>
    public int Skipped { get; init; }
}

public sealed record ImportSummary(IReadOnlyList<ImportFileSummary> Files, IReadOnlyList<string> Notes)
{
    /// <summary>Files and folders of an import folder that were not read, and why (see ImportFolderListing).</summary>
    public IReadOnlyList<ImportFileNotRead> NotRead { get; init; } = [];

    public int Imported => Files.Sum(f => f.Imported);
    public int Rejected => Files.Sum(f => f.Rejected);
    public bool HasRejects => Rejected > 0;
}
