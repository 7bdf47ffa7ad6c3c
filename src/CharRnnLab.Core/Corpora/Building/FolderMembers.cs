using System.IO.Enumeration;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>The files of a folder that a <see cref="MemberFilter"/> takes, in ordinal order of their relative paths.</summary>
internal static class FolderMembers
{
    public static List<BuildMember> List(string folder, MemberFilter filter, BuildTally tally)
    {
        if (!Directory.Exists(folder))
            throw new CorpusException($"There is no folder {folder}. Give an existing folder, an archive file or an http(s) URL.");
        var members = new List<BuildMember>();
        foreach (string path in Files(folder))
        {
            string relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (!filter.Takes(relative)) tally.Unmatched();
            else if (new FileInfo(path).LinkTarget is not null) tally.Skip(SkipReason.NotRegularFile, relative);
            else members.Add(new BuildMember(relative, () => File.OpenRead(path)));
        }
        members.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return members;
    }

    /// <summary>Every file below, hidden ones and links too (to be counted), never entering a linked folder.</summary>
    private static FileSystemEnumerable<string> Files(string folder) =>
        new(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
}
