using CharRnnLab.Core.Analysis.Influence;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// What the prediction of the character at <paramref name="Position"/> depended on, as the text
/// view shows it: Core's <see cref="InputInfluence"/> (‖∂ log p(text[N] | text[&lt; N]) / ∂x_t‖₂
/// per earlier input x_t) laid out in text order over the characters before it.
/// </summary>
/// <param name="Position">The character predicted (the one clicked).</param>
/// <param name="Symbol">That character.</param>
/// <param name="LogProbability">log p the model gave it, in nats.</param>
/// <param name="InputKind">"one-hot" or "embedding": what x_t is.</param>
/// <param name="Overlay">The gradient norms of the inputs before it, in text order, the clicked character as target.</param>
public sealed record InfluenceOverlay(int Position, string Symbol, double LogProbability, string InputKind, TextOverlay Overlay)
{
    public const string Name = "influence";

    public static InfluenceOverlay Of(InputInfluence influence)
    {
        int span = influence.Norms.Length; // Norms[k − 1] is distance k, i.e. position N − k
        var values = new float[span];
        for (int j = 0; j < span; j++) values[j] = (float)influence.Norms[span - 1 - j];
        return new InfluenceOverlay(influence.Position, influence.Symbol, influence.LogProbability, influence.InputKind,
            new TextOverlay(Name, influence.Position - span, values, TextOverlay.Scaled, influence.Position));
    }
}
