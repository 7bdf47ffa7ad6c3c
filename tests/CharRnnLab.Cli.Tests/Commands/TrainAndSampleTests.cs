using System.Text.Json;
using CharRnnLab.Cli.Commands;
using CharRnnLab.Core.Checkpoints;

namespace CharRnnLab.Cli.Tests.Commands;

public class TrainAndSampleTests
{
    [Fact]
    public async Task Train_then_sample_end_to_end()
    {
        using var dir = new TempDirectory();
        string corpus = CliRunner.WriteCorpus(dir.Path);
        string run = dir.File("run");

        var train = await CliRunner.Run(CliRunner.TinyTrain(corpus, run, iterations: 30));

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("Training LSTM 1×16 (one-hot) on input", train.Stderr);
        Assert.Contains("on cpu with 1 thread(s)", train.Stderr); // --threads 1 sets the lane's thread count
        Assert.Contains("iter 10/30", train.Stderr);
        Assert.Contains("iter 30/30", train.Stderr);
        Assert.DoesNotContain("iter 11/30", train.Stderr); // not a terminal: a line per milestone, no redrawn bar
        Assert.DoesNotContain("\u001b[", train.Stderr);
        Assert.Contains("Completed at iteration 30/30", train.Stderr);
        Assert.Equal("", train.Stdout);
        Assert.Equal(30, CheckpointFile.ReadMetadata(run).Iteration);

        var sample = await CliRunner.Run("sample", "--checkpoint", run, "--length", "80", "--seed", "3");
        var again = await CliRunner.Run("sample", "--checkpoint", run, "--length", "80", "--seed", "3");
        var primed = await CliRunner.Run("sample", "--checkpoint", run, "--length", "10", "--prime", "The ", "--temperature", "0.5");
        var greedy = await CliRunner.Run("sample", "--checkpoint", Path.Combine(run, CheckpointFile.FileName), "--length", "10", "--argmax");

        Assert.Equal((0, ""), (sample.ExitCode, sample.Stderr));
        Assert.Equal(81, sample.Stdout.Length); // 80 ASCII symbols and a final newline
        Assert.Equal(sample.Stdout, again.Stdout);
        Assert.Equal(0, primed.ExitCode);
        Assert.StartsWith("The ", primed.Stdout);
        Assert.Equal(15, primed.Stdout.Length); // prime + 10 symbols + newline
        Assert.Equal(0, greedy.ExitCode);
        foreach (string precision in new[] { "exact", "fp32" }) // the default is fp16; greedy text must not change
        {
            var reference = await CliRunner.Run("sample", "--checkpoint", run, "--length", "10", "--argmax", "--precision", precision);
            Assert.Equal(greedy.Stdout, reference.Stdout);
        }

        var strip = await CliRunner.Run("sample", "--checkpoint", run, "--length", "40", "--seed", "3", "--temperatures", "0.5,1.0,0");
        var single = await CliRunner.Run("sample", "--checkpoint", run, "--length", "40", "--seed", "3", "--temperature", "0.5");
        var badStrip = await CliRunner.Run("sample", "--checkpoint", run, "--temperatures", "0.5,hot");
        Assert.Equal(0, strip.ExitCode);
        string[] blocks = strip.Stdout.Split("--- temperature ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["0.5", "1", "0"], blocks.Select(b => b[..b.IndexOf(' ')]));
        string[] texts = blocks.Select(b => b[(b.IndexOf('\n') + 1)..]).ToArray(); // each "text\n"
        Assert.Equal(single.Stdout, texts[0]); // same seed, same text
        Assert.StartsWith(greedy.Stdout[..^1], texts[2]);
        Assert.Equal(ExitCode.UsageError, badStrip.ExitCode);
        Assert.Contains("--temperatures takes numbers from 0 to 100 separated by commas", badStrip.Stderr);
    }

    [Fact]
    public async Task A_prime_with_unknown_symbols_is_refused_before_printing()
    {
        using var dir = new TempDirectory();
        string run = dir.File("run");
        Assert.Equal(0, (await CliRunner.Run(CliRunner.TinyTrain(CliRunner.WriteCorpus(dir.Path), run, 2))).ExitCode);

        var result = await CliRunner.Run("sample", "--checkpoint", run, "--prime", "Zebra ⚡");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("'⚡'", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Json_mode_prints_one_camel_case_object_per_event()
    {
        using var dir = new TempDirectory();
        string corpus = CliRunner.WriteCorpus(dir.Path);
        string[] args = [.. CliRunner.TinyTrain(corpus, dir.File("run"), 20), "--sample-every", "10", "--sample-length", "12", "--json"];

        var result = await CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var byType = events.GroupBy(e => e.GetProperty("type").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(20, byType["progress"].Count);
        Assert.Equal(2, byType["sample"].Count);
        Assert.Equal(12, byType["sample"][0].GetProperty("text").GetString()!.Length);
        Assert.Equal(20, byType["checkpoint"].Single().GetProperty("iteration").GetInt32());
        Assert.Equal(["running", "completed"], byType["state"].Select(e => e.GetProperty("state").GetString()));
        var last = byType["progress"][^1];
        Assert.Equal(20, last.GetProperty("iteration").GetInt32());
        Assert.True(last.GetProperty("trainLoss").GetDouble() > 0);
        Assert.True(last.GetProperty("validationLoss").GetDouble() > 0);
        Assert.True(last.GetProperty("charsPerSecond").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, byType["progress"][0].GetProperty("validationLoss").ValueKind);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Sample_at_takes_the_samples_the_schedule_names_and_the_checkpoint_keeps_it()
    {
        using var dir = new TempDirectory();
        string corpus = CliRunner.WriteCorpus(dir.Path), run = dir.File("run");
        string[] args = [.. CliRunner.TinyTrain(corpus, run, 12), "--sample-at", "7,2 12", "--sample-length", "6", "--json"];

        var result = await CliRunner.Run(args);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var samples = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "sample").ToList();
        Assert.Equal([2, 7, 12], samples.Select(s => s.GetProperty("iteration").GetInt32()));
        Assert.Equal([2, 7, 12], CheckpointFile.ReadMetadata(run).Training.SampleAt.Iterations);
        var help = await CliRunner.Run("train", "--help");
        Assert.Contains("--sample-at <N,N,…>", help.Stdout);
        Assert.Contains("[default: none]", help.Stdout);
    }

    [Fact]
    public async Task Resume_continues_from_the_checkpoint_and_refuses_a_new_shape()
    {
        using var dir = new TempDirectory();
        string corpus = CliRunner.WriteCorpus(dir.Path);
        string run = dir.File("run");
        Assert.Equal(0, (await CliRunner.Run(CliRunner.TinyTrain(corpus, run, 10))).ExitCode);

        var again = await CliRunner.Run(CliRunner.TinyTrain(corpus, run, 10));
        var reshaped = await CliRunner.Run([.. CliRunner.TinyTrain(corpus, run, 20)[..^2], "--resume", "--hidden", "32"]);
        var resumed = await CliRunner.Run("train", "--corpus", corpus, "--out", run, "--resume", "--iterations", "20");

        Assert.Equal(ExitCode.UsageError, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
        Assert.Equal(ExitCode.UsageError, reshaped.ExitCode);
        Assert.Contains("--hidden 32 differs from the checkpoint's 16", reshaped.Stderr);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("from iteration 10", resumed.Stderr);
        var meta = CheckpointFile.ReadMetadata(run);
        Assert.Equal(20, meta.Iteration);
        Assert.Equal(Enumerable.Range(1, 20), meta.History.Select(p => p.Iteration));
    }

    [Fact]
    public async Task A_diverging_run_exits_1_with_the_reason()
    {
        using var dir = new TempDirectory();
        string[] args = [.. CliRunner.TinyTrain(CliRunner.WriteCorpus(dir.Path), dir.File("run"), 200)[..^2], "--lr", "1e6", "--grad-clip", "0"];

        var result = await CliRunner.Run(args);

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("Training diverged at iteration", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Resume_without_a_checkpoint_says_how_to_start()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.Run([.. CliRunner.TinyTrain(CliRunner.WriteCorpus(dir.Path), dir.File("run")), "--resume"]);
        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("no checkpoint", result.Stderr);
        Assert.Contains("Drop --resume", result.Stderr);
    }

    [Fact]
    public async Task Interrupting_saves_a_checkpoint_and_exits_130()
    {
        using var dir = new TempDirectory();
        string run = dir.File("run");
        var stderr = new LockedWriter();
        Action? stop = null;
        var root = CharRnnCli.Root(new TrainCommand(s => { stop = s; return new NoOp(); }));
        string[] args = [.. CliRunner.TinyTrain(CliRunner.WriteCorpus(dir.Path), run, 1_000_000)];

        var running = CharRnnCli.RunAsync(root, args, new LockedWriter(), stderr);
        await Poll.UntilAsync(() => stop is not null && stderr.ToString().Contains("iter 10/"), "iteration 10", intervalMs: 10);
        stop!();
        int code = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCode.Interrupted, code);
        Assert.Contains("saving a checkpoint", stderr.ToString());
        Assert.Contains("Cancelled at iteration", stderr.ToString());
        Assert.InRange(CheckpointFile.ReadMetadata(run).Iteration, 10, 1_000_000);
    }

    private sealed class NoOp : IDisposable
    {
        public void Dispose() { }
    }
}
