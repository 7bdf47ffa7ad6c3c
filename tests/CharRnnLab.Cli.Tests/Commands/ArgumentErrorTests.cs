namespace CharRnnLab.Cli.Tests.Commands;

public class ArgumentErrorTests
{
    [Theory]
    [InlineData("Option '--corpus' is required", "train", "--out", "x")]
    [InlineData("Option '--out' is required", "train", "--corpus", "x.txt")]
    [InlineData("--hidden: hidden size must be a number between 1 and 8192 (got 'abc')", "train", "--corpus", "a", "--out", "b", "--hidden", "abc")]
    [InlineData("--hidden: hidden size must be a whole number between 1 and 8192 (got 0)", "train", "--corpus", "a", "--out", "b", "--hidden", "0")]
    [InlineData("--model: cell must be one of lstm|gru|rnn (got 'transformer')", "train", "--corpus", "a", "--out", "b", "--model", "transformer")]
    [InlineData("--optimizer: optimizer must be one of adam|rmsprop (got 'sgd')", "train", "--corpus", "a", "--out", "b", "--optimizer", "sgd")]
    [InlineData("--iterations and --epochs cannot be combined", "train", "--corpus", "a", "--out", "b", "--iterations", "5", "--epochs", "1")]
    [InlineData("--device: device must be one of cpu|cuda|auto (got 'tpu')", "train", "--corpus", "a", "--out", "b", "--device", "tpu")]
    [InlineData("--dropout: dropout must be between 0 and 0.95 (got 1.5)", "train", "--corpus", "a", "--out", "b", "--dropout", "1.5")]
    [InlineData("Unrecognized command or argument '--bogus'", "train", "--corpus", "a", "--out", "b", "--bogus", "1")]
    [InlineData("Unrecognized command or argument 'maybe'", "train", "--corpus", "a", "--out", "b", "--resume=maybe")]
    [InlineData("Unrecognized command or argument 'maybe'", "train", "--corpus", "a", "--out", "b", "--resume", "maybe")]
    [InlineData("Unrecognized command or argument '10'", "sample", "--checkpoint", "x", "--argmax", "10")]
    [InlineData("Option '--checkpoint' is required", "sample", "--length", "5")]
    [InlineData("--length must be a whole number (got 'ten')", "sample", "--checkpoint", "x", "--length", "ten")]
    [InlineData("--argmax and --temperature cannot be combined", "sample", "--checkpoint", "x", "--argmax", "--temperature", "0.5")]
    [InlineData("--temperature must be between 0 and 100 (got -1)", "sample", "--checkpoint", "x", "--temperature", "-1")]
    [InlineData("--batch: batch size must be a whole number between 1 and 65536 (got 0)", "bench", "--batch", "0")]
    [InlineData("Unrecognized command or argument 'extra'", "bench", "extra")]
    public async Task Bad_arguments_exit_2_naming_the_argument(string expected, params string[] args)
    {
        var result = await CliRunner.Run(args);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Contains("Usage:", result.Stderr);                 // the command's help follows the message
        Assert.Contains($" {args[0]} [options]", result.Stderr); // of this verb
        Assert.DoesNotContain("   at ", result.Stderr);  // never a stack trace
    }

    [Fact]
    public async Task A_missing_corpus_file_is_a_user_error_with_its_path()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.Run("train", "--corpus", dir.File("missing.txt"), "--out", dir.File("run"));

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("Corpus file not found", result.Stderr);
        Assert.Contains(dir.File("missing.txt"), result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Sampling_a_directory_without_checkpoint_says_so()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.Run("sample", "--checkpoint", dir.Path);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("No checkpoint found", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Cuda_without_a_gpu_is_a_clear_error()
    {
        if (TorchSharp.torch.cuda.is_available()) return; // on a CUDA machine this request is valid
        using var dir = new TempDirectory();
        string corpus = CliRunner.WriteCorpus(dir.Path);
        var result = await CliRunner.Run([.. CliRunner.TinyTrain(corpus, dir.File("run")), "--device", "cuda"]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("CUDA was requested but is not available", result.Stderr);
        Assert.Contains("--device cpu", result.Stderr);
    }
}
