using System.Net;
using System.Text.Json;
using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>
/// POST /api/v1/import/{kind} with the bodies that crashed it (issue 12, item 9): a broken line is a rejected line in
/// the 200 summary, with its line and reason, never a 500; the good lines of the body are imported.
/// </summary>
public sealed class ImportMutationApiTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 3, 1, 12, 0));

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Every_kind_answers_a_summary_of_imported_and_rejected_lines_for_a_broken_body()
    {
        var client = factory.CreateClient();
        foreach (var kind in ImportKinds.All)
        {
            // The 10 MB line goes to one kind only: it crosses the request body and the spool file once, which is enough.
            var mutations = Enum.GetValues<Mutation>().Where(m => kind == ImportKind.Tickets || m != Mutation.HugeString);
            var body = ImportSamples.MutatedFile(kind, seed: 3, mutations);
            var route = Path.GetFileNameWithoutExtension(kind.FileName()).Replace('_', '-');

            var response = await client.PostAsync($"/api/v1/import/{route}", new ByteArrayContent(body));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var (imported, rejected) = (result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32());
            Assert.True(ImportSamples.NonBlankLines(body) == imported + rejected,
                $"{route}: {ImportSamples.NonBlankLines(body)} lines, {imported} imported, {rejected} rejected");
            // Every reject names its line (1-based, inside the body) and a reason.
            Assert.All(result.GetProperty("rejects").EnumerateArray(), r =>
            {
                Assert.InRange(r.GetProperty("line").GetInt32(), 1, ImportSamples.NonBlankLines(body));
                Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString()));
            });
        }
    }

    [Fact]
    public async Task A_body_of_invalid_utf8_is_rejected_line_by_line_not_a_500()
    {
        // Line 1 good, line 2 invalid bytes in the key "id", line 3 good: 2 imported, 1 rejected at line 2.
        var good = ImportSamples.Good(ImportKind.Deployments, 1);
        byte[] broken = [.. "{\"i"u8.ToArray(), 0xC3, 0x28, .. "d\":\"x\"}"u8.ToArray()];
        byte[] body = [.. System.Text.Encoding.UTF8.GetBytes(good + "\n"), .. broken, (byte)'\n', .. System.Text.Encoding.UTF8.GetBytes(ImportSamples.Good(ImportKind.Deployments, 2))];

        var response = await factory.CreateClient().PostAsync("/api/v1/import/deployments", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32()));
        var reject = Assert.Single(result.GetProperty("rejects").EnumerateArray());
        Assert.Equal(2, reject.GetProperty("line").GetInt32());
        Assert.StartsWith("invalid UTF-8 at byte 4", reject.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_catalog_body_with_one_broken_document_imports_the_others()
    {
        // A Group, a document with a duplicate key (not YAML), a Group: 2 imported, 1 rejected.
        const string body = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: one}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: two}
            metadata: {name: two}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: three}
            spec: {type: team, children: []}
            """;

        var response = await factory.CreateClient().PostAsync("/api/v1/import/catalog", new StringContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32()));
    }
}
