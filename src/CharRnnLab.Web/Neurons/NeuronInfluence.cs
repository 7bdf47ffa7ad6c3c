using CharRnnLab.Core.Analysis.Influence;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// What one prediction of a recorded text depended on, on demand: Core's
/// <see cref="InfluenceAnalyzer.At"/> over the recording's own weights (the snapshot it was
/// recorded with, so a run that trains on meanwhile does not change the answer), as one job on
/// the compute lane.
/// </summary>
public sealed class NeuronInfluence(RunManager runs)
{
    /// <summary>Characters before the clicked one whose influence is measured.</summary>
    public const int Span = 300;

    /// <summary>The influence of the up to <see cref="Span"/> characters before <paramref name="position"/> on predicting it.</summary>
    public Task<InfluenceOverlay> AtAsync(NeuronRecording recording, int position, CancellationToken cancel = default)
    {
        var weights = NeuronRecording.WeightsOf(recording);
        int characters = recording.Recording.Characters;
        if (position < 1 || position >= characters)
            throw new LabException(position == 0
                ? "The first character has nothing before it to depend on. Click a later character."
                : $"There is no character {position:N0}: the text has {characters:N0} (numbered from 0).");
        return runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested(); // superseded by a newer click while it waited: leave the lane to training
            return InfluenceOverlay.Of(InfluenceAnalyzer.At(weights, recording.Recording.Text, position, Span));
        }).WaitAsync(cancel);
    }
}
