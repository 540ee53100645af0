using System.Globalization;

namespace DevEx.Reports;

/// <summary>
/// Hours as people read them, on pages and in reports alike: always in hours (working and wall-clock hours must not be
/// mistaken for days), one decimal, thousands separated from 100 h, and small spans kept visible: a CI queue of
/// three minutes reads "0.05 h", not "0 h".
/// </summary>
public static class HoursText
{
    public static string Format(double hours)
    {
        var size = Math.Abs(hours);
        var number = size switch
        {
            0 => "0",
            < 0.01 => hours < 0 ? "> −0.01" : "< 0.01",
            < 0.1 => hours.ToString("0.0#", CultureInfo.InvariantCulture),
            < 100 => hours.ToString("0.#", CultureInfo.InvariantCulture),
            _ => hours.ToString("#,0", CultureInfo.InvariantCulture),
        };
        return number + " h";
    }
}
