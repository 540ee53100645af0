using System.Data;
using Dapper;
using NodaTime;

namespace DevEx.Store;

/// <summary>
/// NodaTime at the Store edge: DuckDB returns TIMESTAMPTZ as a DateTime of kind Unspecified that holds UTC
/// (the session zone is UTC), so it is converted to an <see cref="Instant"/> here and nowhere else.
/// </summary>
internal static class DapperTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }
        // Query columns are snake_case (finished_at); result records are PascalCase (FinishedAt).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
        SqlMapper.AddTypeHandler(new StringListHandler());
    }

    public static DateTime ToUtcDateTime(Instant instant) => instant.ToDateTimeUtc();

    public static Instant ToInstant(object value) => value switch
    {
        DateTime dateTime => Instant.FromDateTimeUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
    };

    private sealed class InstantHandler : SqlMapper.TypeHandler<Instant>
    {
        public override Instant Parse(object value) => ToInstant(value);

        public override void SetValue(IDbDataParameter parameter, Instant value)
        {
            parameter.Value = value.ToDateTimeUtc();
        }
    }

    private sealed class LocalDateHandler : SqlMapper.TypeHandler<LocalDate>
    {
        public override LocalDate Parse(object value) => value switch
        {
            DateOnly date => LocalDate.FromDateOnly(date),
            DateTime dateTime => LocalDate.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };

        public override void SetValue(IDbDataParameter parameter, LocalDate value)
        {
            parameter.Value = value.ToDateOnly();
        }
    }

    private sealed class StringListHandler : SqlMapper.TypeHandler<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string> Parse(object value) => value switch
        {
            IEnumerable<string> strings => strings.ToList(),
            System.Collections.IEnumerable items => items.Cast<object?>().Select(o => o?.ToString() ?? "").ToList(),
            _ => [],
        };

        public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value)
        {
            parameter.Value = value?.ToList();
        }
    }
}
