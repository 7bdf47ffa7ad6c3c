using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Queue;

/// <summary>One run a queue preset would enqueue, with its parameter count (shown before enqueueing).</summary>
public sealed record PlannedRun(StartRunRequest Request, long Parameters);

/// <summary>A set of runs to enqueue together, as the paper compares models.</summary>
public sealed record QueuePreset(string Id, string Label, string Description, Func<StartRunRequest, int, IReadOnlyList<PlannedRun>> Plan);

/// <summary>
/// The queue's presets. Both size every run to the parameter count of an LSTM of the chosen
/// layers × hidden (<see cref="ParameterMatch"/>), so cells and depths are compared at equal
/// budgets, as in Karpathy, Johnson and Fei-Fei's "Visualizing and Understanding Recurrent Networks".
/// </summary>
public static class QueuePresets
{
    private static readonly CellType[] Cells = [CellType.Lstm, CellType.Gru, CellType.Rnn];

    public static readonly QueuePreset CellsAtEqualParameters = new("cells", "LSTM vs GRU vs RNN, equal parameters",
        "Three runs of the chosen depth: the LSTM at the chosen width, the GRU and the vanilla RNN as wide as that budget allows.",
        (settings, vocabulary) => Plan(settings, vocabulary, Cells.Select(c => (c, settings.Layers))));

    public static readonly QueuePreset PaperGrid = new("grid", "paper grid: 3 cells × 1–3 layers",
        "Nine runs, LSTM, GRU and RNN at 1, 2 and 3 layers, each as wide as the chosen LSTM's parameter budget allows. Pick a small size.",
        (settings, vocabulary) => Plan(settings, vocabulary, Cells.SelectMany(c => Enumerable.Range(1, 3).Select(l => (c, l)))));

    public static IReadOnlyList<QueuePreset> All { get; } = [CellsAtEqualParameters, PaperGrid];

    /// <summary>
    /// The presets' training settings: the Train page's "tiny" preset's, for <paramref name="iterations"/>,
    /// evaluating, sampling and checkpointing at least ten times a run so short runs still draw curves.
    /// </summary>
    public static StartRunRequest Settings(string corpusId, int layers, int hidden, int iterations)
    {
        var tiny = RunPresets.Tiny.Settings;
        int every = Math.Max(1, iterations / 10);
        return tiny with
        {
            CorpusId = corpusId, Layers = layers, Hidden = hidden, Iterations = iterations,
            EvalEvery = Math.Min(tiny.EvalEvery, every), SampleEvery = Math.Min(tiny.SampleEvery, every),
            CheckpointEvery = Math.Min(tiny.CheckpointEvery, every),
        };
    }

    /// <summary>
    /// Runs with <paramref name="settings"/>' training settings and corpus, one per (cell, layers),
    /// each sized to the parameters of an LSTM of <paramref name="settings"/>' layers and hidden size.
    /// </summary>
    /// <param name="vocabulary">The corpus's vocabulary size (parameter counts depend on it).</param>
    private static IReadOnlyList<PlannedRun> Plan(StartRunRequest settings, int vocabulary, IEnumerable<(CellType Cell, int Layers)> shapes)
    {
        var reference = settings.ToModelConfig() with { Cell = CellType.Lstm };
        var models = shapes.Select(s => reference with { Cell = s.Cell, Layers = s.Layers }).ToList();
        return ParameterMatch.Matched(reference, models, vocabulary)
            .Select(model => Planned(settings, model, ParameterLayout.ParameterCount(model, vocabulary)))
            .ToList();
    }

    private static PlannedRun Planned(StartRunRequest settings, ModelConfig model, long parameters)
    {
        string cell = model.Cell.ToString().ToLowerInvariant();
        var request = settings with
        {
            Cell = cell,
            Layers = model.Layers,
            Hidden = model.Hidden,
            Name = $"{cell.ToUpperInvariant()} {model.Layers}×{model.Hidden} · {parameters:N0} params",
        };
        return new PlannedRun(request, parameters);
    }
}
