using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn train: trains a char-RNN on a text file, checkpointing into --out.</summary>
/// <param name="onInterrupt">Registers the stop action for Ctrl-C (replaceable in tests).</param>
public sealed class TrainCommand(Func<Action, IDisposable>? onInterrupt = null) : ICommand
{
    private readonly Func<Action, IDisposable> _onInterrupt = onInterrupt ?? Interrupt.OnCtrlC;

    public string Name => "train";
    public string Summary => "train a char-RNN on a UTF-8 text file";
    public IReadOnlyCollection<string> Switches => ["resume", "json"];
    public string Help => """
        usage: charrnn train --corpus FILE --out DIR [options]

          --corpus FILE            UTF-8 text to learn
          --out DIR                where checkpoint.crnn is written (a new run never overwrites one)
          --resume                 continue the checkpoint in --out (options given override the saved ones)
        model (fixed once trained):
          --model lstm|gru|rnn     recurrent cell (lstm)
          --hidden N               units per layer (128)
          --layers N               stacked layers (2)
          --embedding N            embedding size; 0 = one-hot input (0)
          --dropout P              dropout between layers (0)
        training:
          --batch B  --seq T       parallel streams and time steps per minibatch (50, 50)
          --lr X                   learning rate (0.002)      --lr-decay X   decay per epoch after 10 (0.97)
          --optimizer adam|rmsprop (adam)                      --grad-clip X  global norm clip, 0 = off (5)
          --iterations N | --epochs E                          length of the run (1 epoch)
          --val-fraction F         tail of the text kept for validation (0.05)
          --eval-every N  --checkpoint-every N  --sample-every N  --sample-length N   (100, 500, 100, 200)
          --seed S  --threads N  --device cpu|cuda|auto
          --json                   one JSON object per event on stdout instead of the progress line
        Ctrl-C stops after the current iteration and saves a checkpoint.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        string corpusPath = args.Required("corpus");
        string outDir = args.Required("out");
        bool resume = args.Flag("resume");
        bool json = args.Flag("json");
        var options = TrainOptions.Read(args);
        args.EnsureAllUsed();

        var corpus = CorpusLoader.LoadFile(corpusPath);
        bool interactive = !json && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        stdout = TextWriter.Synchronized(stdout); // the observer writes from the training thread
        stderr = TextWriter.Synchronized(stderr);
        var reporter = new TrainingReporter(stdout, stderr, json, interactive);

        var training = resume ? ResumeConfig(outDir, options) : options.ApplyTo(new TrainingConfig());
        using var lane = new ComputeLane(training.Threads);
        using var session = resume
            ? TrainingSession.Resume(outDir, corpus, reporter, training, lane)
            : TrainingSession.Create(corpus, options.NewModel(), training, outDir, reporter, lane);
        if (!json) stderr.WriteLine(Header(session, corpus, outDir, lane.Threads));

        using (_onInterrupt(() => { if (!json) stderr.WriteLine("\nStopping after this iteration and saving a checkpoint…"); session.Cancel(); }))
        {
            session.Start();
            try { await session.Completion; }
            catch (Exception) when (session.State == TrainingState.Failed) { return CommandLine.Failed; } // reported as a state event
        }
        if (!json) stderr.WriteLine(Outcome(reporter, session));
        return session.State == TrainingState.Cancelled ? CommandLine.Interrupted : CommandLine.Ok;
    }

    private static TrainingConfig ResumeConfig(string outDir, TrainOptions options)
    {
        if (!CheckpointFile.Exists(outDir))
            throw new CheckpointException(
                $"--resume: there is no checkpoint in {Path.GetFullPath(outDir)} to continue. Drop --resume to start a new run there.");
        var saved = CheckpointFile.ReadMetadata(outDir);
        options.CheckSameModel(saved.Model);
        return options.ApplyTo(saved.Training);
    }

    private static string Header(TrainingSession s, Corpus corpus, string outDir, int threads)
    {
        var m = s.Model;
        var t = s.Training;
        string input = m.Embedding > 0 ? $"embedding {m.Embedding}" : "one-hot";
        string from = s.Iteration > 0 ? $" from iteration {s.Iteration}" : "";
        return $"Training {m.Cell.ToString().ToUpperInvariant()} {m.Layers}×{m.Hidden} ({input}) on {corpus.Name}: " +
               $"{corpus.Length:N0} symbols, vocabulary {corpus.Vocabulary.Count}; batch {t.Batch} × seq {t.Seq}, " +
               $"{s.TotalIterations:N0} iterations{from} on {ComputeDevice.Resolve(t.Device)} with {threads} thread(s).\n" +
               $"Checkpoints: {CheckpointFile.PathFor(outDir)}";
    }

    private static string Outcome(TrainingReporter reporter, TrainingSession session)
    {
        string best = reporter.BestValidationLoss is double v
            ? $", best validation loss {v:F4} ({TrainingProgress.ToBits(v):F2} bits/char)"
            : "";
        string loss = reporter.Last is { } p ? $", last train loss {p.TrainLoss:F4}" : "";
        string time = reporter.Last is { } q ? $" in {TrainingReporter.Duration(q.Elapsed)}" : "";
        return $"{session.State} at iteration {session.Iteration}/{session.TotalIterations}{loss}{best}{time}.";
    }
}
