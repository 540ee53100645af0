using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Analytics.Adoption;

/// <summary>
/// One <c>uses:</c> of a GitHub Actions workflow: a job calling a reusable workflow, or a step using an action.
/// <see cref="Reference"/> is what is used without its ref (<c>owner/repo/.github/workflows/ci.yml</c>,
/// <c>actions/checkout</c>, <c>./local</c>); <see cref="Ref"/> the part after the last <c>@</c>.
/// </summary>
public sealed record WorkflowUse(string Reference, string? Ref, int Line);

/// <summary>
/// The <c>uses:</c> of a workflow file, read as GitHub reads them: <c>jobs.&lt;id&gt;.uses</c> (a reusable workflow) and
/// <c>jobs.&lt;id&gt;.steps[*].uses</c> (an action), each split at its last <c>@</c> into what is used and its ref, with
/// its line. A file that is not valid YAML has none (the check then fails with that reason, not a crash).
/// </summary>
public static class WorkflowUses
{
    // A scorecard step reads the same file version for every week it stays current: parsed once per content instance.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, IReadOnlyList<WorkflowUse>> Parsed = [];

    public static IReadOnlyList<WorkflowUse> Read(string content) => Parsed.GetValue(content, Parse);

    private static IReadOnlyList<WorkflowUse> Parse(string content)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException)
        {
            return [];
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobsNode) || jobsNode is not YamlMappingNode jobs)
        {
            return [];
        }
        var uses = new List<WorkflowUse>();
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            Add(job, uses);
            if (job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) && steps is YamlSequenceNode list)
            {
                foreach (var step in list.Children.OfType<YamlMappingNode>())
                {
                    Add(step, uses);
                }
            }
        }
        return uses;
    }

    private static void Add(YamlMappingNode node, List<WorkflowUse> uses)
    {
        if (node.Children.TryGetValue(new YamlScalarNode("uses"), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text })
        {
            var at = text.LastIndexOf('@');
            uses.Add(at > 0 ? new WorkflowUse(text[..at], text[(at + 1)..], (int)value.Start.Line) : new WorkflowUse(text, null, (int)value.Start.Line));
        }
    }
}
