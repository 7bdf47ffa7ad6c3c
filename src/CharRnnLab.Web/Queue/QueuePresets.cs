using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Queue;

/// <summary>One run a queue preset would enqueue, with its parameter count (shown before enqueueing).</summary>
public sealed record PlannedRun(StartRunRequest Request, ModelConfig Model, long Parameters);

/// <summary>A set of runs to enqueue together, as the paper compares models.</summary>
/// <param name="Shapes">The (cell, layers) of each run, given the reference LSTM's layers.</param>
public sealed record QueuePreset(string Id, string Label, string Description, Func<int, IReadOnlyList<(CellType Cell, int Layers)>> Shapes)
{
    /// <summary>
    /// The runs on <paramref name="corpusId"/> with <paramref name="settings"/>' training settings, each
    /// sized to the parameter count of <paramref name="settings"/>' model as an LSTM (<see cref="ParameterMatch"/>).
    /// </summary>
    /// <param name="vocabulary">The corpus's vocabulary size (parameter counts depend on it).</param>
    public IReadOnlyList<PlannedRun> Plan(string corpusId, RunConfig settings, int vocabulary)
    {
        var reference = settings.Model with { Cell = CellType.Lstm };
        var models = Shapes(reference.Layers).Select(s => reference with { Cell = s.Cell, Layers = s.Layers });
        return ParameterMatch.Matched(reference, models, vocabulary).Select(model =>
        {
            long parameters = ParameterLayout.ParameterCount(model, vocabulary);
            string name = $"{model.Cell.ToString().ToUpperInvariant()} {model.Layers}×{model.Hidden} · {parameters:N0} params";
            return new PlannedRun(RunRequests.From(corpusId, name, settings with { Model = model }), model, parameters);
        }).ToList();
    }
}

/// <summary>
/// The queue's presets. Both size every run to the parameter count of an LSTM of the chosen
/// layers × hidden, so cells and depths are compared at equal budgets, as in Karpathy, Johnson
/// and Fei-Fei's "Visualizing and Understanding Recurrent Networks".
/// </summary>
public static class QueuePresets
{
    private static readonly CellType[] Cells = [CellType.Lstm, CellType.Gru, CellType.Rnn];

    public static readonly QueuePreset CellsAtEqualParameters = new("cells", "LSTM vs GRU vs RNN, equal parameters",
        "Three runs of the chosen depth: the LSTM at the chosen width, the GRU and the vanilla RNN as wide as that budget allows.",
        layers => Cells.Select(c => (c, layers)).ToList());

    public static readonly QueuePreset PaperGrid = new("grid", "paper grid: 3 cells × 1–3 layers",
        "Nine runs, LSTM, GRU and RNN at 1, 2 and 3 layers, each as wide as the chosen LSTM's parameter budget allows. Pick a small size.",
        _ => Cells.SelectMany(c => Enumerable.Range(1, 3).Select(l => (c, l))).ToList());

    public static IReadOnlyList<QueuePreset> All { get; } = [CellsAtEqualParameters, PaperGrid];

    /// <summary>The minibatch the presets train on unless told otherwise: the "tiny" preset's.</summary>
    public static (int Batch, int Seq) DefaultMinibatch => (RunPresets.Tiny.Config.Training.Batch, RunPresets.Tiny.Config.Training.Seq);

    /// <summary>
    /// The presets' settings: the Train page's "tiny" preset's for an LSTM of <paramref name="layers"/> ×
    /// <paramref name="hidden"/> trained <paramref name="iterations"/> iterations, evaluating, sampling and
    /// checkpointing at least ten times a run so short runs still draw curves.
    /// </summary>
    /// <param name="batch">B, streams per minibatch; the tiny preset's when not given.</param>
    /// <param name="seq">T, time steps per minibatch; the tiny preset's when not given.</param>
    public static RunConfig Settings(int layers, int hidden, int iterations, int? batch = null, int? seq = null)
    {
        var tiny = RunPresets.Tiny.Config;
        int every = Math.Max(1, iterations / 10);
        return new RunConfig(tiny.Model with { Cell = CellType.Lstm, Layers = layers, Hidden = hidden }, tiny.Training with
        {
            Iterations = iterations,
            Batch = batch ?? DefaultMinibatch.Batch,
            Seq = seq ?? DefaultMinibatch.Seq,
            EvalEvery = Math.Min(tiny.Training.EvalEvery, every),
            SampleEvery = Math.Min(tiny.Training.SampleEvery, every),
            CheckpointEvery = Math.Min(tiny.Training.CheckpointEvery, every),
        });
    }
}
