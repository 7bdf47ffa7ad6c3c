using System.Text.Json.Serialization;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// One number per character of a stretch of the recorded text, shown in the text view's overlay
/// mode instead of the selected cell's colours (docs/recordings-api.md, "Overlays"). The values
/// reach the palette by <see cref="Mapping"/>, the same rule the kinds use, with s the largest
/// |value| of the overlay; characters outside [Start, Start + Values.Length) stay white.
/// </summary>
/// <param name="Name">What the numbers are, in a word ("influence", "change in log p").</param>
/// <param name="Start">The position of Values[0] in the text.</param>
/// <param name="Values">The numbers, in text order.</param>
/// <param name="Mapping">How a value reaches the −1 … +1 scale.</param>
/// <param name="Target">A position to outline (the prediction explained), or null.</param>
public sealed record TextOverlay(string Name, int Start, float[] Values, ColourMappingParameters Mapping, int? Target)
{
    /// <summary>Values divided by the largest |value|: 0 white, the largest red (or blue when negative).</summary>
    public static ColourMappingParameters Scaled { get; } = ActivationColours.Parameters(ColourMapping.Scaled);

    /// <summary>The largest |value| (what the scaled mapping divides by; the browser works it out itself).</summary>
    [JsonIgnore]
    public float Largest => Values.Length == 0 ? 0 : Values.Max(MathF.Abs);
}
