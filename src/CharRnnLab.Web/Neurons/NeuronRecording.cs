using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// A recording the Neurons page shows, with what the page needs beside the raw values: the
/// feature finder's top cells, the gate saturation statistics and each cell's mean. Immutable
/// after creation, so any thread (an endpoint, a circuit) may read it.
/// </summary>
/// <param name="Id">Stable id: a hash of the run, the weights' iteration and the text.</param>
/// <param name="RunId">The run whose weights were read.</param>
/// <param name="RunName">The run's display name.</param>
/// <param name="Iteration">The training iteration of those weights.</param>
/// <param name="TextDescription">Where the text came from, in words.</param>
/// <param name="Recording">Every layer's values per character and the next-symbol guesses.</param>
/// <param name="Features">Per feature track, the best-correlated cells (or why none).</param>
/// <param name="Gates">Per layer and sigmoid gate, the saturation fractions per unit.</param>
/// <param name="Means">Per (layer, kind), each unit's mean over the text.</param>
/// <param name="Elapsed">How long recording and analysis took.</param>
public sealed record NeuronRecording(
    string Id,
    string RunId,
    string RunName,
    int Iteration,
    string TextDescription,
    ActivationRecording Recording,
    IReadOnlyList<FeatureReport> Features,
    IReadOnlyList<GateSaturation> Gates,
    IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> Means,
    TimeSpan Elapsed)
{
    /// <summary>
    /// The weights the text was read with, for the questions asked of the same model afterwards
    /// (influence, edits, ablation). Not counted in <see cref="Bytes"/>: recordings of one run's
    /// checkpoint share them.
    /// </summary>
    public ModelWeights? Weights { get; init; }

    /// <summary>The recording's weights, or a message saying it has none to ask (a recording made without a model).</summary>
    public static ModelWeights WeightsOf(NeuronRecording recording) => recording.Weights ??
        throw new LabException($"The recording of '{recording.RunName}' kept no weights to ask further questions of. Record the text again.");

    /// <summary>Bytes the recording's arrays hold (what the cache counts).</summary>
    public long Bytes => Recording.StoredBytes +
        (long)Recording.Characters * (Recording.Guesses.K * 8 + 4);

    /// <summary>The kind a page shows first: tanh(c) for an LSTM (as in Karpathy's post), else h.</summary>
    public ActivationKind DefaultKind => Recording.RecordedKinds.Contains(ActivationKind.TanhCell)
        ? ActivationKind.TanhCell : ActivationKind.Hidden;

    /// <summary>Each unit's mean of one (layer, kind) over the text.</summary>
    public static float[] UnitMeans(float[] values, int characters, int units)
    {
        var sums = new double[units];
        for (int t = 0; t < characters; t++)
        {
            var row = values.AsSpan(t * units, units);
            for (int u = 0; u < units; u++) sums[u] += row[u];
        }
        return sums.Select(s => (float)(s / characters)).ToArray();
    }
}
