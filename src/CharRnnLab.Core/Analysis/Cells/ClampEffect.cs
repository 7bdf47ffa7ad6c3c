using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Cells;

/// <summary>One symbol's mean next-character probability over the text: unedited, with the unit clamped high, and clamped low.</summary>
public sealed record SymbolShift(string Symbol, double Unedited, double High, double Low)
{
    /// <summary>How much clamping high instead of low raises it.</summary>
    public double Change => High - Low;
}

/// <summary>
/// What a unit does to the next character, measured: the model read the text three times (unedited,
/// the unit clamped to <see cref="High"/>, clamped to <see cref="Low"/>, from the first character on),
/// and each symbol's probability was averaged over the <see cref="Positions"/> predictions.
/// </summary>
/// <param name="High">The clamp of the unit to the high value (a cell page takes <see cref="ClampRange.High"/>).</param>
/// <param name="Low">The clamp of the unit to the low value (a cell page takes <see cref="ClampRange.Low"/>).</param>
/// <param name="Positions">How many predictions each mean is over: the text's length less one (the last character predicts nothing).</param>
/// <param name="Rises">The symbols whose mean probability rises most from low to high, most first (Change &gt; 0).</param>
/// <param name="Falls">Those that fall most, most first (Change &lt; 0).</param>
/// <param name="Symbols">Every symbol, in vocabulary order.</param>
public sealed record ClampEffect(Intervention High, Intervention Low, int Positions,
    IReadOnlyList<SymbolShift> Rises, IReadOnlyList<SymbolShift> Falls, IReadOnlyList<SymbolShift> Symbols);

/// <summary>
/// Measures <see cref="ClampEffect"/> with the interventions' batched exact pass (<see cref="AblationRun"/>):
/// three streams, the layers below the unit's run once. Runs on the calling thread; a server puts it on
/// the compute lane. About as long as one exact recording of the text.
/// </summary>
public static class ClampEffects
{
    public static ClampEffect Measure(ModelWeights weights, string text, int layer, int unit, InterventionTarget target,
        float high, float low, int top = 10, int chunkSteps = 64, CancellationToken cancel = default)
    {
        var edits = new InterventionSet(weights.Config, [Clamp(layer, unit, target, high), Clamp(layer, unit, target, low)]); // refuses what the model lacks
        if (chunkSteps is < 1 or > 4096) throw new ConfigException($"chunk steps must be between 1 and 4096 (got {chunkSteps}).");
        int[] symbols = weights.Vocabulary.Encode(text, "text to clamp over");
        if (symbols.Length < 2) throw new CharRnnException("The text needs at least two characters: a clamp's effect is on the prediction of the next one.");

        double[] sums = Run(weights, symbols, layer, unit, target, [high, low], chunkSteps, cancel); // (3 × V)
        int v = weights.Vocabulary.Count, positions = symbols.Length - 1;
        var shifts = Enumerable.Range(0, v).Select(i => new SymbolShift(weights.Vocabulary[i].ToString(),
            sums[i] / positions, sums[v + i] / positions, sums[2 * v + i] / positions)).ToArray();
        return new ClampEffect(edits.All[0], edits.All[1], positions,
            shifts.Where(s => s.Change > 0).OrderByDescending(s => s.Change).Take(top).ToArray(),
            shifts.Where(s => s.Change < 0).OrderBy(s => s.Change).Take(top).ToArray(), shifts);
    }

    private static Intervention Clamp(int layer, int unit, InterventionTarget target, float value) =>
        new(layer, unit, target, InterventionAction.Clamp, value);

    // Streams: 0 unedited, 1 + i the unit clamped to values[i] at every step (a clamp is an ablation to that value).
    private static double[] Run(ModelWeights weights, int[] symbols, int layer, int unit, InterventionTarget target,
        float[] values, int chunkSteps, CancellationToken cancel)
    {
        int[] units = [-1, .. values.Select(_ => unit)];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var run = new AblationRun(weights, symbols, layer, units.Length,
            new PerStreamAblation(target, units, [0f, .. values], weights.Config.Hidden), sumProbabilities: true);
        for (int t0 = 0; t0 < symbols.Length; t0 += chunkSteps)
        {
            cancel.ThrowIfCancellationRequested();
            run.Chunk(t0, Math.Min(chunkSteps, symbols.Length - t0));
        }
        return run.ProbabilitySums!;
    }
}
