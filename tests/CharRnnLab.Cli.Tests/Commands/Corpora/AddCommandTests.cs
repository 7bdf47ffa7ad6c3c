namespace CharRnnLab.Cli.Tests.Commands.Corpora;

/// <summary>charrnn corpora add: from an archive file, a folder and a 127.0.0.1 URL, and its refusals.</summary>
public sealed class AddCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly byte[] _tarXz = TestArchives.TarXz(KernelLikeTree.Files);
    private string Data => Path.Combine(_dir.Path, "data");
    private string BuiltText(string name) => Path.Combine(Data, "corpora", "built", name + ".txt");

    public Task InitializeAsync()
    {
        _server.Map("/linux.tar.xz", r => ServerReply.File(_tarXz, r));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private Task<CliResult> Add(string from, params string[] more) => CliRunner.Run(
        ["corpora", "add", "--from", from, "--include", "**/*.c", "**/*.h", "--exclude", "**/Documentation/**",
         "--name", "kernel", "--separator", KernelLikeTree.Separator, "--data-dir", Data, .. more]);

    private string ArchiveFile(byte[] bytes)
    {
        string path = _dir.File("in/linux.tar.xz");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_tar_xz_file_becomes_the_named_corpus_with_a_summary()
    {
        var result = await Add(ArchiveFile(_tarXz));
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Contains("built kernel: 4 files", result.Stdout);
        Assert.Contains("skipped: 1 binary (linux/drivers/blob.c); 1 not UTF-8 (linux/drivers/latin1.h); 1 empty (linux/lib/empty.h)", result.Stdout);
        Assert.Contains($"-> {BuiltText("kernel")}", result.Stdout);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(BuiltText("kernel")));
        Assert.Contains("writing 7 of 7 files", result.Stderr); // progress lines when stderr is not a terminal

        var list = await CliRunner.Run("corpora", "list", "--data-dir", Data);
        Assert.Matches(@"(?m)^kernel\s+built\s+", list.Stdout);
    }

    [Fact]
    public async Task A_url_on_a_local_server_is_streamed_into_the_corpus()
    {
        var result = await Add(_server.Url("/linux.tar.xz").ToString());
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(BuiltText("kernel")));
    }

    [Fact]
    public async Task A_folder_without_separators_gives_the_bare_concatenation()
    {
        foreach (var (path, bytes) in KernelLikeTree.Files) File.WriteAllBytes(_dir.File(Path.Combine("tree", path)), bytes);
        var result = await CliRunner.Run("corpora", "add", "--from", Path.Combine(_dir.Path, "tree"), "--include", "linux/kernel/*.c",
            "--name", "sched", "--separator", "none", "--data-dir", Data);
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal("int schedule(void) { return 0; }\n", File.ReadAllText(BuiltText("sched")));
    }

    [Fact]
    public async Task A_truncated_archive_exits_2_with_a_clear_message_and_no_corpus()
    {
        var result = await Add(ArchiveFile(_tarXz[..(_tarXz.Length / 2)]));
        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("charrnn corpora add: linux.tar.xz is truncated or damaged", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(File.Exists(BuiltText("kernel")));
    }

    [Fact]
    public async Task Include_globs_are_required()
    {
        var result = await CliRunner.Run("corpora", "add", "--from", ".", "--name", "x", "--data-dir", Data);
        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("--include", result.Stderr);
    }
}
