namespace DevEx.TestSupport;

/// <summary>
/// GitHub's answers for one repository of the collector tests that hold many: 2 commits, 1 merged pull request with its
/// commit and approving review, 1 CI run, 1 production deployment with its success status
/// and a root folder holding no collected file (the 500-repository test
/// and the kill-during-sync test serve it for every repository).
/// </summary>
internal static class OneRepositoryOnGitHub
{
    /// <summary>The body of the resource below <c>repos/OWNER/NAME/</c> (e.g. <c>pulls/1/commits</c>); null for any other.</summary>
    public static string? Body(string resource) => resource switch
    {
        "commits" => """
            [{"sha":"c2","commit":{"author":{"name":"A","email":"a@example.com","date":"2026-02-10T10:00:00Z"},"committer":{"name":"A","email":"a@example.com","date":"2026-02-10T10:00:00Z"},"message":"Two (#1)"},"parents":[{"sha":"c1"}]},
             {"sha":"c1","commit":{"author":{"name":"A","email":"a@example.com","date":"2026-02-09T09:00:00Z"},"committer":{"name":"A","email":"a@example.com","date":"2026-02-09T09:00:00Z"},"message":"One"},"parents":[]}]
            """,
        "pulls" => """
            [{"id":1,"number":1,"state":"closed","title":"Two","user":{"login":"a"},"created_at":"2026-02-09T12:00:00Z","updated_at":"2026-02-10T10:00:00Z","closed_at":"2026-02-10T10:00:00Z","merged_at":"2026-02-10T10:00:00Z","merged":true,"merge_commit_sha":"c2","head":{"ref":"two","sha":"b1"},"base":{"ref":"main","sha":"c1"}}]
            """,
        "pulls/1/commits" => """
            [{"sha":"b1","commit":{"author":{"name":"A","email":"a@example.com","date":"2026-02-09T11:00:00Z"},"committer":{"name":"A","email":"a@example.com","date":"2026-02-09T11:00:00Z"},"message":"Two"},"parents":[{"sha":"c1"}]}]
            """,
        "pulls/1/reviews" => """[{"id":1,"user":{"login":"b"},"state":"APPROVED","submitted_at":"2026-02-09T15:00:00Z"}]""",
        "issues/1/events" => "[]",
        "actions/runs" => """
            {"total_count":1,"workflow_runs":[{"id":5,"name":"ci","head_sha":"b1","event":"pull_request","status":"completed","conclusion":"success","workflow_id":3,"run_attempt":1,"created_at":"2026-02-09T11:01:00Z","run_started_at":"2026-02-09T11:02:00Z","updated_at":"2026-02-09T11:10:00Z"}]}
            """,
        "deployments" => """[{"id":10,"sha":"c2","environment":"production","created_at":"2026-02-10T11:00:00Z","payload":{}}]""",
        "deployments/10/statuses" => """[{"id":1,"state":"success","created_at":"2026-02-10T11:05:00Z"}]""",
        "issues" => "[]",
        // The root folder: no collected file and no .github folder, so the file collection lists nothing else.
        "contents" => """
            [{"type":"file","name":"README.md","path":"README.md","sha":"f1","size":8},{"type":"dir","name":"src","path":"src","sha":"t1","size":0}]
            """,
        _ => null,
    };
}
