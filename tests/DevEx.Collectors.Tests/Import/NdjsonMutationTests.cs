using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// Seeded mutations of every import kind (the fuzzer of issue 12, item 9, kept small and repeatable): however a line is
/// broken, the import never throws, every non-blank line is either imported or rejected, every reject is stored, and
/// the good lines around the broken ones are imported.
/// </summary>
public sealed class NdjsonMutationTests : IDisposable
{
    private const int Seeds = 3;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    public static TheoryData<ImportKind> Kinds() => [.. ImportKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_broken_line_is_imported_or_rejected_and_the_good_lines_around_it_are_imported(ImportKind kind)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            // One 10 MB line per kind is enough to cross the reader's 1 MB buffer; more only costs time.
            var file = ImportSamples.MutatedFile(kind, seed, Enum.GetValues<Mutation>().Where(m => seed == 0 || m != Mutation.HugeString));
            var name = $"{kind.FileName()}#{seed}";

            var summary = new NdjsonImporter(db.Database, db.Clock).Import(kind, new MemoryStream(file), name);

            // 3 good lines + one line per mutation; a flipped bit may split a line in two or blank it, so the lines
            // are counted from the bytes written, not from the mutations.
            Assert.True(ImportSamples.NonBlankLines(file) == summary.Imported + summary.Rejected,
                $"seed {seed}: {ImportSamples.NonBlankLines(file)} lines, {summary.Imported} imported, {summary.Rejected} rejected");
            Assert.Equal(summary.Rejected, db.Scalar<long>($"SELECT count(*) FROM import_rejects WHERE source_file = '{name}'"));
            Assert.All(summary.Rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
            // Every mutation is understood and named; none falls through to the catch-all of an unexpected failure.
            Assert.Empty(db.Query<string>($"SELECT reason FROM import_rejects WHERE source_file = '{name}' AND reason LIKE 'line could not be read%'"));
            Assert.Equal(3, db.Scalar<long>(ImportSamples.CountGood(kind)));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_mutation_alone_is_rejected_or_imported_with_a_reason(ImportKind kind)
    {
        // One file per mutation: a failure names the mutation that caused it.
        foreach (var mutation in Enum.GetValues<Mutation>().Where(m => m != Mutation.HugeString))
        {
            var file = ImportSamples.MutatedFile(kind, seed: 7, [mutation]);
            var name = $"{kind.FileName()}#{mutation}";

            ImportFileSummary? summary = null;
            var crash = Record.Exception(() => summary = new NdjsonImporter(db.Database, db.Clock).Import(kind, new MemoryStream(file), name));

            Assert.True(crash is null, $"{mutation}: {crash}");
            Assert.True(ImportSamples.NonBlankLines(file) == summary!.Imported + summary.Rejected,
                $"{mutation}: {ImportSamples.NonBlankLines(file)} lines, {summary.Imported} imported, {summary.Rejected} rejected");
        }
    }
}
