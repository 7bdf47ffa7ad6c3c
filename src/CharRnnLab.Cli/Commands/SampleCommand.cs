using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn sample: generates text from a checkpoint, streamed to stdout.</summary>
public sealed class SampleCommand : ICommand
{
    public string Name => "sample";
    public string Summary => "generate text from a trained checkpoint";
    public IReadOnlyCollection<string> Switches => ["argmax"];
    public string Help => """
        usage: charrnn sample --checkpoint DIR [options]

          --checkpoint DIR|FILE    a run directory (or its checkpoint.crnn)
          --length N               symbols to generate (2000)
          --temperature T          < 1 is safer and more repetitive, > 1 wilder (1.0)
          --argmax                 always take the most likely symbol (temperature 0)
          --top-k K                sample only among the K most likely symbols (0 = all)
          --prime TEXT             text to start from (printed first; its symbols must be in the vocabulary)
          --seed S                 random seed, for repeatable samples
        The text goes to stdout as it is generated.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        string checkpoint = args.Required("checkpoint");
        int length = args.Int("length", 0, 10_000_000) ?? 2000;
        bool argmax = args.Flag("argmax");
        double? temperature = args.Double("temperature", 0, 100);
        int topK = args.Int("top-k", 0, int.MaxValue) ?? 0;
        string prime = args.String("prime") ?? "";
        int? seed = args.Int("seed");
        args.EnsureAllUsed();
        if (argmax && temperature is not null)
            throw new UsageException("--argmax and --temperature cannot be combined (--argmax means temperature 0).");

        var sampler = new Sampler(CheckpointFile.LoadWeights(checkpoint));
        var options = new SampleOptions(length, argmax ? 0 : temperature ?? 1.0, prime, seed, topK);
        using var symbols = sampler.Generate(options).GetEnumerator();
        bool any = symbols.MoveNext(); // primes the model: a bad prime fails here, before anything is printed
        stdout.Write(prime);
        for (int n = 1; any; n++)
        {
            stdout.Write(symbols.Current.Symbol);
            if (n % 64 == 0 || symbols.Current.Symbol == "\n") stdout.Flush();
            any = symbols.MoveNext();
        }
        stdout.WriteLine();
        stdout.Flush();
        return Task.FromResult(CommandLine.Ok);
    }
}
