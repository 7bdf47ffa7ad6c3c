using System.Text.Json;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Reporting;

/// <summary>`train --json`: one camelCase JSON object per event on stdout (the README's table of events).</summary>
internal sealed class JsonTrainingView(TextWriter stdout) : TrainingView
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void Show(TrainingProgress p) => Emit(new
    {
        type = "progress", p.Iteration, p.TotalIterations, p.Epoch, p.TrainLoss, p.ValidationLoss, p.LearningRate,
        p.GradientNorm, p.CharsPerSecond, ElapsedSeconds = p.Elapsed.TotalSeconds, EtaSeconds = p.Eta?.TotalSeconds,
    });

    public override void OnSample(TrainingSample s) => Emit(new { type = "sample", s.Iteration, s.Temperature, s.TrainLoss, s.Text });

    public override void OnStateChanged(TrainingStateChange change) =>
        Emit(new { type = "state", State = change.State.ToString().ToLowerInvariant(), change.Message });

    public override void OnCheckpoint(CheckpointSaved saved) => Emit(new { type = "checkpoint", saved.Iteration, saved.Path });

    public override void Say(string line) { } // stdout carries only events

    private void Emit(object value)
    {
        stdout.WriteLine(JsonSerializer.Serialize(value, Json));
        stdout.Flush();
    }
}
