using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// Reads a recorded text again under edits (docs/interventions.md) and compares the predictions
/// with the unedited model's: one job on the compute lane, with the recording's weights and its
/// way of reading (one exact pass, or the same parallel streams), so before an edit's FROM the
/// two agree bit for bit.
/// </summary>
public sealed class NeuronEdits(RunManager runs)
{
    public Task<EditOverlay> MeasureAsync(NeuronRecording recording, IReadOnlyList<Intervention> edits, CancellationToken cancel = default)
    {
        var weights = NeuronRecording.WeightsOf(recording);
        if (edits.Count == 0) throw new LabException("Add at least one edit to record under.");
        _ = new InterventionSet(weights.Config, edits); // refuses a layer, unit or kind the model lacks, by name, before any work
        var plain = (recording.Recording.Mode.IsExact ? RecordingOptions.Exact : new RecordingOptions()) with
        {
            Layers = [weights.Config.Layers - 1], Kinds = [ActivationKind.Hidden], TopGuesses = 1, // only the predictions are compared
        };
        string text = recording.Recording.Text;
        return runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested();
            var unedited = ActivationRecorder.Record(weights, text, plain, cancel: cancel).Guesses.NextSymbolProbability;
            var edited = ActivationRecorder.Record(weights, text, plain with { Interventions = edits }, cancel: cancel).Guesses.NextSymbolProbability;
            return EditOverlay.Of(edits, EditEffect.Compare(unedited, edited, recording.Recording.Symbols, FeatureClasses.All));
        }).WaitAsync(cancel);
    }
}
