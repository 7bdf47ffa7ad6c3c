using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Interventions;

/// <summary>A feature class the loss change is also averaged over: the positions where the track is &gt; 0.</summary>
public sealed record AblationClass(string Feature, int Positions, double BaseLoss);

/// <summary>One unit ablated over the whole text: mean loss change (nats/char) overall and per class (same order as the classes).</summary>
public sealed record UnitAblation(int Unit, float Value, double LossChange, double[] ClassLossChange);

/// <summary>Units of one layer and target ranked by how much ablating each raises the loss, most first.</summary>
public sealed record AblationRanking(int Layer, InterventionTarget Target, int Positions, double BaseLoss,
    IReadOnlyList<AblationClass> Classes, IReadOnlyList<UnitAblation> Units);

/// <summary>
/// Which units matter: each unit of one layer's c or h ablated in turn over a whole text (one
/// exact pass from a zero state), ranked by the rise in mean loss −log p(next). The ablations run
/// as parallel streams of one batched pass, a batch of units at a time, beside an
/// unedited stream. Runs on the calling thread (a server puts it on the compute lane).
/// </summary>
public static class AblationRanker
{
    /// <param name="weights">The model whose units are ranked.</param>
    /// <param name="text">The text the loss is measured over (at least two characters, all in the model's vocabulary).</param>
    /// <param name="layer">The layer whose units are ablated, 0-based.</param>
    /// <param name="target">Which state of the layer is ablated: c (LSTM only) or h.</param>
    /// <param name="features">Tracks whose positions (value &gt; 0) get their own mean loss change.</param>
    /// <param name="values">Per unit, what ablating sets it to (e.g. its mean); null = 0 for every unit.</param>
    /// <param name="batch">Units ablated side by side in one pass (1 … 4096), each its own stream: memory grows with it, not the result.</param>
    /// <param name="chunkSteps">Time steps per chunk of the pass: how often cancellation and progress are checked.</param>
    /// <param name="cancel">Stops the ranking between chunks.</param>
    /// <param name="progress">Told the fraction of the passes done (0 … 1) after each chunk of time steps.</param>
    public static AblationRanking Rank(ModelWeights weights, string text, int layer, InterventionTarget target,
        IReadOnlyList<IFeatureTrack> features, float[]? values = null, int batch = 128, int chunkSteps = 64,
        CancellationToken cancel = default, IProgress<double>? progress = null)
    {
        var config = weights.Config;
        new InterventionSet(config, [new Intervention(layer, 0, target, InterventionAction.Ablate)]); // refuses a layer or target the model lacks
        if (values is not null && values.Length != config.Hidden)
            throw new ArgumentException($"{values.Length} ablation values for {config.Hidden} units.", nameof(values));
        if (batch < 1 || batch > 4096) throw new ConfigException($"the ablation batch must be between 1 and 4096 units (got {batch}).");
        int[] symbols = weights.Vocabulary.Encode(text, "text to ablate over");
        if (symbols.Length < 2) throw new CharRnnException("The text needs at least two characters: a loss is the prediction of the next one.");

        var loss = new float[config.Hidden + 1][]; // [0] unedited, [1 + u] unit u ablated; each (N)
        int batches = (config.Hidden + batch - 1) / batch;
        for (int first = 0; first < config.Hidden; first += batch)
        {
            int count = Math.Min(batch, config.Hidden - first), done = first / batch;
            var batchProgress = progress is null ? null : new Action<double>(p => progress.Report((done + p) / batches));
            var losses = RunBatch(weights, symbols, layer, target, first, count, values, chunkSteps, cancel, batchProgress);
            if (first == 0) loss[0] = losses[0];
            for (int i = 0; i < count; i++) loss[1 + first + i] = losses[1 + i];
        }
        return Summarise(weights, text, layer, target, features, values, loss);
    }

    // Streams: 0 unedited, 1 + i ablates unit first + i. Returns each stream's losses (N).
    private static float[][] RunBatch(ModelWeights weights, int[] symbols, int layer, InterventionTarget target,
        int first, int count, float[]? values, int chunkSteps, CancellationToken cancel, Action<double>? progress)
    {
        int[] units = [-1, .. Enumerable.Range(first, count)];
        float[] fill = units.Select(u => u < 0 || values is null ? 0f : values[u]).ToArray();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var run = new AblationRun(weights, symbols, layer, count + 1,
            new PerStreamAblation(target, units, fill, weights.Config.Hidden));
        for (int t0 = 0; t0 < symbols.Length; t0 += chunkSteps)
        {
            cancel.ThrowIfCancellationRequested();
            run.Chunk(t0, Math.Min(chunkSteps, symbols.Length - t0));
            progress?.Invoke(Math.Min(1.0, (double)(t0 + chunkSteps) / symbols.Length));
        }
        int n = symbols.Length;
        return Enumerable.Range(0, count + 1).Select(s => run.Losses.AsSpan(s * n, n).ToArray()).ToArray();
    }

    private static AblationRanking Summarise(ModelWeights weights, string text, int layer, InterventionTarget target,
        IReadOnlyList<IFeatureTrack> features, float[]? values, float[][] loss)
    {
        int positions = loss[0].Length - 1; // the last character predicts nothing
        var masks = features.Select(f => f.Compute(text).Take(positions).Select(v => v > 0).ToArray()).ToArray();
        var classes = features.Select((f, k) => new AblationClass(f.Name, masks[k].Count(on => on), Mean(loss[0], masks[k]))).ToArray();
        var all = Enumerable.Repeat(true, positions).ToArray();
        double baseLoss = Mean(loss[0], all);
        var units = Enumerable.Range(0, weights.Config.Hidden).Select(u => new UnitAblation(u, values?[u] ?? 0,
                MeanChange(loss[1 + u], loss[0], all), masks.Select(m => MeanChange(loss[1 + u], loss[0], m)).ToArray()))
            .OrderByDescending(a => a.LossChange).ThenBy(a => a.Unit).ToArray();
        return new AblationRanking(layer, target, positions, baseLoss, classes, units);
    }

    private static double Mean(float[] loss, bool[] mask) => MeanChange(loss, null, mask);

    // Mean of loss − baseline over the positions the mask keeps (NaN when it keeps none).
    private static double MeanChange(float[] loss, float[]? baseline, bool[] mask)
    {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < mask.Length; t++)
        {
            if (!mask[t]) continue;
            sum += loss[t] - (baseline?[t] ?? 0.0);
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
