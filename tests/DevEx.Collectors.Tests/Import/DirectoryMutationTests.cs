using System.Text;
using DevEx.Collectors.Import;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// A folder where every file has broken lines (the fuzzer's folders, in small): one bad file or line never stops the
/// next files; each file's good lines are imported and each file has its summary.
/// </summary>
public sealed class DirectoryMutationTests : IDisposable
{
    // A weekly 30-minute meeting of two on Mondays 10:00 UTC from 2026-02-02, COUNT=3: 02-02, 02-09, 02-16, all inside
    // the window of a clock at 2026-03-01 (26 weeks back, 4 ahead): 3 occurrences.
    private const string Calendar = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//test//EN
        BEGIN:VEVENT
        UID:weekly@test
        DTSTART:20260202T100000Z
        DTEND:20260202T103000Z
        RRULE:FREQ=WEEKLY;COUNT=3
        SUMMARY:Weekly
        ORGANIZER:mailto:bob@example.com
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:ann@example.com
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com
        END:VEVENT
        END:VCALENDAR
        """;

    private readonly ImportTestDatabase db = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> BrokenCalendars()
    {
        var text = Calendar.Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var summary = text.IndexOf("Weekly", StringComparison.Ordinal);
        yield return ("invalid-utf8", [.. bytes[..summary], 0xC3, 0x28, 0xFF, .. bytes[summary..]]);
        yield return ("control-char", [.. bytes[..summary], 0x01, 0x00, .. bytes[summary..]]);
        yield return ("truncated", bytes[..(bytes.Length / 2)]);
        yield return ("year-one", Encoding.UTF8.GetBytes(text.Replace("20260202T1000", "00010101T0000", StringComparison.Ordinal)));
        yield return ("year-9999", Encoding.UTF8.GetBytes(text.Replace("20260202T10", "99991231T23", StringComparison.Ordinal)));
        yield return ("huge-summary", Encoding.UTF8.GetBytes(text.Replace("Weekly", new string('x', LineMutator.HugeLength), StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_file_of_a_broken_folder_is_summarised_and_its_good_lines_imported()
    {
        Directory.CreateDirectory(Path.Combine(folder, "catalog"));
        Directory.CreateDirectory(Path.Combine(folder, "calendars"));
        foreach (var kind in ImportKinds.All)
        {
            File.WriteAllBytes(Path.Combine(folder, kind.FileName()),
                ImportSamples.MutatedFile(kind, seed: 11, Enum.GetValues<Mutation>().Where(m => m != Mutation.HugeString)));
        }
        // The catalog: a good Group, then a document with a duplicate key (not YAML, so the file does not load whole),
        // then a good User.
        File.WriteAllText(Path.Combine(folder, "catalog", "org.yaml"), """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: payments}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: twice}
            metadata: {name: twice}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ana}
            spec: {profile: {email: ann@example.com}, memberOf: [payments]}
            """);
        foreach (var (name, bytes) in BrokenCalendars())
        {
            File.WriteAllBytes(Path.Combine(folder, "calendars", $"{name}@example.com.ics"), bytes);
        }
        File.WriteAllText(Path.Combine(folder, "calendars", "ann@example.com.ics"), Calendar.Replace("\n", "\r\n", StringComparison.Ordinal));

        var summary = new DirectoryImporter(db.Database, db.Clock).Import(folder);

        var byFile = summary.Files.ToDictionary(f => f.File);
        foreach (var kind in ImportKinds.All)
        {
            Assert.Equal(3, db.Scalar<long>(ImportSamples.CountGood(kind)));
            var file = byFile[kind.FileName()];
            Assert.Equal(ImportSamples.NonBlankLines(File.ReadAllBytes(Path.Combine(folder, kind.FileName()))), file.Imported + file.Rejected);
        }
        // Catalog: 2 imported (payments, ana), 1 rejected: the broken document, at the line of the second key
        // (1-4 the Group, 5 "---", 6 apiVersion, 7 kind, 8 metadata, 9 metadata again).
        var catalog = byFile[Path.Combine("catalog", "org.yaml")];
        Assert.Equal((2, 1), (catalog.Imported, catalog.Rejected));
        Assert.Equal(9, Assert.Single(catalog.Rejects).Line);
        Assert.StartsWith("invalid YAML", catalog.Rejects[0].Reason);
        Assert.Equal(3, byFile[Path.Combine("calendars", "ann@example.com.ics")].Imported);
        Assert.All(BrokenCalendars(), c => Assert.Contains(Path.Combine("calendars", $"{c.Name}@example.com.ics"), byFile.Keys));
    }
}
