using System.Globalization;
using CharRnnLab.Core.Analysis.Features;

namespace CharRnnLab.Web.Neurons;

/// <summary>How the edit and ablation panels write losses (nats per character) and name classes: "–" where a class is empty (NaN).</summary>
public static class LossFormat
{
    /// <summary>A loss: "2.702".</summary>
    public static string Nats(double v) => double.IsNaN(v) ? "–" : v.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A change, signed: "+0.033", "−0.120".</summary>
    public static string Signed(double v) => double.IsNaN(v) ? "–" : v.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    /// <summary>A class's positions in words, by its track name: "inside quotes".</summary>
    public static string Class(string feature) => FeatureClasses.Label(FeatureClasses.Find(feature));
}
