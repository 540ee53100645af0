using System.Globalization;

namespace DevEx.Reports.Csv;

/// <summary>One CSV field as every export writes it (dashboard panels, weekly reports): formulas defused, then quoted.</summary>
public static class CsvField
{
    /// <summary>
    /// Text starting with = + - @ would run as a formula in a spreadsheet: such text (not a number) gets a leading
    /// quote. A field with a comma, quote or line break is quoted, quotes doubled (RFC 4180).
    /// </summary>
    public static string Write(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
