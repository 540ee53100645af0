using System.Text.RegularExpressions;

namespace DevEx.Store.Tests.Architecture;

/// <summary>
/// DevEx.Store owns every read and write of the database (docs/architecture.md, Store): no source file outside it
/// names Dapper or DuckDB.NET. Read from the source files, so the failure names the file and the line.
/// </summary>
public sealed partial class StoreOwnsTheDatabaseTests
{
    /// <summary>
    /// Files that still touch the database themselves, each with the work that moves it into Store. The list only
    /// shrinks: a file that no longer needs its place fails the test below until it is taken off.
    /// </summary>
    private static readonly Dictionary<string, string> Pending = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Where product code lives; tests may open the database to check what was written.</summary>
    private static readonly string[] SourceFolders = ["src", "tools"];

    [GeneratedRegex(@"\b(using\s+Dapper\b|using\s+DuckDB\b|DuckDB\.NET\b|DuckDB[A-Z]\w*|Dapper\.\w+)")]
    private static partial Regex DatabaseTypes();

    [Fact]
    public void No_file_outside_Store_names_Dapper_or_DuckDB_unless_it_is_pending()
    {
        var offenders = Uses().Where(u => !Pending.ContainsKey(u.File)).Select(u => $"{u.File}:{u.Line}: {u.Text}").ToList();

        Assert.True(offenders.Count == 0,
            "Database access belongs in src/DevEx.Store (DuckDbDatabase.Write, SourceBatch, State/, the query runner):\n"
            + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_pending_file_still_needs_its_place()
    {
        var touching = Uses().Select(u => u.File).ToHashSet(StringComparer.Ordinal);

        var done = Pending.Keys.Where(file => !touching.Contains(file)).Order(StringComparer.Ordinal).ToList();

        Assert.True(done.Count == 0, "No longer touching the database (or gone): take off the pending list:\n" + string.Join('\n', done));
    }

    [Fact]
    public void The_scan_sees_a_use_where_there_is_one()
    {
        // The pattern itself, on lines as they are written in the tree.
        Assert.Matches(DatabaseTypes(), "using Dapper;");
        Assert.Matches(DatabaseTypes(), "using DuckDB.NET.Data;");
        Assert.Matches(DatabaseTypes(), "private static void Save(DuckDBConnection connection)");
        Assert.Matches(DatabaseTypes(), "catch (DuckDB.NET.Data.DuckDBException e)");
        Assert.DoesNotMatch(DatabaseTypes(), "using var connection = database.Open(); // DuckDbDatabase");
        Assert.DoesNotMatch(DatabaseTypes(), "/// <summary>The DuckDB file of the process.</summary>");
    }

    private static List<(string File, int Line, string Text)> Uses()
    {
        var root = RepositoryRoot.Path;
        var sources = SourceFolders.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith("src/DevEx.Store/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)
                && !file.Contains("/bin/", StringComparison.Ordinal));
        var uses = new List<(string, int, string)>();
        foreach (var file in sources)
        {
            var lines = File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && DatabaseTypes().IsMatch(code))
                {
                    uses.Add((file, i + 1, code));
                }
            }
        }
        return uses;
    }
}
