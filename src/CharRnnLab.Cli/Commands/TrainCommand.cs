using System.CommandLine;
using CharRnnLab.Cli.Options;
using CharRnnLab.Cli.Reporting;
using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn train: trains a char-RNN on a text file, checkpointing into --out.</summary>
public sealed class TrainCommand : Command
{
    private readonly Option<string> _corpus = ValueOptions.Required("--corpus", "UTF-8 text to learn", "FILE");
    private readonly Option<string> _out = ValueOptions.Required("--out", "where checkpoint.crnn is written (a new run never overwrites one)", "DIR");
    private readonly Option<bool> _resume = ValueOptions.Switch("--resume", "continue the checkpoint in --out; options given override the saved ones");
    private readonly RunOptions _run = RunOptions.AllSettings();
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "one JSON object per event on stdout instead of the progress display");
    private readonly Func<Action, IDisposable> _onInterrupt;

    /// <param name="onInterrupt">Registers the stop action for Ctrl-C (replaceable in tests).</param>
    public TrainCommand(Func<Action, IDisposable>? onInterrupt = null)
        : base("train", "Train a char-RNN on a UTF-8 text file; Ctrl-C stops after the current iteration and saves a checkpoint.")
    {
        _onInterrupt = onInterrupt ?? Interrupt.OnCtrlC;
        Options.Add(_corpus);
        Options.Add(_out);
        Options.Add(_resume);
        _run.AddTo(this);
        Options.Add(_json);
        ValueOptions.Exclusive(this, _run[RunSettings.Iterations], _run[RunSettings.Epochs], "give one of them");
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        string outDir = parse.GetRequiredValue(_out);
        bool resume = parse.GetValue(_resume), json = parse.GetValue(_json);
        var corpus = CorpusLoader.LoadFile(parse.GetRequiredValue(_corpus));
        var view = TrainingView.For(json, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

        var config = resume ? ResumeConfig(parse, outDir) : _run.ApplyTo(parse, RunConfig.Default);
        using var lane = new ComputeLane(config.Training.Threads);
        using var session = resume
            ? TrainingSession.FromCheckpoint(outDir, corpus, view, config.Training, lane)
            : TrainingSession.Create(corpus, config.Model, config.Training, outDir, view, lane);
        view.Say(Header(session, corpus, outDir, lane.Threads));

        using (_onInterrupt(() => { view.Say("Stopping after this iteration and saving a checkpoint…"); session.Cancel(); }))
        {
            session.Start();
            try { await view.WatchAsync(session.Completion); }
            catch (Exception) when (session.State == TrainingState.Failed) { return ExitCode.Failed; } // reported as a state event
        }
        view.Say(Outcome(view, session));
        return session.State == TrainingState.Cancelled ? ExitCode.Interrupted : ExitCode.Ok;
    }

    private RunConfig ResumeConfig(ParseResult parse, string outDir)
    {
        if (!CheckpointFile.Exists(outDir))
            throw new CheckpointException(
                $"--resume: there is no checkpoint in {Path.GetFullPath(outDir)} to continue. Drop --resume to start a new run there.");
        var metadata = CheckpointFile.ReadMetadata(outDir);
        var saved = new RunConfig(metadata.Model, metadata.Training);
        _run.CheckSameModel(parse, saved);
        return _run.ApplyTo(parse, saved);
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

    private static string Outcome(TrainingView view, TrainingSession session)
    {
        string best = view.BestValidationLoss is double v
            ? $", best validation loss {v:F4} ({TrainingProgress.ToBits(v):F2} bits/char)"
            : "";
        string loss = view.Last is { } p ? $", last train loss {p.TrainLoss:F4}" : "";
        string time = view.Last is { } q ? $" in {TextTrainingView.Duration(q.Elapsed)}" : "";
        return $"{session.State} at iteration {session.Iteration}/{session.TotalIterations}{loss}{best}{time}.";
    }
}
