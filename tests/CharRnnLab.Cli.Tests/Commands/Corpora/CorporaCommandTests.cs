namespace CharRnnLab.Cli.Tests.Commands.Corpora;

public sealed class CorporaCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "charrnn-cli-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int code = await CharRnnCli.RunAsync(["corpora", .. args, "--data-dir", _data], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task List_prints_every_kind_of_corpus_and_the_data_directory()
    {
        var (code, output, _) = await Run("list");
        Assert.Equal(ExitCode.Ok, code);
        Assert.Matches(@"(?m)^dialogue\s+bundled\s+~1\.0 MB\s+on demand\s+Dialogue prose$", output);
        Assert.Matches(@"(?m)^tiny-shakespeare\s+catalog\s+~1\.1 MB\s+not fetched\s+Tiny Shakespeare$", output);
        Assert.Matches(@"(?m)^enwik8\s+catalog\s+", output);
        Assert.Matches(@"(?m)^charrnnlab-source\s+source\s+", output);
        Assert.Contains($"data directory: {_data}", output);
    }

    [Fact]
    public async Task Fetching_an_unknown_corpus_fails_with_exit_2_and_the_known_names()
    {
        var (code, _, error) = await Run("fetch", "moby-dick");
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("There is no corpus 'moby-dick' in the catalogue", error);
        Assert.Contains("tiny-shakespeare", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("fetch", "--force", "moby-dick")]
    [InlineData("fetch", "moby-dick", "--force")]
    [InlineData("fetch", "--retrust", "--force", "moby-dick")]
    public async Task A_switch_before_the_name_leaves_the_name_alone(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("There is no corpus 'moby-dick' in the catalogue", error);
    }

    [Fact]
    public async Task Fetching_a_bundled_corpus_explains_there_is_nothing_to_download()
    {
        var (code, _, error) = await Run("fetch", "dialogue");
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("built into CharRnnLab", error);
    }

    [Fact]
    public async Task Path_generates_a_bundled_corpus_and_prints_where_it_is()
    {
        var (code, output, _) = await Run("path", "code");
        Assert.Equal(ExitCode.Ok, code);
        string path = output.Trim();
        Assert.Equal(Path.Combine(_data, "corpora", "bundled", "code.txt"), path);
        Assert.StartsWith("/*\n * ", File.ReadAllText(path));
        Assert.Matches(@"(?m)^code\s+bundled\s+1\.0 MB\s+ready\s+", (await Run("list")).Out);
    }

    [Fact]
    public async Task Path_of_an_unfetched_corpus_says_how_to_fetch_it()
    {
        var (code, _, error) = await Run("path", "war-and-peace");
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains("charrnn corpora fetch war-and-peace", error);
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided", " corpora [command] [options]")]
    [InlineData(new[] { "fetch" }, "Required argument missing for command: 'fetch'", " corpora fetch <NAME> [options]")]
    [InlineData(new[] { "shuffle" }, "Unrecognized command or argument 'shuffle'", " corpora [command] [options]")]
    [InlineData(new[] { "list", "extra" }, "Unrecognized command or argument 'extra'", " corpora list [options]")]
    [InlineData(new[] { "list", "--force" }, "Unrecognized command or argument '--force'", " corpora list [options]")]
    public async Task Bad_command_lines_fail_with_exit_2_and_usage(string[] args, string message, string usage)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCode.UsageError, code);
        Assert.Contains(message, error);
        Assert.Contains(usage, error);
    }
}
