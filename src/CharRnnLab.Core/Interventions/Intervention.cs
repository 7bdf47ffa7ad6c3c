using System.Globalization;

namespace CharRnnLab.Core.Interventions;

/// <summary>Which per-unit value an intervention overwrites: the LSTM cell state c, or the hidden output h.</summary>
public enum InterventionTarget { Cell, Hidden }

/// <summary>What an intervention does to the value: pin it, knock it out, or multiply it.</summary>
public enum InterventionAction
{
    /// <summary>Overwrite with <see cref="Intervention.Value"/>.</summary>
    Clamp,
    /// <summary>Overwrite with <see cref="Intervention.Value"/>: 0, or the unit's mean over a text (<see cref="UnitMeans"/>).</summary>
    Ablate,
    /// <summary>Multiply by <see cref="Intervention.Value"/>.</summary>
    Scale,
}

/// <summary>
/// One edit of one unit's state, applied after the layer's cell update at every position ≥
/// <see cref="From"/> (position = index of the character just read, 0 = the first). The edited
/// value is what the next layer, the head and the next step see (docs/interventions.md).
/// Layers are 0-based here; front ends show layer + 1. Units are 0-based everywhere.
/// </summary>
public sealed record Intervention(int Layer, int Unit, InterventionTarget Target, InterventionAction Action, float Value = 0, int From = 0)
{
    /// <summary>The value that replaces <paramref name="current"/>.</summary>
    public float Apply(float current) => Action == InterventionAction.Scale ? current * Value : Value;

    public bool ActiveAt(int position) => position >= From;

    /// <summary>The command-line form: "clamp 1:c:5=0.9@10" (layer from 1).</summary>
    public override string ToString() => $"{InterventionSyntax.Verb(Action)} {InterventionSyntax.Format(this)}";

    internal static string Number(float value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
