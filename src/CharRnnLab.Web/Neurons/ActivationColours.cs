using System.Globalization;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>How a kind's values are brought to the colour scale's −1 … +1 (parameters: <see cref="ColourMappingParameters"/>).</summary>
public enum ColourMapping
{
    /// <summary>tanh-squashed values (tanh(c), h, g, n) are already in (−1, 1).</summary>
    Signed,
    /// <summary>Sigmoid gates in (0, 1): 2g − 1, so closed (0) is blue, half-open white, open (1) red.</summary>
    Gate,
    /// <summary>Unbounded c: divided by the cell's largest |c| over the text.</summary>
    Scaled,
}

/// <summary>
/// A mapping as numbers: x = clamp(<paramref name="Gain"/> · v / s + <paramref name="Offset"/>, −1, 1),
/// where s is the unit's largest |v| over the text when <paramref name="PerUnitMax"/>, else 1. The
/// browser receives these (see <see cref="RecordingMeta"/>) and applies the same formula, so the
/// rule of each kind is written here only.
/// </summary>
public sealed record ColourMappingParameters(string Name, double Gain, double Offset, bool PerUnitMax)
{
    /// <summary>The value on the −1 … +1 scale; <paramref name="unitMax"/> is the unit's largest |v| (used when <see cref="PerUnitMax"/>).</summary>
    public double Apply(double value, double unitMax)
    {
        double divisor = PerUnitMax ? unitMax : 1;
        return divisor > 0 ? Gain * value / divisor + Offset : 0;
    }
}

/// <summary>
/// The diverging colour scale of the text view, the picker and the HTML export: −1 blue, 0
/// white, +1 red, as in Karpathy's post. One palette of <see cref="Steps"/> colours is made
/// here and handed to the browser, so server and browser colour alike.
/// </summary>
public static class ActivationColours
{
    /// <summary>Palette entries: index i is the value i / 100 − 1, so 0 is exactly white (index 100).</summary>
    public const int Steps = 201;

    /// <summary>The colours at −1 and +1: light enough that black text stays readable on them.</summary>
    public static readonly (int R, int G, int B) Negative = (49, 120, 200), Positive = (214, 40, 40);

    public static IReadOnlyList<string> Palette { get; } = Enumerable.Range(0, Steps).Select(i => Hex(i / 100.0 - 1)).ToArray();

    /// <summary>The colour of a value in [−1, 1] (clamped; NaN is white), as "#rrggbb".</summary>
    public static string Hex(double x)
    {
        x = double.IsNaN(x) ? 0 : Math.Clamp(x, -1, 1);
        var end = x < 0 ? Negative : Positive;
        double a = Math.Abs(x);
        int Mix(int channel) => (int)Math.Round(255 + (channel - 255) * a, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(end.R):x2}{Mix(end.G):x2}{Mix(end.B):x2}");
    }

    /// <summary>The palette entry for a value already mapped to [−1, 1].</summary>
    public static string For(double x) => Palette[Index(x)];

    public static int Index(double x) => double.IsNaN(x) ? Half : (int)Math.Round((Math.Clamp(x, -1, 1) + 1) * Half);

    private const int Half = (Steps - 1) / 2; // the palette index of 0 (white)

    public static ColourMapping MappingOf(ActivationKind kind) =>
        kind == ActivationKind.Cell ? ColourMapping.Scaled : ActivationKinds.IsSigmoidGate(kind) ? ColourMapping.Gate : ColourMapping.Signed;

    /// <summary>The numbers of each mapping: signed as is, gates 2g − 1, c divided by the unit's largest |c|.</summary>
    public static ColourMappingParameters Parameters(ColourMapping mapping) => mapping switch
    {
        ColourMapping.Gate => new("gate", 2, -1, PerUnitMax: false),
        ColourMapping.Scaled => new("scaled", 1, 0, PerUnitMax: true),
        _ => new("signed", 1, 0, PerUnitMax: false),
    };

    /// <summary>Maps a value of <paramref name="kind"/> to [−1, 1] (unclamped); <paramref name="scale"/> is the unit's largest |c| for <see cref="ColourMapping.Scaled"/>.</summary>
    public static double Normalize(ActivationKind kind, double value, double scale = 1) =>
        Parameters(MappingOf(kind)).Apply(value, scale);

    /// <summary>What the two ends and the middle of the scale mean for a kind (for the legend).</summary>
    public static (string Low, string Middle, string High) Legend(ActivationKind kind) => MappingOf(kind) switch
    {
        ColourMapping.Gate => ("0 closed", "0.5", "1 open"),
        ColourMapping.Scaled => ("−max |c|", "0", "+max |c|"),
        _ => ("−1", "0", "+1"),
    };
}
