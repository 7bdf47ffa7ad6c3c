using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// A validated set of interventions for one model, applied by the managed stepper (as its
/// <see cref="IStepHook"/>) and by the recorder. Within a layer, c edits come first and h is
/// recomputed from the edited c as o⊙tanh(c); then h edits overwrite h. Edits of the same value
/// apply in the order given.
/// </summary>
public sealed class InterventionSet : IStepHook
{
    private readonly Intervention[][] _cell, _hidden; // per layer

    /// <summary>Checks every intervention against <paramref name="config"/>; a bad one is refused by name.</summary>
    public InterventionSet(ModelConfig config, IEnumerable<Intervention> interventions)
    {
        All = interventions.ToArray();
        foreach (var i in All) Check(config, i);
        _cell = ByLayer(config.Layers, InterventionTarget.Cell);
        _hidden = ByLayer(config.Layers, InterventionTarget.Hidden);
    }

    public IReadOnlyList<Intervention> All { get; }

    public bool IsEmpty => All.Count == 0;

    /// <summary>The c edits of <paramref name="layer"/>, in order.</summary>
    public IReadOnlyList<Intervention> CellEdits(int layer) => _cell[layer];

    /// <summary>The h edits of <paramref name="layer"/>, in order.</summary>
    public IReadOnlyList<Intervention> HiddenEdits(int layer) => _hidden[layer];

    public void AfterLayer(int layer, int position, Span<float> hidden, Span<float> cell, ReadOnlySpan<float> outputGate)
    {
        foreach (var edit in _cell[layer])
        {
            if (!edit.ActiveAt(position)) continue;
            int u = edit.Unit;
            cell[u] = edit.Apply(cell[u]);
            hidden[u] = outputGate[u] * MathF.Tanh(cell[u]); // the same expression as the cell update's
        }
        foreach (var edit in _hidden[layer])
            if (edit.ActiveAt(position)) hidden[edit.Unit] = edit.Apply(hidden[edit.Unit]);
    }

    public override string ToString() => string.Join(", ", All);

    private Intervention[][] ByLayer(int layers, InterventionTarget target) =>
        Enumerable.Range(0, layers).Select(l => All.Where(i => i.Layer == l && i.Target == target).ToArray()).ToArray();

    private static void Check(ModelConfig config, Intervention i)
    {
        string where = $"{InterventionSyntax.Verb(i.Action)} {InterventionSyntax.Format(i)}";
        if (i.Layer < 0 || i.Layer >= config.Layers)
            throw new ConfigException($"{where}: the model has layers 1 to {config.Layers}; there is no layer {i.Layer + 1}.");
        if (i.Unit < 0 || i.Unit >= config.Hidden)
            throw new ConfigException($"{where}: the model's layers have units 0 to {config.Hidden - 1}; there is no unit {i.Unit}.");
        if (i.Target == InterventionTarget.Cell && config.Cell != CellType.Lstm)
            throw new ConfigException($"{where}: a {config.Cell.ToString().ToUpperInvariant()} has no cell state c; intervene on h instead.");
        if (i.From < 0)
            throw new ConfigException($"{where}: the start position must be 0 or more (got {i.From}).");
        if (!float.IsFinite(i.Value))
            throw new ConfigException($"{where}: the value must be a finite number (got {i.Value}).");
    }
}
