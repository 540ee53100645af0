namespace DevEx.Analytics.Derivations;

/// <summary>What a derivation had to guess, clamp or leave out, kept so the data-quality view can show it.</summary>
internal sealed class DataQualityLog
{
    public List<(string Kind, string Subject, string Detail)> Entries { get; } = [];

    public void Add(string kind, string subject, string detail) => Entries.Add((kind, subject, detail));
}
