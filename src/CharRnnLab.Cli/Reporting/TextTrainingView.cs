using System.Globalization;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Reporting;

/// <summary>A run shown to people: samples, checkpoints and stops as lines, the wording shared by every human view.</summary>
internal abstract class TextTrainingView : TrainingView
{
    public override void OnSample(TrainingSample s) =>
        Say($"--- sample at iteration {s.Iteration} (temperature {s.Temperature.ToString("0.##", CultureInfo.InvariantCulture)}) ---\n{s.Text}\n---");

    public override void OnStateChanged(TrainingStateChange change)
    {
        if (change.State is TrainingState.Running or TrainingState.Completed) return; // the header and summary say it
        if (change.Message is not null) Say(change.Message);
    }

    public override void OnCheckpoint(CheckpointSaved saved) => Say($"saved checkpoint at iteration {saved.Iteration}: {saved.Path}");

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
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s"
        : t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + "s";
}
