namespace DevEx.Analytics.Derivations;

/// <summary>
/// The commit history of one repository as an index-based DAG with generation numbers
/// (generation = 1 + the highest generation of the parents; parents outside the imported history count as 0).
/// Reachability questions walk from the higher generation down, so "A and not B" stops as soon as nothing
/// reachable only from A is left, as git's own merge-base walk does.
/// </summary>
internal sealed class CommitGraph
{
    private const byte FromHead = 1;
    private const byte FromBase = 2;

    private readonly Dictionary<string, int> indexBySha = new(StringComparer.Ordinal);
    private readonly List<string> shas = [];
    private readonly List<int[]> parents = [];
    private int[] generation = [];
    private byte[] paint = [];

    public CommitGraph(IEnumerable<(string Sha, IReadOnlyList<string> Parents)> commits)
    {
        var parentShas = new List<IReadOnlyList<string>>();
        foreach (var (sha, commitParents) in commits)
        {
            if (indexBySha.TryAdd(sha, shas.Count))
            {
                shas.Add(sha);
                parentShas.Add(commitParents);
            }
        }
        foreach (var list in parentShas)
        {
            parents.Add(list.Select(p => indexBySha.TryGetValue(p, out var i) ? i : -1).Where(i => i >= 0).ToArray());
        }
        ComputeGenerations();
        paint = new byte[shas.Count];
    }

    public bool Contains(string sha) => indexBySha.ContainsKey(sha);

    public string Sha(int index) => shas[index];

    /// <summary>Commits reachable from <paramref name="head"/> and not from <paramref name="exclude"/> (git's head ^exclude).</summary>
    public IReadOnlyList<string> ReachableExcept(string head, string exclude)
    {
        if (!indexBySha.TryGetValue(head, out var headIndex))
        {
            return [];
        }
        var excludeIndex = indexBySha.TryGetValue(exclude, out var e) ? e : -1;
        var result = new List<string>();
        var touched = new List<int>();
        var queue = new PriorityQueue<int, int>();
        var headOnlyQueued = 0;

        void Paint(int index, byte color)
        {
            var before = paint[index];
            var after = (byte)(before | color);
            if (before == after)
            {
                return;
            }
            paint[index] = after;
            if (before == 0)
            {
                touched.Add(index);
                queue.Enqueue(index, -generation[index]);
                if (after == FromHead)
                {
                    headOnlyQueued++;
                }
            }
            else if (before == FromHead)
            {
                headOnlyQueued--; // still queued, no longer head-only
            }
        }

        Paint(headIndex, FromHead);
        if (excludeIndex >= 0)
        {
            Paint(excludeIndex, FromBase);
        }
        while (headOnlyQueued > 0 && queue.TryDequeue(out var index, out _))
        {
            var color = paint[index];
            if (color == FromHead)
            {
                headOnlyQueued--;
                result.Add(shas[index]);
            }
            foreach (var parent in parents[index])
            {
                Paint(parent, color);
            }
        }
        foreach (var index in touched)
        {
            paint[index] = 0;
        }
        return result;
    }

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> and differs from it.</summary>
    public bool IsStrictAncestor(string ancestor, string descendant)
    {
        if (ancestor == descendant || !indexBySha.TryGetValue(ancestor, out var target) || !indexBySha.TryGetValue(descendant, out var start))
        {
            return false;
        }
        var floor = generation[target];
        if (generation[start] <= floor)
        {
            return false;
        }
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.TryPop(out var index))
        {
            foreach (var parent in parents[index])
            {
                if (parent == target)
                {
                    return true;
                }
                if (generation[parent] > floor && seen.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }
        return false;
    }

    private void ComputeGenerations()
    {
        generation = new int[shas.Count];
        // Iterative post-order DFS: histories are deep (tens of thousands of commits) and recursion would overflow.
        var stack = new Stack<(int Index, int NextParent)>();
        for (var root = 0; root < shas.Count; root++)
        {
            if (generation[root] != 0)
            {
                continue;
            }
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (index, next) = stack.Pop();
                var parentList = parents[index];
                if (next < parentList.Length)
                {
                    stack.Push((index, next + 1));
                    var parent = parentList[next];
                    if (generation[parent] == 0)
                    {
                        generation[parent] = -1; // in progress: guards against a corrupt cyclic history
                        stack.Push((parent, 0));
                    }
                    continue;
                }
                var highest = 0;
                foreach (var parent in parentList)
                {
                    highest = Math.Max(highest, generation[parent]);
                }
                generation[index] = highest + 1;
            }
        }
    }
}
