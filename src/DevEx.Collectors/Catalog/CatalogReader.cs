using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// Reads Backstage entity YAML (several documents per file allowed) and validates each entity as Backstage does
/// (<see cref="CatalogValidator"/>). An invalid entity is reported
/// with file, line and reason; the other entities of the file are still read, also when one document is not valid YAML.
/// </summary>
internal static class CatalogReader
{
    public sealed record Result(IReadOnlyList<CatalogEntity> Entities, IReadOnlyList<ImportRejectInfo> Rejects);

    public sealed record ImportRejectInfo(string File, int Line, string Reason, string Content);

    public static Result Read(TextReader reader, string file)
    {
        var entities = new List<CatalogEntity>();
        var rejects = new List<ImportRejectInfo>();
        var text = reader.ReadToEnd();
        if (TryLoad(text, out var whole) is not null)
        {
            // One broken document (a control character, a bad indent) must not lose the file's other entities: each
            // document is loaded on its own, and only the broken one is rejected, at its own line.
            foreach (var (part, firstLine) in Documents(text))
            {
                if (TryLoad(part, out var one) is { } error)
                {
                    rejects.Add(new ImportRejectInfo(file, firstLine - 1 + error.Line, $"invalid YAML: {error.Reason}", ""));
                    continue;
                }
                Collect(one!, firstLine - 1, file, entities, rejects);
            }
            return new Result(entities, rejects);
        }
        Collect(whole!, 0, file, entities, rejects);
        return new Result(entities, rejects);
    }

    /// <summary>Null when <paramref name="text"/> loads; else the line (1-based, in the text) and reason of the failure.</summary>
    private static (int Line, string Reason)? TryLoad(string text, out YamlStream? stream)
    {
        stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return null;
        }
        catch (YamlException e)
        {
            stream = null;
            return ((int)e.Start.Line, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            stream = null; // not a YamlException, but still a document YamlDotNet could not read
            return (1, e.Message);
        }
    }

    /// <summary>The file's documents, split at "---" lines, each with the file line it starts on (1-based).</summary>
    private static IEnumerable<(string Text, int FirstLine)> Documents(string text)
    {
        var lines = text.Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || IsDocumentStart(lines[i]))
            {
                if (i > start && lines[start..i].Any(l => !string.IsNullOrWhiteSpace(l)))
                {
                    yield return (string.Join('\n', lines[start..i]), start + 1);
                }
                start = i + 1;
            }
        }
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static void Collect(YamlStream stream, int lineOffset, string file, List<CatalogEntity> entities, List<ImportRejectInfo> rejects)
    {
        foreach (var document in stream.Documents)
        {
            var line = lineOffset + (int)document.RootNode.Start.Line;
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue; // an empty document, e.g. a trailing "---"
            }
            if (document.RootNode is not YamlMappingNode root)
            {
                rejects.Add(new ImportRejectInfo(file, line, "entity is not a YAML mapping", ""));
                continue;
            }
            Collect(root, file, line, entities, rejects);
        }
    }

    /// <summary>
    /// One entity (a YAML document, or an item of the catalog API turned into YAML nodes): validated as Backstage does
    /// (<see cref="CatalogValidator"/>); added to <paramref name="entities"/>, or to <paramref name="rejects"/> with the
    /// reason. Kinds Backstage knows but DevEx does not keep (Location, Template) are skipped without a reject.
    /// </summary>
    public static void Collect(YamlMappingNode root, string file, int line, List<CatalogEntity> entities, List<ImportRejectInfo> rejects)
    {
        if (CatalogValidator.Validate(root) is { } reason)
        {
            var probe = new CatalogEntity(file, line, "", "", "", root);
            var what = probe.Path("kind") is { Length: > 0 } kind && probe.Path("metadata", "name") is { Length: > 0 } name ? $"{kind} '{name}': " : "";
            rejects.Add(new ImportRejectInfo(file, line, what + reason, Describe(root)));
            return;
        }
        var entity = new CatalogEntity(file, line, "", "", "", root);
        if (CatalogKinds.Ignored.Contains(entity.Path("kind")!))
        {
            return;
        }
        entities.Add(entity with
        {
            Kind = entity.Path("kind")!,
            Name = entity.Path("metadata", "name")!,
            Namespace = entity.Path("metadata", "namespace") ?? CatalogEntity.DefaultNamespace,
        });
    }

    private static string Describe(YamlMappingNode root)
    {
        var text = root.ToString();
        return text.Length <= 2000 ? text : text[..2000];
    }
}
