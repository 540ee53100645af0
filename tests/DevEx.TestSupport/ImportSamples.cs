using DevEx.Collectors.Import;

namespace DevEx.TestSupport;

/// <summary>
/// Valid lines of every import kind, using every field of IMPORT-FORMAT.md (nested objects and arrays included), for
/// the mutation tests: <see cref="Templates"/> are what gets broken, <see cref="Good"/> lines have keys of their own
/// and must be imported whatever happens to the lines around them.
/// </summary>
internal static class ImportSamples
{
    public static IReadOnlyList<string> Templates(ImportKind kind) => kind switch
    {
        ImportKind.Repositories =>
        [
            """{"repo":"acme/api","defaultBranch":"main","url":"https://github.com/acme/api"}""",
        ],
        ImportKind.Commits =>
        [
            """{"repo":"acme/api","sha":"c1","parents":["c0"],"author":"ann@example.com","authoredAt":"2026-02-02T09:00:00+01:00","committedAt":"2026-02-02T09:05:00Z","message":"Add search"}""",
        ],
        ImportKind.PullRequests =>
        [
            """{"repo":"acme/api","number":7,"author":"ann","createdAt":"2026-02-02T10:00:00Z","readyAt":"2026-02-02T11:00:00Z","mergedAt":"2026-02-03T09:00:00Z","closedAt":"2026-02-03T09:00:00Z","mergeCommitSha":"s7","headBranch":"search","baseBranch":"main","title":"Search","labels":["feature"],"commits":["r1","r2"],"additions":10,"deletions":2,"reviewRequests":[{"reviewer":"bob","requestedAt":"2026-02-02T11:00:00Z"}],"reviews":[{"reviewer":"bob","state":"APPROVED","submittedAt":"2026-02-02T15:00:00Z"}]}""",
        ],
        ImportKind.PipelineRuns =>
        [
            """{"repo":"acme/api","id":"run-1","workflow":"ci","sha":"c1","branch":"main","event":"push","createdAt":"2026-02-02T09:00:00Z","startedAt":"2026-02-02T09:01:00Z","completedAt":"2026-02-02T09:10:00Z","conclusion":"success","attempt":1}""",
        ],
        ImportKind.Deployments =>
        [
            """{"id":"dep-1","service":"api","repo":"acme/api","environment":"production","sha":"c1","createdAt":"2026-02-02T09:00:00Z","finishedAt":"2026-02-02T09:30:00Z","status":"success"}""",
        ],
        ImportKind.Incidents =>
        [
            """{"id":"inc-1","service":"api","openedAt":"2026-02-02T10:00:00Z","resolvedAt":"2026-02-02T11:00:00Z","title":"Down","severity":"SEV2","causedBy":{"deployment":"dep-1","sha":"c1","pr":"acme/api#7"}}""",
        ],
        ImportKind.Tickets =>
        [
            """{"key":"PAY-1","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","resolvedAt":"2026-02-04T09:00:00Z","title":"Fix","assignee":"ann@example.com","team":"payments","labels":["q1"],"transitions":[{"at":"2026-02-02T10:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-04T09:00:00Z","from":"In Progress","to":"Done"}]}""",
        ],
        ImportKind.RepositoryFiles =>
        [
            """{"repo":"acme/api","path":".github/workflows/ci.yml","commit":"c1","committedAt":"2026-02-02T09:05:00Z","content":"on: push\n"}""",
            """{"repo":"acme/api","path":"catalog-info.yaml","commit":"c2","committedAt":"2026-02-03T09:05:00Z","deleted":true}""",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A valid line whose key is <c>good-{n}</c> (the repo <c>acme/good-{n}</c>, the PR number 100 + n).</summary>
    public static string Good(ImportKind kind, int n) => kind switch
    {
        ImportKind.Repositories => $$"""{"repo":"acme/good-{{n}}"}""",
        ImportKind.Commits => $$"""{"repo":"acme/api","sha":"good-{{n}}","parents":[],"author":"ann@example.com","authoredAt":"2026-02-02T09:00:00Z"}""",
        ImportKind.PullRequests => $$"""{"repo":"acme/api","number":{{100 + n}},"author":"ann","createdAt":"2026-02-02T10:00:00Z"}""",
        ImportKind.PipelineRuns => $$"""{"repo":"acme/api","id":"good-{{n}}","workflow":"ci","sha":"c1","createdAt":"2026-02-02T09:00:00Z"}""",
        ImportKind.Deployments => $$"""{"id":"good-{{n}}","service":"api","environment":"production","sha":"c1","finishedAt":"2026-02-02T09:30:00Z","status":"success"}""",
        ImportKind.Incidents => $$"""{"id":"good-{{n}}","service":"api","openedAt":"2026-02-02T10:00:00Z"}""",
        ImportKind.Tickets => $$"""{"key":"good-{{n}}","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z"}""",
        ImportKind.RepositoryFiles => $$"""{"repo":"acme/api","path":"good-{{n}}.yaml","commit":"c1","committedAt":"2026-02-02T09:00:00Z","content":"a: 1"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>SQL counting the stored good lines of a kind.</summary>
    public static string CountGood(ImportKind kind) => kind switch
    {
        ImportKind.Repositories => "SELECT count(*) FROM repositories WHERE repo LIKE 'acme/good-%'",
        ImportKind.Commits => "SELECT count(*) FROM commits WHERE sha LIKE 'good-%'",
        ImportKind.PullRequests => "SELECT count(*) FROM pull_requests WHERE number > 100 AND number < 200",
        ImportKind.PipelineRuns => "SELECT count(*) FROM pipeline_runs WHERE id LIKE 'good-%'",
        ImportKind.Deployments => "SELECT count(*) FROM deployments WHERE id LIKE 'good-%'",
        ImportKind.Incidents => "SELECT count(*) FROM incidents WHERE id LIKE 'good-%'",
        ImportKind.Tickets => "SELECT count(*) FROM tickets WHERE key LIKE 'good-%'",
        ImportKind.RepositoryFiles => "SELECT count(*) FROM repository_file_versions WHERE path LIKE 'good-%'",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// A file of one kind: good-1, one broken copy of a template per mutation, good-2 in the middle, good-3 last.
    /// </summary>
    public static byte[] MutatedFile(ImportKind kind, int seed, IEnumerable<Mutation> mutations)
    {
        var random = new Random(seed * 31 + (int)kind);
        var templates = Templates(kind);
        var lines = mutations.Select(m => LineMutator.Mutate(templates[random.Next(templates.Count)], m, random)).ToList();
        lines.Insert(lines.Count / 2, System.Text.Encoding.UTF8.GetBytes(Good(kind, 2)));
        lines.Insert(0, System.Text.Encoding.UTF8.GetBytes(Good(kind, 1)));
        lines.Add(System.Text.Encoding.UTF8.GetBytes(Good(kind, 3)));
        using var file = new MemoryStream();
        foreach (var line in lines)
        {
            file.Write(line);
            file.WriteByte((byte)'\n');
        }
        return file.ToArray();
    }

    /// <summary>Lines that are not blank (a blank line is neither imported nor rejected), counted from the bytes.</summary>
    public static int NonBlankLines(byte[] file)
    {
        var count = 0;
        var rest = file.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            count += line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') >= 0 ? 1 : 0;
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
        return count;
    }
}
