using static TorchSharp.torch;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// Stream s ablates its own unit (or none) of c or h at every step: state ← state⊙keep + fill with
/// keep (S, H) all ones but a 0 at (s, unit[s]) and fill (S, H) all zeros but the ablation value
/// there. One fused edit for a whole batch of single-unit ablations.
/// </summary>
internal sealed class PerStreamAblation : ILayerEdits
{
    private readonly InterventionTarget _target;
    private readonly Tensor _keep, _fill; // (S, H)

    /// <param name="target">The state ablated: c (LSTM only) or h.</param>
    /// <param name="units">Per stream, the unit it ablates, or −1 for none (S).</param>
    /// <param name="values">Per stream, the value the unit is set to (S).</param>
    /// <param name="hidden">H: the layer's units per stream.</param>
    public PerStreamAblation(InterventionTarget target, int[] units, float[] values, int hidden)
    {
        _target = target;
        var keep = Enumerable.Repeat(1f, units.Length * hidden).ToArray();
        var fill = new float[units.Length * hidden];
        for (int s = 0; s < units.Length; s++)
        {
            if (units[s] < 0) continue;
            keep[s * hidden + units[s]] = 0;
            fill[s * hidden + units[s]] = values[s];
        }
        _keep = tensor(keep, [units.Length, hidden]);
        _fill = tensor(fill, [units.Length, hidden]);
    }

    public void Cell(Tensor c, int windowStep)
    {
        if (_target == InterventionTarget.Cell) c.mul_(_keep).add_(_fill);
    }

    public void Hidden(Tensor h, int windowStep)
    {
        if (_target == InterventionTarget.Hidden) h.mul_(_keep).add_(_fill);
    }
}
