using System.Globalization;
using System.Text.Json;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli;

/// <summary>
/// Shows a run to people (a progress line on stderr, samples and checkpoints as they come) or,
/// with --json, to programs (one JSON object per event on stdout). Called on the training
/// thread: it only formats and writes.
/// </summary>
public sealed class TrainingReporter(TextWriter stdout, TextWriter stderr, bool json, bool interactive) : ITrainingObserver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    private DateTime _lastDraw = DateTime.MinValue;
    private bool _lineOpen;

    public double? BestValidationLoss { get; private set; }
    public TrainingProgress? Last { get; private set; }

    public void OnProgress(TrainingProgress p)
    {
        Last = p;
        if (p.ValidationLoss is double v && (BestValidationLoss is null || v < BestValidationLoss)) BestValidationLoss = v;
        if (json)
        {
            Emit(new
            {
                type = "progress", p.Iteration, p.TotalIterations, p.Epoch, p.TrainLoss, p.ValidationLoss, p.LearningRate,
                p.GradientNorm, p.CharsPerSecond, ElapsedSeconds = p.Elapsed.TotalSeconds, EtaSeconds = p.Eta?.TotalSeconds,
            });
            return;
        }
        bool milestone = p.ValidationLoss is not null || p.Iteration == p.TotalIterations;
        if (interactive)
        {
            if (!milestone && DateTime.UtcNow - _lastDraw < RedrawInterval) return;
            _lastDraw = DateTime.UtcNow;
            stderr.Write($"\r{Describe(p)}\u001b[K");
            _lineOpen = true;
            if (p.ValidationLoss is not null) EndLine();
        }
        else if (milestone)
        {
            stderr.WriteLine(Describe(p));
        }
    }

    public void OnSample(TrainingSample s)
    {
        if (json) { Emit(new { type = "sample", s.Iteration, s.Temperature, s.TrainLoss, s.Text }); return; }
        EndLine();
        stderr.WriteLine($"--- sample at iteration {s.Iteration} (temperature {s.Temperature:0.##}) ---");
        stderr.WriteLine(s.Text);
        stderr.WriteLine("---");
    }

    public void OnStateChanged(TrainingStateChange change)
    {
        if (json) { Emit(new { type = "state", State = change.State.ToString().ToLowerInvariant(), change.Message }); return; }
        if (change.State is TrainingState.Running or TrainingState.Completed) return; // the command's header and summary say it
        EndLine();
        if (change.Message is not null) stderr.WriteLine(change.Message);
    }

    public void OnCheckpoint(CheckpointSaved saved)
    {
        if (json) { Emit(new { type = "checkpoint", saved.Iteration, saved.Path }); return; }
        EndLine();
        stderr.WriteLine($"saved checkpoint at iteration {saved.Iteration}: {saved.Path}");
    }

    /// <summary>"iter 120/2000 (epoch 0.27)  loss 2.3141  val 2.4012 (3.46 bits)  4,912 chars/s  ETA 3m12s".</summary>
    public static string Describe(TrainingProgress p)
    {
        var inv = CultureInfo.InvariantCulture;
        string val = p.ValidationLoss is double v
            ? string.Format(inv, "  val {0:F4} ({1:F2} bits)", v, TrainingProgress.ToBits(v))
            : "";
        string eta = p.Eta is TimeSpan e ? $"  ETA {Duration(e)}" : "";
        return string.Format(inv, "iter {0}/{1} (epoch {2:F2})  loss {3:F4}{4}  {5:N0} chars/s{6}",
            p.Iteration, p.TotalIterations, p.Epoch, p.TrainLoss, val, p.CharsPerSecond, eta);
    }

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:F1}s";

    private void EndLine()
    {
        if (!_lineOpen) return;
        stderr.WriteLine();
        _lineOpen = false;
    }

    private void Emit(object value)
    {
        stdout.WriteLine(JsonSerializer.Serialize(value, Json));
        stdout.Flush();
    }
}
