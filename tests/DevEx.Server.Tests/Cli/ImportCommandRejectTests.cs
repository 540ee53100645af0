using System.Text;
using DevEx.Server.Cli;

namespace DevEx.Server.Tests.Cli;

/// <summary>
/// <c>devex import</c> over a folder whose first file has a line of invalid UTF-8 (the fuzzer's crash: an unhandled
/// AggregateException, exit 1 without a summary, every later file left at 0): the line is rejected, the later files
/// are imported, the summary is printed and the exit code is 1.
/// </summary>
public sealed class ImportCommandRejectTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "import-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_bad_line_in_repositories_is_one_reject_and_every_later_file_is_imported()
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "org")).FullName;
        // repositories: line 1 good, line 2 with 0xFF after '{"repo":"' (9 bytes, so the bad byte is byte 10), line 3 good.
        File.WriteAllBytes(Path.Combine(folder, "repositories.ndjson"),
            [.. """{"repo":"acme/a"}"""u8.ToArray(), (byte)'\n', .. "{\"repo\":\""u8.ToArray(), 0xFF, .. """acme/b"}"""u8.ToArray(), (byte)'\n',
                .. """{"repo":"acme/c"}"""u8.ToArray(), (byte)'\n']);
        File.WriteAllText(Path.Combine(folder, "commits.ndjson"),
            """{"repo":"acme/a","sha":"k1","parents":[],"author":"ann@example.com","authoredAt":"2026-02-02T09:00:00Z"}""" + "\n");
        File.WriteAllText(Path.Combine(folder, "deployments.ndjson"),
            """{"id":"D1","service":"a","repo":"acme/a","environment":"production","sha":"k1","finishedAt":"2026-02-02T10:00:00Z","status":"success"}""" + "\n"
            + """{"id":"D2","service":"a","repo":"acme/a","environment":"production","sha":"k1","finishedAt":"9999-12-31T23:59:59-14:00","status":"success"}""" + "\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = ImportCommand.Run(folder, Path.Combine(directory, "devex.duckdb"), output, error);

        Assert.Equal(1, exit);
        var rows = output.ToString().Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3).ToList();
        Assert.Contains(["repositories.ndjson", "2", "1"], rows);
        Assert.Contains(["commits.ndjson", "1", "0"], rows);
        Assert.Contains(["deployments.ndjson", "1", "1"], rows);
        var rejects = error.ToString().TrimEnd().Split('\n');
        Assert.Equal(
            [
                "rejected repositories.ndjson:2: invalid UTF-8 at byte 10 (0xFF) of the line; the file must be UTF-8",
                "rejected deployments.ndjson:2: field 'finishedAt' has timestamp '9999-12-31T23:59:59-14:00', which lies outside 1970-01-01 to 9999-01-01 in UTC",
            ],
            rejects.Select(l => l.TrimEnd('\r')));
    }
}
