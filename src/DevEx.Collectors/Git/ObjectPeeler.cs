using LibGit2Sharp;

namespace DevEx.Collectors.Git;

/// <summary>
/// Follows tag annotations (a tag may tag a tag) to the object at the end. Returns null, where libgit2's own peel
/// throws, when an object is missing, as past a shallow clone's boundary.
/// </summary>
internal static class ObjectPeeler
{
    public static GitObject? Peel(GitObject? target)
    {
        while (target is TagAnnotation annotation)
        {
            target = annotation.Target;
        }
        return target;
    }
}
