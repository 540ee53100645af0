using System.Globalization;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>Reads loosely typed query values (DuckDB numbers arrive as long, double, decimal or BigInteger).</summary>
internal static class QueryValues
{
    public static double? Double(object? value) => value switch
    {
        null or DBNull => null,
        System.Numerics.BigInteger big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static long Long(object? value) => value switch
    {
        null or DBNull => 0,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static LocalDate Date(object? value) => value switch
    {
        DateOnly date => LocalDate.FromDateOnly(date),
        DateTime dateTime => LocalDate.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"Expected a date, got {value?.GetType().Name ?? "null"}."),
    };
}
