namespace DevEx.Reports.Weekly;

/// <summary>The formats a weekly report is rendered in.</summary>
public enum ReportFormat
{
    Html,
    Md,
    Csv,
    Json,
    Zip,
}

public static class ReportFormats
{
    public static IReadOnlyList<ReportFormat> All { get; } = Enum.GetValues<ReportFormat>();

    public static string Names => string.Join("|", All.Select(Extension));

    public static bool TryParse(string? text, out ReportFormat format)
    {
        format = ReportFormat.Html;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var name = text.Trim().ToLowerInvariant();
        format = All.FirstOrDefault(f => Extension(f) == name || (f == ReportFormat.Md && name == "markdown"));
        return Extension(format) == name || (format == ReportFormat.Md && name == "markdown");
    }

    public static string Extension(this ReportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(this ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Md => "text/markdown; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Zip => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
