using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>A clamp effect and the training iteration of the weights it was measured on.</summary>
public sealed record ClampMeasurement(ClampEffect Effect, int Iteration);

/// <summary>
/// What a cell page needs from the lab: the recording (from the Neurons page's cache when the text was
/// recorded already, so opening a cell does not record again), the cell's profile (managed code, off the
/// compute lane) and the measured clamp effect (libtorch, on the compute lane, from a weights snapshot).
/// </summary>
public sealed class CellPages(NeuronLab lab, RunManager runs, RunFiles files)
{
    /// <summary>The recording of <paramref name="runId"/> over the chosen text: cached, or recorded now.</summary>
    public async Task<NeuronRecording> RecordingAsync(string runId, CellTextChoice text, CancellationToken cancel = default)
    {
        if (text.RecordingId is not { } id) return await lab.RecordAsync(runId, text.Request, cancel);
        if (lab.Find(id) is { } cached && cached.RunId == runId) return cached;
        throw new LabException("This page was opened on a text the Neurons page recorded, which the lab no longer holds in memory " +
            "(it keeps the most recent recordings, and forgets them all when it restarts). Open the cell on the run's validation slice, " +
            "or record the text again on the Neurons page.");
    }

    /// <summary>The cell's profile over the recording against every feature track; a cell the recording lacks is refused, naming what it holds.</summary>
    public Task<CellProfile> ProfileAsync(NeuronRecording recording, CellId cell, CancellationToken cancel = default) =>
        Task.Run(() => CellProfiler.Compute(recording.Recording, cell, FeatureTracks.All), cancel);

    /// <summary>
    /// Reads the text again with the cell's unit clamped at the profile's high and low values, on the
    /// compute lane. A measurement cancelled before its turn (the page moved on) is skipped.
    /// </summary>
    public async Task<ClampMeasurement> MeasureClampAsync(NeuronRecording recording, CellProfile profile, CancellationToken cancel = default)
    {
        var weights = await files.WeightsAsync(recording.RunId, runs.Live(recording.RunId), cancel);
        var (cell, clamp) = (profile.Cell, profile.Clamp);
        var effect = await runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested();
            return ClampEffects.Measure(weights, recording.Recording.Text, cell.Layer, cell.Unit, clamp.Target, clamp.High, clamp.Low, cancel: cancel);
        }).WaitAsync(cancel);
        return new ClampMeasurement(effect, weights.Iteration);
    }
}
