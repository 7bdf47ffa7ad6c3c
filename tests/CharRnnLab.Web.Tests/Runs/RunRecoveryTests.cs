using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>At start-up the lab clears what a crashed server left: temporary files and run folders without a row.</summary>
public sealed class RunRecoveryTests : IDisposable
{
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string Runs(params string[] parts) => Path.Combine([_data, "runs", .. parts]);

    private string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "left over");
        return path;
    }

    [Fact]
    public async Task Leftover_temporary_files_are_removed_empty_folders_without_a_row_cleaned_and_ones_with_a_checkpoint_listed()
    {
        string[] temporary =
        [
            Write(Runs("20250101-000000-aaaa", $".{CheckpointFile.FileName}.0123456789abcdef.tmp")),
            Write(Runs("20250101-000000-cccc", ".import.tmp")),
            Write(Path.Combine(_data, "corpora", ".upload-0123.tmp")),
            Write(Path.Combine(_data, "corpora", "built", ".kernel.txt.0123456789abcdef.building.tmp")),
            Write(Path.Combine(_data, "corpora", "built", ".kernel.txt.0123456789abcdef.spool.tmp")),
        ];
        string uploadCopy = Path.GetDirectoryName(Write(Path.Combine(_data, "corpora", "built", ".uploads", "0123456789abcdef.tmp", "linux.tar.xz")))!;
        string kept = Write(Path.Combine(_data, "corpora", "downloads", "enwik8.zip.partial")); // a download to resume, not a crash's leftover
        string withCheckpoint = Path.GetDirectoryName(Write(Runs("20250101-000000-bbbb", CheckpointFile.FileName)))!;

        await using var lab = await LabHost.StartAsync(_data);

        Assert.All(temporary, path => Assert.False(File.Exists(path), path));
        Assert.False(Directory.Exists(uploadCopy));
        Assert.True(File.Exists(kept));
        Assert.False(Directory.Exists(Runs("20250101-000000-aaaa")));
        Assert.False(Directory.Exists(Runs("20250101-000000-cccc")));
        Assert.True(Directory.Exists(withCheckpoint));
        Assert.Equal([withCheckpoint], lab.Service<RunRecovery>().Recoverable);
        Assert.Empty(lab.Service<RunManager>().List());
    }
}
