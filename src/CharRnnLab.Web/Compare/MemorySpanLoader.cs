using CharRnnLab.Core.Analysis.Influence;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Compare;

/// <summary>One run's memory span: Core's mean influence against distance over its corpus's validation slice.</summary>
/// <param name="Run">The run measured.</param>
/// <param name="TextDescription">The text it was measured on, in words.</param>
/// <param name="Chart">Mean ‖∂ log p(next) / ∂x_{N−k}‖ for k = 1 … span, over many positions N.</param>
public sealed record RunMemorySpan(RunSummary Run, string TextDescription, MemorySpanChart Chart);

/// <summary>
/// How far back a run's predictions reach (<see cref="MemorySpan.Chart"/>), measured on demand for
/// the Compare page: the run's weights (a live run's snapshot or its checkpoint), its own corpus's
/// validation slice as the Neurons page reads it, one job on the compute lane per run.
/// </summary>
public sealed class MemorySpanLoader(RunManager runs, RunFiles files, NeuronTexts texts)
{
    /// <summary>Distances measured, positions averaged, characters each reads first without gradients, text length.</summary>
    public const int Span = 300, Positions = 64, WarmUp = 300, TextLength = NeuronTextRequest.DefaultLength;

    public async Task<RunMemorySpan> MeasureAsync(string runId, CancellationToken cancel = default)
    {
        var run = runs.Get(runId);
        if (!run.CanSample)
            throw new LabException($"Run '{run.Name}' has no model to measure yet: it stopped before its first checkpoint.");
        if (!run.HasCorpus())
            throw RunCorpus.Missing(run, "there is no validation slice of its own to measure its memory span on");
        var weights = await files.WeightsAsync(run.Id, runs.Live(run.Id), cancel);
        var text = await texts.ResolveAsync(run, new NeuronTextRequest(NeuronTextSource.Validation, TextLength), weights.Vocabulary, cancel);
        var chart = await runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested(); // cancelled while it waited: leave the lane to training
            return MemorySpan.Chart(weights, text.Text, Span, Positions, WarmUp);
        }).WaitAsync(cancel);
        return new RunMemorySpan(run, text.Description, chart);
    }
}
