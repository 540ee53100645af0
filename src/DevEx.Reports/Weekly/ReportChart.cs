namespace DevEx.Reports.Weekly;

/// <summary>A chart of the report, drawn: inline SVG for HTML, PNG beside Markdown; the text alternative for screen readers.</summary>
public sealed record ReportChart(string Name, string Title, string Svg, string TextAlternative, byte[] Png);
